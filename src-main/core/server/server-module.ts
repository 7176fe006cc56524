/** A part of the running server that holds something to let go of: files, timers, watchers, servers. */
export interface ServerModule {
  readonly name: string;
  close(): Promise<void>;
}

/**
 * The modules started so far, closed in reverse order: on Quit, and when a later module fails to start (the
 * earlier ones then let go of what they hold before the failure is reported).
 */
export class ModuleStack {
  private readonly modules: ServerModule[] = [];
  private readonly onCloseError: (module: string, error: Error) => void;

  constructor(onCloseError: (module: string, error: Error) => void) {
    this.onCloseError = onCloseError;
  }

  add<M extends ServerModule>(module: M): M {
    this.modules.push(module);
    return module;
  }

  /** Starts a module and keeps it; a failure closes what was started before, then is thrown as it came. */
  async start<M extends ServerModule>(starting: () => M | Promise<M>): Promise<M> {
    try {
      return this.add(await starting());
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  /** Closes every module, the last started first; one that fails to close does not stop the others. */
  async close(): Promise<void> {
    for (const module of this.modules.splice(0).reverse()) {
      await module.close().catch((error: Error) => this.onCloseError(module.name, error));
    }
  }
}
