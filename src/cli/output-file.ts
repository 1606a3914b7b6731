// Writing the report to --output-file without ever losing what was read. A path is the same file
// as an input when it resolves to the same real path or, through any symlink or hard link, to
// the same device and inode; either way the report is refused before a byte is written. The
// report goes to a temporary file beside the target and is renamed over it, so a reader never
// sees half a report and a failed write leaves the old one whole.

import { realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeWhole } from '../io/write.js';

/** Why the report cannot go to `target`, or null when it can. `inputs` are absolute paths. */
export function outputClash(target: string, inputs: Iterable<string>): string | null {
  const out = identify(target);
  if (!out) return null;
  for (const input of inputs) {
    const read = identify(input);
    if (!read) continue;
    if (read.real === out.real || (out.stats && read.stats && read.stats.dev === out.stats.dev && read.stats.ino === out.stats.ino)) return input;
  }
  return null;
}

interface Identity {
  real: string;
  stats?: Stats;
}

/** The real path of a file (or, for one not there yet, of its folder plus its name), and its stats. */
function identify(path: string): Identity | null {
  try {
    return { real: realpathSync(path), stats: statSync(path) };
  } catch {
    try {
      return { real: join(realpathSync(dirname(path)), basename(path)) };
    } catch {
      return null;
    }
  }
}

/** Writes the report (its pieces one after another) whole or not at all (src/io/write.ts). */
export function writeReport(target: string, text: string | Iterable<string | Uint8Array>): void {
  writeWhole(target, text, 'the report');
}
