import { stat, unwatchFile, watch, watchFile, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/** How often the file is polled where its folder cannot be watched. */
const POLL_MS = 500;
/**
 * How long the file must be left alone after an event before it is read. A watch reports a write as it
 * begins: a writer that truncates and then writes (an editor, `echo >`) would otherwise be read empty, and
 * an empty settings file is set aside as unreadable.
 */
const SETTLE_MS = 100;

/** What tells one version of a file from another: gone, or its inode, size and modification time. */
function identity(path: string, done: (id: string) => void): void {
  stat(path, { bigint: true }, (error, stats) =>
    done(error ? 'missing' : `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`),
  );
}

/**
 * Calls `changed` when the file at `path` is written, replaced (an atomic rename), created or removed. The
 * folder is watched (inotify, FSEvents, ReadDirectoryChangesW), so an idle server does nothing at all until
 * a file changes; where no watch can be had (Linux's inotify limits, some network drives) the file is
 * polled every half second instead. Events that leave the file as it was are not passed on. Returns the
 * unwatch.
 */
export function watchFileChanges(path: string, changed: () => void, pollMs = POLL_MS): () => void {
  const name = basename(path);
  let seen: string | undefined;
  identity(path, (id) => (seen ??= id));
  let stopped = false;
  let polling = false;
  let watcher: FSWatcher | undefined;
  let settle: NodeJS.Timeout | undefined;
  const check = () =>
    identity(path, (id) => {
      if (stopped || id === seen) return;
      seen = id;
      changed();
    });
  const poll = () => {
    watcher?.close();
    watcher = undefined;
    if (stopped || polling) return;
    polling = true;
    watchFile(path, { interval: pollMs, persistent: false }, () => check());
  };
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, file) => {
      if (file !== null && file !== name) return;
      clearTimeout(settle);
      settle = setTimeout(check, SETTLE_MS);
      settle.unref();
    });
    watcher.on('error', poll);
  } catch {
    poll();
  }
  return () => {
    stopped = true;
    clearTimeout(settle);
    watcher?.close();
    if (polling) unwatchFile(path);
  };
}
