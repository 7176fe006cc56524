import { createServer } from 'node:net';
import { describePortHolder } from '../port-holder.ts';

/** Whether `port` can be listened on at `host` right now, and if not, who holds it (where the OS can tell). */
export function checkPortFree(
  port: number,
  host: string,
): Promise<{ free: true } | { free: false; reason: string }> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') {
        return resolve({
          free: false,
          reason: `port ${port} cannot be used here (${error.code ?? error.message})`,
        });
      }
      void describePortHolder(port).then((holder) =>
        resolve({ free: false, reason: `port ${port} is in use by ${holder ?? 'another program'}` }),
      );
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve({ free: true })));
  });
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** The first port after `port` (within 50) that can be listened on now, to suggest instead of a taken one. */
export async function nearestFreePort(port: number, host: string): Promise<number | undefined> {
  for (let candidate = port + 1; candidate <= Math.min(port + 50, 65535); candidate += 1) {
    if (await canListen(candidate, host)) return candidate;
  }
  return undefined;
}
