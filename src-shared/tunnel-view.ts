/** The tunnel programs MCP Tray runs to get a public HTTPS URL. */
export const TUNNEL_TOOLS = ['cloudflared', 'ngrok', 'tailscale'] as const;
export type TunnelTool = (typeof TUNNEL_TOOLS)[number];

/** The tunnel that gives this server a public URL, as the dashboard shows it. */
export interface TunnelView {
  /** The tool running (or asked for); null when no tunnel is on. */
  tool: TunnelTool | null;
  /** Whether a named cloudflared tunnel's token is kept in the secret store. */
  hasToken: boolean;
  state: 'starting' | 'up' | 'restarting' | 'missing' | 'failed' | 'stopped';
  /** The public MCP endpoint while the tunnel is up. */
  publicUrl: string | null;
  /** What went wrong, or how to install the tool when it is missing. */
  problem?: string;
  /** What to know about this tool (ngrok's warning page). */
  caveat?: string;
}
