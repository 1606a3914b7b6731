// One worker of the pool: a Linter of its own, one document at a time.

import { parentPort, workerData } from 'node:worker_threads';
import { builtinRules } from '../../rules/index.js';
import { buildLexicons } from '../analysis/lexicons.js';
import { defaultOptions } from '../core/rule.js';
import { markdownDocument } from '../formats/markdown.js';
import { transferables } from './copied-text.js';
import { lintDocument } from './lint-document.js';
import { lintOutcome, type Wants } from './outcome.js';
import { Linter, type LintOptions } from './run.js';

export interface WorkerSetup {
  /** The run's options, less custom rule objects, which cannot cross threads. */
  options: Omit<LintOptions, 'rules'>;
}

const WARM_UP = '---\ndate: 2025-01-01\n---\n\n# Warm-up\n\nResidents told us that we will cut waiting times by 10% by 2026.\n\n- One\n- Two\n';

if (parentPort) {
  const port = parentPort;
  const { options } = workerData as WorkerSetup;
  // Here a plugin loads with a document, under that document's limits.
  const linter = new Linter({ ...options, importLimits: undefined });
  port.on('message', async ({ path, wants, bytes }: { path: string; wants: Wants; bytes?: Uint8Array }) => {
    try {
      const outcome = await lintOutcome(linter, path, wants, bytes);
      port.postMessage({ outcome }, outcome.print ? transferables(outcome.print) : []);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ fatal: { name: e.name, message: e.message } });
    }
  });
  // Lexicons, patterns and the like are built on first use: paying for that before the first
  // document keeps it out of that document's time limit. Only the built-in rules, and no
  // config: the user's rules and plugins are loaded with the first document, under its limits,
  // so one that hangs or fails is that document's error, not a worker that never starts.
  try {
    lintDocument(markdownDocument('stratlint-warm-up.md', WARM_UP), {
      rules: builtinRules.map((rule) => ({ rule, severity: rule.meta.severity, options: defaultOptions(rule.meta) })),
      lexicons: buildLexicons(),
      knownRuleIds: new Set(builtinRules.map((r) => r.meta.id)),
    });
  } catch {
    // A warm-up that fails costs only speed.
  }
  port.postMessage({ ready: true });
}
