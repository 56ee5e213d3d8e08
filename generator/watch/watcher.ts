// Watching files through their folders. Editors save by writing a new file and renaming
// it over the old one, which ends a watch on the old inode; a folder watch sees the new
// name arrive, and a deleted file coming back. A folder that itself disappears is
// retried until it is there again. Bursts of events are debounced into one call.

import { existsSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, join } from "node:path";

export interface FileWatcher {
  /** Watch exactly these files (absolute paths); folders no longer needed are released. */
  setFiles(files: Iterable<string>): void;
  close(): void;
}

interface Folder {
  names: Set<string>;
  watcher?: FSWatcher;
}

const RETRY_MS = 250;
/** However busy the folder, a change is reported within this long. */
const MAX_WAIT_MS = 500;

export function watchFiles(input: { debounceMs: number; onChange: (files: string[]) => void }): FileWatcher {
  const folders = new Map<string, Folder>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let firstPending = 0;
  let closed = false;

  const flush = () => {
    timer = undefined;
    const files = [...pending].sort();
    pending.clear();
    if (files.length > 0 && !closed) input.onChange(files);
  };
  const changed = (file: string) => {
    if (closed) return;
    if (pending.size === 0) firstPending = Date.now();
    pending.add(file);
    if (timer) clearTimeout(timer);
    const wait = Math.min(input.debounceMs, Math.max(0, firstPending + MAX_WAIT_MS - Date.now()));
    timer = setTimeout(flush, wait);
  };
  const arm = (dir: string, folder: Folder) => {
    try {
      folder.watcher = watch(dir, { persistent: true }, (event, name) => {
        // A deleted folder ends its watch without an error on Linux: notice it here.
        if (event === "rename" && !existsSync(dir)) return disarm(dir, folder);
        // Some platforms do not name the file: any watched file in the folder may have changed.
        const names = name ? [name.toString()].filter((entry) => folder.names.has(entry)) : [...folder.names];
        for (const entry of names) changed(join(dir, entry));
      });
      folder.watcher.on("error", () => disarm(dir, folder));
      return true;
    } catch {
      return false;
    }
  };
  const disarm = (dir: string, folder: Folder) => {
    folder.watcher?.close();
    delete folder.watcher;
    // The folder is gone (or unreadable): its files count as changed, and it is retried.
    for (const name of folder.names) changed(join(dir, name));
  };
  const retry = setInterval(() => {
    for (const [dir, folder] of folders) {
      if (!folder.watcher && arm(dir, folder)) for (const name of folder.names) changed(join(dir, name));
    }
  }, RETRY_MS);

  return {
    setFiles(files) {
      const wanted = new Map<string, Set<string>>();
      for (const file of files) {
        const dir = dirname(file);
        if (!wanted.has(dir)) wanted.set(dir, new Set());
        wanted.get(dir)!.add(basename(file));
      }
      for (const [dir, folder] of folders) {
        if (wanted.has(dir)) continue;
        folder.watcher?.close();
        folders.delete(dir);
      }
      for (const [dir, names] of wanted) {
        const folder = folders.get(dir);
        if (folder) folder.names = names;
        else {
          const created: Folder = { names };
          folders.set(dir, created);
          arm(dir, created);
        }
      }
    },
    close() {
      closed = true;
      clearInterval(retry);
      if (timer) clearTimeout(timer);
      for (const folder of folders.values()) folder.watcher?.close();
      folders.clear();
    },
  };
}
