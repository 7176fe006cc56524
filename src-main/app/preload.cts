// The sandboxed preload: it gives the dashboard exactly the contract's two functions, invoke and on, and
// nothing else of Electron (no raw ipcRenderer). It must stay self-contained (a sandboxed preload cannot load
// other files); the main process checks every channel name and input against the contract.
// A sandboxed preload is CommonJS and may load only 'electron', through require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contextBridge, ipcRenderer } = require('electron') as typeof import('electron');
type IpcRendererEvent = import('electron').IpcRendererEvent;

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on('contract:event', (_event: IpcRendererEvent, channel: string, payload: unknown) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
});

contextBridge.exposeInMainWorld('mcpTray', {
  async invoke(channel: string, input: unknown): Promise<unknown> {
    const answer = (await ipcRenderer.invoke('contract:invoke', channel, input)) as
      { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; field?: string } };
    if (answer.ok) return answer.value;
    throw Object.assign(new Error(answer.error.message), {
      code: answer.error.code,
      field: answer.error.field,
    });
  },
  on(channel: string, listener: Listener): () => void {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  },
});
