import { AppError } from './app-error.ts';

/** Turns a failed `listen` into a message that names the port and the fix. Other errors pass through. */
export function listenError(
  error: NodeJS.ErrnoException,
  host: string,
  port: number,
  holder?: string,
): Error {
  if (error.code === 'EADDRINUSE') {
    const who = holder ? `by ${holder}` : 'by another program';
    return new AppError(
      'port_in_use',
      `Port ${port} on ${host} is already in use ${who}. Stop that program, or pick another port with --port ` +
        `(or the MCP_PORT environment variable), for example --port ${port === 65535 ? port - 1 : port + 1}.`,
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
