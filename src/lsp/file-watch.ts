// Tells when any of a set of files is created, changed or deleted, by watching the folders that
// hold them (a file's own watch is lost when an editor saves by writing a new file and renaming
// it over the old one; its folder's is not). Folders are watched one level deep, never
// recursively, which node's fs.watch does alike on Linux, macOS and Windows.

import { watch, type FSWatcher } from 'node:fs';
import { dirname, join } from 'node:path';

export class FileSetWatch {
  private readonly folders = new Map<string, FSWatcher>();
  private files = new Set<string>();

  constructor(private readonly onChange: (file: string) => void) {}

  /** Watches these files from now on (and no others). */
  set(files: ReadonlySet<string>): void {
    this.files = new Set(files);
    const wanted = new Set([...files].map((f) => dirname(f)));
    for (const [folder, watcher] of this.folders) {
      if (wanted.has(folder)) continue;
      watcher.close();
      this.folders.delete(folder);
    }
    for (const folder of wanted) {
      if (this.folders.has(folder)) continue;
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          // Some platforms may not say which file; then any of ours here may have changed.
          const changed = name ? [join(folder, name.toString())] : [...this.files].filter((f) => dirname(f) === folder);
          for (const file of changed) if (this.files.has(file)) this.onChange(file);
        });
        watcher.on('error', () => {
          watcher.close();
          this.folders.delete(folder);
        });
        this.folders.set(folder, watcher);
      } catch {
        // A folder that does not exist (yet), or cannot be watched: nothing to be told about.
      }
    }
  }

  close(): void {
    for (const watcher of this.folders.values()) watcher.close();
    this.folders.clear();
  }
}
