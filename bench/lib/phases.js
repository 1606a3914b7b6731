// Time per phase of the pipeline, measured inside the real engine path.
//
// Nothing in src/ knows about the benchmark: the analysis getters and methods are wrapped on
// Analysis.prototype, and each rule's check function is wrapped before it is handed to
// lintDocument. Times are exclusive (self) times: when the objectives ask for quantities,
// the quantities' time is counted under "quantities", not twice. Shared analyses are lazy and
// cached, so a phase is charged to whichever caller asks first; the work is the same.

/** An exclusive-time stopwatch keyed by label. */
export function createStopwatch() {
  const totals = new Map();
  const stack = [];
  const add = (label, t) => totals.set(label, (totals.get(label) ?? 0) + t);
  return {
    totals,
    enter(label) {
      const now = performance.now();
      const top = stack[stack.length - 1];
      if (top) add(top.label, now - top.since);
      stack.push({ label, since: now });
    },
    exit() {
      const now = performance.now();
      const top = stack.pop();
      add(top.label, now - top.since);
      const below = stack[stack.length - 1];
      if (below) below.since = now;
    },
    time(label, fn) {
      this.enter(label);
      try {
        return fn();
      } finally {
        this.exit();
      }
    },
    reset() {
      totals.clear();
    },
  };
}

/**
 * The Analysis members that hold the shared analyses, and the phase each is reported under.
 * Members missing from a later version of Analysis are skipped, not errors.
 */
export const ANALYSIS_PHASES = [
  ['structure', 'structure'],
  ['sentences', 'sentence tree'],
  ['referenceDate', 'temporal'],
  ['temporal', 'temporal'],
  ['quantitiesOf', 'quantities'],
  ['objectives', 'objectives'],
  ['termsIn', 'lexicon terms'],
  ['readability', 'readability'],
];

/** Wraps Analysis.prototype so the stopwatch sees each shared analysis. Returns an undo function. */
export function instrumentAnalysis(Analysis, stopwatch) {
  const proto = Analysis.prototype;
  const undo = [];
  for (const [name, label] of ANALYSIS_PHASES) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (!descriptor) continue;
    const wrapped = { ...descriptor };
    if (descriptor.get) {
      const get = descriptor.get;
      wrapped.get = function () {
        stopwatch.enter(label);
        try {
          return get.call(this);
        } finally {
          stopwatch.exit();
        }
      };
    } else if (typeof descriptor.value === 'function') {
      const fn = descriptor.value;
      wrapped.value = function (...args) {
        stopwatch.enter(label);
        try {
          return fn.apply(this, args);
        } finally {
          stopwatch.exit();
        }
      };
    } else continue;
    Object.defineProperty(proto, name, wrapped);
    undo.push(() => Object.defineProperty(proto, name, descriptor));
  }
  return () => undo.forEach((u) => u());
}

/** A rule whose check runs under the stopwatch as "rule: <id>". */
export function timedRule(rule, stopwatch) {
  const label = `rule: ${rule.meta.id}`;
  return {
    meta: rule.meta,
    check(context) {
      stopwatch.enter(label);
      try {
        return rule.check(context);
      } finally {
        stopwatch.exit();
      }
    },
  };
}

/** The order phases are printed in. */
export function phaseOrder(labels) {
  const fixed = ['read', 'parse', 'structure', 'sentence tree', 'temporal', 'quantities', 'lexicon terms', 'readability', 'objectives'];
  const rules = [...labels].filter((l) => l.startsWith('rule: ')).sort();
  const tail = ['findings', 'scorecard', 'reporting'];
  const known = new Set([...fixed, ...rules, ...tail]);
  const other = [...labels].filter((l) => !known.has(l)).sort();
  return [...fixed, ...rules, ...other, ...tail].filter((l) => labels.has(l));
}
