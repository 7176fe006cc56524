import { ListenError } from '../app-error.ts';

/**
 * Turns a failed `listen` into a ListenError that names the port and what holds it. The message says what
 * to do in general; the CLI and the desktop app each add how (a flag, a variable). Other errors pass through.
 */
export function listenError(
  error: NodeJS.ErrnoException,
  host: string,
  port: number,
  found: { holder?: string | undefined; freePort?: number | undefined } = {},
): Error {
  const where = { host, port, freePort: found.freePort, cause: error };
  if (error.code === 'EADDRINUSE') {
    const who = found.holder ? `by ${found.holder}` : 'by another program';
    return new ListenError(
      'port_in_use',
      `Port ${port} on ${host} is already in use ${who}. Stop that program, or pick another port.`,
      where,
    );
  }
  if (error.code === 'EACCES') {
    return new ListenError(
      'port_not_permitted',
      `This system does not permit listening on port ${port} on ${host} (on Windows the port may sit in an ` +
        `excluded range: see "netsh interface ipv4 show excludedportrange protocol=tcp"). Pick another port, ` +
        'one above 1024.',
      where,
    );
  }
  if (error.code === 'EADDRNOTAVAIL') {
    return new ListenError(
      'host_not_available',
      `This computer has no network address ${host}. Listen on 127.0.0.1 (the default) instead.`,
      where,
    );
  }
  return error;
}
