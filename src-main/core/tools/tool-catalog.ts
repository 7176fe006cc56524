import type { Logger } from '../logger.ts';
import type {
  OfferChange,
  PromptDefinition,
  ResourceDefinition,
  ResourceTemplateDefinition,
  ToolDefinition,
  ToolProvider,
} from './tool-provider.ts';

/**
 * Every tool provider of the server as one list: started in order before the server listens (one that fails
 * is logged and left out, and the others go on), closed in reverse, and watched for changes.
 */
export class ToolCatalog implements ToolProvider {
  readonly id = 'catalog';
  private readonly providers: readonly ToolProvider[];
  private readonly logger: Logger;
  private started: ToolProvider[] = [];
  private readonly listeners = new Set<(change: OfferChange) => void>();
  private readonly unsubscribes: (() => void)[] = [];

  constructor(providers: readonly ToolProvider[], logger: Logger) {
    this.providers = providers;
    this.logger = logger;
  }

  async start(): Promise<void> {
    for (const provider of this.providers) {
      try {
        await provider.start?.();
      } catch (error) {
        this.logger.warn(
          `The tools of "${provider.id}" are left out: it failed to start (${(error as Error).message}).`,
        );
        continue;
      }
      this.started.push(provider);
      const stop = provider.onChange?.((change) => this.changed(change));
      if (stop !== undefined) this.unsubscribes.push(stop);
    }
  }

  async close(): Promise<void> {
    for (const stop of this.unsubscribes.splice(0)) stop();
    for (const provider of this.started.splice(0).reverse()) {
      await provider.close?.().catch((error: Error) => {
        this.logger.warn(`Closing the tools of "${provider.id}" failed: ${error.message}`);
      });
    }
  }

  /**
   * The tools of every started provider, in provider order (and so for the other lists). A name is one tool:
   * the first provider's (the built-ins, then the folders' search and fetch, then the gateway), so a server
   * whose tool took a name before another provider claimed it (a folder added later) cannot break the list.
   */
  tools(): ToolDefinition[] {
    const seen = new Set<string>();
    return this.started
      .flatMap((provider) => provider.tools())
      .filter((tool) => !seen.has(tool.name) && seen.add(tool.name) !== undefined);
  }

  resources(): ResourceDefinition[] {
    return this.started.flatMap((provider) => provider.resources?.() ?? []);
  }

  resourceTemplates(): ResourceTemplateDefinition[] {
    return this.started.flatMap((provider) => provider.resourceTemplates?.() ?? []);
  }

  prompts(): PromptDefinition[] {
    return this.started.flatMap((provider) => provider.prompts?.() ?? []);
  }

  wake(): void {
    for (const provider of this.started) provider.wake?.();
  }

  /** Calls `listener` when any provider's lists change; returns the unsubscribe. */
  onChange(listener: (change: OfferChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(change: OfferChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
