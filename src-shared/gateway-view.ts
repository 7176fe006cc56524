/** What one of the user's MCP servers behind the gateway is doing, for the CLI, the dashboard and the tray. */
export type UpstreamState = 'starting' | 'running' | 'stopped' | 'crashed' | 'failed' | 'disabled';

export interface HeldBackView {
  tool: string;
  reason: 'new' | 'changed' | 'collision';
  changes?: { field: string; approved: string; offered: string }[];
  clashesWith?: string;
  /** The tool as offered now (what approving it records). */
  offered?: {
    title?: string;
    description?: string;
    inputSchema: Record<string, unknown>;
    annotations?: Record<string, unknown>;
  };
}

export interface UpstreamView {
  name: string;
  kind: 'stdio' | 'remote';
  enabled: boolean;
  /** What its tools and prompts are prefixed with (`<prefix>__<name>`); null when they keep their names. */
  prefix: string | null;
  state: UpstreamState;
  /** The upstream's process (stdio servers that run). */
  pid: number | null;
  tools: number;
  resources: number;
  prompts: number;
  restarts: number;
  lastError: string | null;
  heldBack: HeldBackView[];
}
