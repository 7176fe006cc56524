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

/** What starting a server once, as it was added, showed: how many tools it offers, or why it did not start. */
export type AddedServerStart = { started: true; tools: number } | { started: false; reason: string };

/** What importing a client's servers would add, before anything changes. */
export interface ImportPreview {
  path: string;
  adding: { name: string; original: string; what: string; secrets: string[] }[];
  skipped: string[];
}
