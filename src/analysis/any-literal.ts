// Whether a text contains any of a set of plain strings, in one pass over the text.
//
// Every word list first asks this of each sentence (see `mayMatch` in lexicon.ts), with a few
// dozen to a few hundred strings. An alternation of the strings as a regular expression tries
// every string at every position of the text; this is the Aho–Corasick automaton of the strings
// unrolled into a table of transitions, so each character of the text costs one lookup.

/** Characters are ASCII: a string holding anything else cannot be looked for here. */
const ASCII = 128;

export class AnyLiteral {
  /** Each ASCII character's column in the table; 0 for a character no string holds. */
  private readonly column = new Uint8Array(ASCII);
  private readonly columns: number;
  /** The state after a character: `next[state * columns + column]`. State 0 is the start. */
  private readonly next: Uint32Array;
  /** States at which one of the strings has just been read. */
  private readonly found: Uint8Array;

  /** Null when a string is empty or not ASCII (then every text may hold one). */
  static of(literals: readonly string[]): AnyLiteral | null {
    if (literals.length === 0) return null;
    for (const literal of literals) {
      if (literal.length === 0) return null;
      for (let i = 0; i < literal.length; i++) if (literal.charCodeAt(i) >= ASCII) return null;
    }
    return new AnyLiteral(literals);
  }

  private constructor(literals: readonly string[]) {
    let columns = 1;
    for (const literal of literals) {
      for (let i = 0; i < literal.length; i++) {
        const c = literal.charCodeAt(i);
        if (this.column[c] === 0) this.column[c] = columns++;
      }
    }
    this.columns = columns;

    // The trie of the strings: children[state] by column.
    const children: Array<Map<number, number>> = [new Map()];
    const ends: boolean[] = [false];
    for (const literal of literals) {
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const col = this.column[literal.charCodeAt(i)]!;
        let child = children[state]!.get(col);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          ends.push(false);
          children[state]!.set(col, child);
        }
        state = child;
      }
      ends[state] = true;
    }

    // Breadth first, each state's transitions are its own children, else those of the longest
    // proper suffix that is also a state (its failure state), whose row is already complete.
    const states = children.length;
    this.next = new Uint32Array(states * columns);
    this.found = new Uint8Array(states);
    const failure = new Uint32Array(states);
    const queue: number[] = [];
    for (const [col, child] of children[0]!) {
      this.next[col] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const fail = failure[state]!;
      this.found[state] = ends[state] || this.found[fail] ? 1 : 0;
      for (let col = 1; col < columns; col++) {
        const child = children[state]!.get(col);
        if (child === undefined) {
          this.next[state * columns + col] = this.next[fail * columns + col]!;
        } else {
          failure[child] = this.next[fail * columns + col]!;
          this.next[state * columns + col] = child;
          queue.push(child);
        }
      }
    }
  }

  /** Whether `text` contains one of the strings. */
  test(text: string): boolean {
    const { column, columns, next, found } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // A character no string holds ends every partial match.
      const col = c < ASCII ? column[c]! : 0;
      state = col === 0 ? 0 : next[state * columns + col]!;
      if (found[state] === 1) return true;
    }
    return false;
  }
}
