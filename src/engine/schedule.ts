// When a document is linted again, for the language server (each open document) and --watch.
// Typing sends an edit per key, a save several writes: a lint waits until they pause (the
// debounce), a document never has more than one lint in flight, and a change that arrives
// during a lint gets a lint of its own once that one ends. So the last edit always
// wins, and a slow document holds up nothing but itself.

export interface LintSchedule {
  /** Lints `key` after `delayMs` (the debounce when not given); a later request for it replaces this one. */
  request(key: string, delayMs?: number): void;
  /** Stops linting `key` (a closed document); a lint in flight is let finish and its result dropped. */
  forget(key: string): void;
  /** How many lints of `key` are in flight now: 0 or 1. */
  inFlight(key: string): number;
  dispose(): void;
}

interface State {
  timer?: NodeJS.Timeout;
  running: boolean;
  /** A request came while a lint ran: start again when it ends. */
  again: boolean;
  /** Forgotten while a lint ran: kept until it ends, so a reopened document still has one lint at a time. */
  closed: boolean;
}

/** `lint` does the work and publishes; it decides itself whether what it linted is still current. */
export function lintSchedule(lint: (key: string) => Promise<void>, debounceMs: number): LintSchedule {
  const states = new Map<string, State>();

  const start = async (key: string): Promise<void> => {
    const state = states.get(key);
    if (!state) return;
    state.timer = undefined;
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    try {
      await lint(key);
    } finally {
      state.running = false;
      if (state.closed) {
        states.delete(key);
      } else if (state.again) {
        state.again = false;
        void start(key);
      }
    }
  };

  return {
    request(key, delayMs = debounceMs) {
      let state = states.get(key);
      if (!state) states.set(key, (state = { running: false, again: false, closed: false }));
      state.closed = false;
      clearTimeout(state.timer);
      state.timer = setTimeout(() => void start(key), delayMs);
    },
    forget(key) {
      const state = states.get(key);
      if (!state) return;
      clearTimeout(state.timer);
      state.again = false;
      if (state.running) state.closed = true;
      else states.delete(key);
    },
    inFlight(key) {
      return states.get(key)?.running ? 1 : 0;
    },
    dispose() {
      for (const state of states.values()) clearTimeout(state.timer);
      states.clear();
    },
  };
}
