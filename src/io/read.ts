// Reading a file or a stream without trusting it: only a regular file is opened (a device such
// as /dev/zero, a FIFO or a socket, reached by name or through a symlink, is refused before it
// is read), and no read goes past its size limit, whatever the file's size claims to be.

import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

export type ReadResult =
  | { ok: true; bytes: Buffer }
  | { ok: false; problem: 'unreadable'; reason: string }
  | { ok: false; problem: 'not-a-file'; kind: string }
  /** `size` when the file said how big it is; a stream or a growing file is only known to be over. */
  | { ok: false; problem: 'too-large'; size?: number };

/** What a non-regular file is, in words. */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The bytes of a regular file of at most `maxBytes`. */
export function readRegularFile(path: string, maxBytes: number): ReadResult {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    return unreadable(error);
  }
  if (!stats.isFile()) return { ok: false, problem: 'not-a-file', kind: kindOf(stats) };
  if (stats.size > maxBytes) return { ok: false, problem: 'too-large', size: stats.size };
  let fd: number;
  try {
    // Non-blocking, so that a file swapped for a FIFO since the stat cannot stall the open.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return unreadable(error);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { ok: false, problem: 'not-a-file', kind: kindOf(opened) };
    // One byte more than the limit tells a file that grew past it from one that fits exactly.
    const buffer = Buffer.allocUnsafe(Math.min(opened.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) return { ok: false, problem: 'too-large' };
    // Fuller than its size said, yet under the limit: a file that grew while read; read on.
    if (length === buffer.length) return readRest(fd, buffer, maxBytes);
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return unreadable(error);
  } finally {
    closeSync(fd);
  }
}

function readRest(fd: number, start: Buffer, maxBytes: number): ReadResult {
  const chunks = [start];
  let length = start.length;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) return { ok: true, bytes: Buffer.concat(chunks) };
    length += read;
    if (length > maxBytes) return { ok: false, problem: 'too-large' };
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
}

/** A stream's bytes, stopping (and destroying the stream) as soon as it passes `maxBytes`. */
export async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<{ bytes: Buffer; over: boolean }> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    length += bytes.length;
    if (length > maxBytes) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      return { bytes: Buffer.alloc(0), over: true };
    }
    chunks.push(bytes);
  }
  return { bytes: Buffer.concat(chunks), over: false };
}

function unreadable(error: unknown): ReadResult {
  return { ok: false, problem: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? String(error) };
}

/** The most a config file, an ignore file or a YAML rule may hold: far more than any real one. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Why a read of `what` ("the config file") failed, in words. */
export function readProblem(result: Exclude<ReadResult, { ok: true }>, maxBytes: number, what: string): string {
  switch (result.problem) {
    case 'unreadable':
      return `cannot read ${what} (${result.reason})`;
    case 'not-a-file':
      return `${what} is ${result.kind}, not a regular file; only regular files are read`;
    case 'too-large':
      return `${what} is ${result.size !== undefined ? `${megabytes(result.size)} MB, ` : ''}over the ${megabytes(maxBytes)} MB limit`;
  }
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}
