import { AppError } from '../app-error.ts';

/** Turns a failed `listen` into a message that names the port and the fix. Other errors pass through. */
export function listenError(
  error: NodeJS.ErrnoException,
  host: string,
  port: number,
  found: { holder?: string | undefined; freePort?: number | undefined } = {},
): Error {
  if (error.code === 'EADDRINUSE') {
    const who = found.holder ? `by ${found.holder}` : 'by another program';
    const example =
      found.freePort === undefined ? '' : ` (${found.freePort} is free: --port ${found.freePort})`;
    return new AppError(
      'port_in_use',
      `Port ${port} on ${host} is already in use ${who}. Stop that program, or pick another port in Settings, ` +
        `with --port or with the MCP_PORT environment variable${example}.`,
      { exitCode: 2, cause: error },
    );
  }
  if (error.code === 'EACCES') {
    return new AppError(
      'port_not_permitted',
      `This system does not permit listening on port ${port} on ${host} (on Windows the port may sit in an ` +
        `excluded range: see "netsh interface ipv4 show excludedportrange protocol=tcp"). Pick another port ` +
        'with --port (or MCP_PORT), one above 1024.',
      { exitCode: 2, cause: error },
    );
  }
  if (error.code === 'EADDRNOTAVAIL') {
    return new AppError(
      'host_not_available',
      `This computer has no network address ${host}. Use --host 127.0.0.1 (the default).`,
      { exitCode: 2, cause: error },
    );
  }
  return error;
}
