// Writing the report to --output-file without ever losing what was read. A path is the same file
// as an input when it resolves to the same real path or, through any symlink or hard link, to
// the same device and inode; either way the report is refused before a byte is written. The
// report goes to a temporary file beside the target and is renamed over it, so a reader never
// sees half a report and a failed write leaves the old one whole.

import { closeSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

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

/**
 * Writes `text` to `target`: a regular file (or a new one) by a temporary file and a rename; a
 * terminal, pipe or device (`-o /dev/stdout`) directly, since it cannot be replaced.
 */
export function writeReport(target: string, text: string): void {
  let stats: Stats | undefined;
  try {
    stats = statSync(target);
  } catch {
    stats = undefined;
  }
  if (stats?.isDirectory()) throw new Error(`cannot write the report to ${target}: it is a folder`);
  if (stats && !stats.isFile()) {
    const fd = openSync(target, 'w');
    try {
      writeAll(fd, text);
    } finally {
      closeSync(fd);
    }
    return;
  }
  // Through a symlink to a regular file, the file it points to is replaced, not the link.
  const real = stats ? realpathSync(target) : target;
  mkdirSync(dirname(real), { recursive: true });
  const temporary = join(dirname(real), `.${basename(real)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', stats ? stats.mode & 0o777 : 0o666);
  try {
    writeAll(fd, text);
    closeSync(fd);
    renameSync(temporary, real);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    try {
      if (lstatSync(temporary)) unlinkSync(temporary);
    } catch {
      // never created or already renamed
    }
    throw error;
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}
