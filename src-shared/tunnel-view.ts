/** The tunnel that gives this server a public URL, as the dashboard shows it. */
export interface TunnelView {
  /** The tool running (or asked for); null when no tunnel is on. */
  tool: 'cloudflared' | 'ngrok' | null;
  state: 'starting' | 'up' | 'restarting' | 'missing' | 'failed' | 'stopped';
  /** The public MCP endpoint while the tunnel is up. */
  publicUrl: string | null;
  /** What went wrong, or how to install the tool when it is missing. */
  problem?: string;
  /** What to know about this tool (ngrok's warning page). */
  caveat?: string;
}
