// Writing a file whole or not at all: the text goes to a temporary file beside the target, which
// is then renamed over it, so a reader never sees half of it and a failed write leaves the old
// file whole. Used for the report, the baseline and the cache.

import { closeSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes `text` (or its pieces, one after another) to `target`: a regular file (or a new one) by
 * a temporary file and a rename; a terminal, pipe or device (`-o /dev/stdout`) directly, since it
 * cannot be replaced.
 */
export function writeWhole(target: string, text: string | Iterable<string | Uint8Array>, what: string): void {
  let stats: Stats | undefined;
  try {
    stats = statSync(target);
  } catch {
    stats = undefined;
  }
  if (stats?.isDirectory()) throw new Error(`cannot write ${what} to ${target}: it is a folder`);
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

function writeAll(fd: number, text: string | Iterable<string | Uint8Array>): void {
  for (const piece of typeof text === 'string' ? [text] : text) {
    const bytes = typeof piece === 'string' ? utf8(piece) : piece;
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  }
}

/** Up to this many characters, a piece is encoded into room for the most bytes it can take. */
const ROOMY = 1 << 20;

/**
 * A piece of text as UTF-8. Buffer.from measures the encoded length first, a pass over the text
 * as long as the encoding itself (the two were a ninth of a merge's instructions, on a 78 MB
 * report); a piece of a report is encoded straight into room for three bytes a character (what
 * UTF-8 takes at most for a UTF-16 unit), and the part used kept.
 */
export function utf8(piece: string): Buffer {
  if (piece.length > ROOMY) return Buffer.from(piece);
  const room = Buffer.allocUnsafe(piece.length * 3);
  return room.subarray(0, room.write(piece));
}
