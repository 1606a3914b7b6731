// The progress bar of a bulk run, on standard error: done/total, rate, time left and the file
// being linted. Drawn only on a terminal, never in CI, and wiped before the report is printed,
// so nothing of it is left in a log or in the report.

import { escapeControls } from '../reporters/control.js';
import type { Progress } from '../engine/bulk.js';

export interface ProgressStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  /** False for --no-progress. */
  enabled: boolean;
  env: Record<string, string | undefined>;
  /** Milliseconds now; a test can pass a clock. */
  now?: () => number;
  /** The least time between two drawings. */
  intervalMs?: number;
}

export interface ProgressBar {
  update(progress: Progress): void;
  /** Wipes the bar (before writing something else to the terminal); the next update draws it again. */
  clear(): void;
  stop(): void;
}

const NONE: ProgressBar = { update() {}, clear() {}, stop() {} };

export function inCI(env: Record<string, string | undefined>): boolean {
  const ci = env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

export function startProgress(stream: ProgressStream, options: ProgressOptions): ProgressBar {
  if (!options.enabled || !stream.isTTY || inCI(options.env)) return NONE;
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? 100;
  const started = now();
  let shown = false;
  let lastDrawn = -Infinity;
  let current = '';

  const clear = () => {
    if (shown) stream.write('\r\u001b[K');
    shown = false;
  };
  return {
    update(progress) {
      if (progress.current) current = escapeControls(progress.current);
      // One document is not a long run; the bar starts once the first document is done.
      if (progress.total < 2 || progress.done === 0) return;
      const t = now();
      if (t - lastDrawn < interval && progress.done < progress.total) return;
      lastDrawn = t;
      stream.write(`\r${progressLine(progress, (t - started) / 1000, current, stream.columns || 80)}\u001b[K`);
      shown = true;
    },
    clear,
    stop: clear,
  };
}

/** One line: a bar, done/total, documents a second, time left and the current file. */
export function progressLine(progress: Progress, seconds: number, current: string, columns: number): string {
  const { done, total } = progress;
  const rate = seconds > 0 ? done / seconds : 0;
  const left = rate > 0 ? (total - done) / rate : 0;
  const width = 20;
  const filled = Math.round((done / total) * width);
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  const head = `${bar} ${done}/${total}  ${rate.toFixed(rate < 10 ? 1 : 0)} docs/s  ETA ${clock(left)}  `;
  const room = Math.max(0, columns - 1 - head.length);
  const file = current.length > room ? (room > 1 ? `…${current.slice(current.length - room + 1)}` : '') : current;
  return head + file;
}

function clock(seconds: number): string {
  const s = Math.ceil(seconds);
  const m = Math.floor(s / 60);
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}` : `${m}:${String(s % 60).padStart(2, '0')}`;
}
