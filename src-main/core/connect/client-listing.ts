import { access } from 'node:fs/promises';
import type { ConnectClientView, ConnectScope } from '../../../src-shared/connect-view.ts';
import { CLIENT_SPECS, type ClientSpec } from './client-catalog.ts';
import { entryWay, readEntry } from './client-entry-edit.ts';
import { readClientFile } from './client-file-io.ts';
import { clientFile, clientFolders, type ClientPlace } from './client-files.ts';
import { programOnPath } from '../fs/program-on-path.ts';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function installed(spec: ClientSpec, place: ClientPlace): Promise<boolean> {
  for (const folder of clientFolders(spec.id, place)) if (await exists(folder)) return true;
  for (const program of spec.programs)
    if ((await programOnPath(program, place.env, place.platform)) !== undefined) return true;
  return false;
}

/**
 * Every client MCP Tray can connect: whether it is installed here, and where MCP Tray's entry is (user
 * scope, and the project's). `keyName` names the keys by id; a file that cannot be read says so in `note`.
 */
export async function listClients(
  place: ClientPlace,
  keyName: (id: string) => string | undefined,
  recorded: (file: string) => { keyId: string; backup: string | null } | undefined = () => undefined,
): Promise<ConnectClientView[]> {
  return Promise.all(
    CLIENT_SPECS.map(async (spec): Promise<ConnectClientView> => {
      const view: ConnectClientView = {
        id: spec.id,
        title: spec.title,
        installed: await installed(spec, place),
        scopes: spec.scopes,
        ways: spec.ways,
        userFile: clientFile(spec.id, 'user', place)!,
        note: spec.note,
        ...(spec.checkCommand !== undefined && { checkCommand: spec.checkCommand }),
      };
      const connected: NonNullable<ConnectClientView['connected']> = [];
      for (const scope of spec.scopes as ConnectScope[]) {
        const file = clientFile(spec.id, scope, place)!;
        const text = await readClientFile(file).catch(() => null);
        if (text === null) continue;
        try {
          const entry = readEntry(spec, text, file);
          if (entry === undefined) continue;
          const found = entryWay(entry);
          // A client that asks for the key (or holds it) does not name it: MCP Tray's record does.
          const record = recorded(file);
          const keyId = found.keyId ?? record?.keyId;
          const name = keyId === undefined ? undefined : keyName(keyId);
          connected.push({
            way: found.way,
            scope,
            file,
            ...(keyId !== undefined && { keyId }),
            ...(name !== undefined && { keyName: name }),
            ...(record !== undefined && record.backup !== null && { backup: record.backup }),
          });
        } catch (error) {
          view.note = `${(error as Error).message} ${spec.note}`;
        }
      }
      if (connected.length > 0) view.connected = connected;
      return view;
    }),
  );
}
