import { MCP_PATH } from '../../../src-shared/product.ts';
import type { TunnelView } from '../../../src-shared/tunnel-view.ts';
import type { Logger } from '../logger.ts';
import type { PublicAddress } from './public-address.ts';
import { TunnelSupervisor } from './tunnel-supervisor.ts';
import type { SecretStore } from '../keys/secret-store.ts';
import { NGROK_CAVEAT, TUNNEL_TOKEN_ACCOUNT, type TunnelTool } from './tunnel-tools.ts';

export interface TunnelControllerDeps {
  port: number;
  env: NodeJS.ProcessEnv;
  publicAddress: PublicAddress;
  logger: Logger;
  /** Where a tunnel started from the dashboard is remembered, to start again with the server (settings.json). */
  settings: {
    update(changes: {
      tunnel?: TunnelTool | undefined;
      tunnelPath?: string | undefined;
      tunnelHostname?: string | undefined;
    }): Promise<unknown>;
  };
  onChange: (view: TunnelView) => void;
  /** Where a named cloudflared tunnel's token is kept (the keychain). */
  secrets: Pick<SecretStore, 'get' | 'set'>;
}

/**
 * The server's one tunnel ("Expose to the internet"): started and stopped from the dashboard or the command
 * line, remembered in settings when the dashboard asks, stopped with the server. While it runs, its URL is
 * the public address; stopped, the public URL set in Settings (if any) comes back.
 */
export class TunnelController {
  private supervisor: TunnelSupervisor | undefined;
  private tool: TunnelTool | undefined;
  private hostname: string | undefined;
  private readonly deps: TunnelControllerDeps;
  private readonly configured: string | undefined;
  private tokenSaved = false;

  constructor(deps: TunnelControllerDeps) {
    this.deps = deps;
    this.configured = deps.publicAddress.origin;
  }

  view(): TunnelView {
    const s = this.supervisor;
    return {
      tool: this.tool ?? null,
      state: s?.state ?? 'stopped',
      publicUrl: s?.url !== undefined && s.state === 'up' ? `${s.url}${MCP_PATH}` : null,
      hasToken: this.tokenSaved,
      ...(s?.problem !== undefined && { problem: s.problem }),
      ...(this.tool === 'ngrok' && this.hostname === undefined && { caveat: NGROK_CAVEAT }),
    };
  }

  /** Whether a named tunnel's token is kept (asked once at start: the view is read often). */
  async load(): Promise<void> {
    this.tokenSaved =
      (await this.deps.secrets.get(TUNNEL_TOKEN_ACCOUNT).catch(() => undefined)) !== undefined;
  }

  /**
   * Starts `tool` (stopping any other first); `remember` keeps it on for the next start of the server. A
   * named cloudflared tunnel's `token`, when given, is kept in the secret store; it reaches cloudflared in
   * its environment (TUNNEL_TOKEN), never on its command line.
   */
  async start(
    tool: TunnelTool,
    program: string | undefined,
    remember: boolean,
    hostname?: string,
    token?: string,
  ): Promise<TunnelView> {
    await this.halt();
    this.tool = tool;
    this.hostname = hostname;
    if (token !== undefined) {
      await this.deps.secrets.set(TUNNEL_TOKEN_ACCOUNT, token);
      this.tokenSaved = true;
    }
    this.supervisor = new TunnelSupervisor({
      tool,
      port: this.deps.port,
      program,
      hostname,
      env: await this.environment(tool, hostname),
      publicAddress: this.deps.publicAddress,
      logger: this.deps.logger,
      onChange: () => this.deps.onChange(this.view()),
    });
    if (remember)
      await this.deps.settings.update({ tunnel: tool, tunnelPath: program, tunnelHostname: hostname });
    await this.supervisor.start();
    return this.view();
  }

  /** Stops the tunnel; `forget` keeps it off at the next start of the server too. */
  async stop(forget: boolean): Promise<TunnelView> {
    // Forgotten first: whoever sees it go off (its exit is announced at once) finds it forgotten too.
    if (forget)
      await this.deps.settings.update({
        tunnel: undefined,
        tunnelPath: undefined,
        tunnelHostname: undefined,
      });
    await this.halt();
    this.tool = undefined;
    this.deps.publicAddress.set(this.configured);
    this.deps.onChange(this.view());
    return this.view();
  }

  /** The tool's environment: a named tunnel gets the kept token, unless TUNNEL_TOKEN is set already. */
  private async environment(tool: TunnelTool, hostname: string | undefined): Promise<NodeJS.ProcessEnv> {
    if (tool !== 'cloudflared' || hostname === undefined || this.deps.env['TUNNEL_TOKEN'])
      return this.deps.env;
    const kept = await this.deps.secrets.get(TUNNEL_TOKEN_ACCOUNT).catch(() => undefined);
    return kept === undefined ? this.deps.env : { ...this.deps.env, TUNNEL_TOKEN: kept };
  }

  private async halt(): Promise<void> {
    const running = this.supervisor;
    this.supervisor = undefined;
    await running?.stop();
  }
}
