// Word lists as data. A lexicon file in rules/lexicons/ holds terms; config can add more.
//
// A term is matched on word boundaries and case-insensitively, except:
//   - a term written in capitals ("AI", "RPA") matches only in capitals, so "ai" in a word
//     or a sentence in lower case is not hype;
//   - a term ending in "*" matches any word that starts with it ("transform*");
//   - a term written /like this/ is a regular expression.
// Plurals of plain words match too ("digital twin" finds "digital twins").

export interface LexiconMatch {
  start: number;
  end: number;
  text: string;
}

export class Lexicon {
  readonly name: string;
  readonly terms: readonly string[];
  private readonly insensitive: RegExp | null;
  private readonly sensitive: RegExp | null;

  constructor(name: string, terms: readonly string[]) {
    this.name = name;
    this.terms = terms;
    const ci: string[] = [];
    const cs: string[] = [];
    for (const raw of terms) {
      const term = raw.trim();
      if (!term) continue;
      if (term.length > 2 && term.startsWith('/') && term.endsWith('/')) {
        ci.push(term.slice(1, -1));
      } else if (term.endsWith('*')) {
        ci.push(escapeTerm(term.slice(0, -1)) + '[\\p{L}\\p{N}-]*');
      } else if (/\p{Lu}/u.test(term) && term === term.toUpperCase()) {
        cs.push(escapeTerm(term) + '(?:s)?');
      } else {
        ci.push(escapeTerm(term) + (/\p{L}$/u.test(term) ? '(?:s|es)?' : ''));
      }
    }
    // Longest first, so "generative AI" wins over "AI".
    const build = (parts: string[], flags: string) =>
      parts.length
        ? new RegExp(
            `(?<![\\p{L}\\p{N}])(?:${parts.sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`,
            flags,
          )
        : null;
    this.insensitive = build(ci, 'giu');
    this.sensitive = build(cs, 'gu');
  }

  /** Every match in `text`, in order, without overlaps. */
  matches(text: string): LexiconMatch[] {
    const found: LexiconMatch[] = [];
    for (const re of [this.insensitive, this.sensitive]) {
      if (!re) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
      }
    }
    if (found.length < 2) return found;
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: LexiconMatch[] = [];
    for (const m of found) {
      const last = kept[kept.length - 1];
      if (!last || m.start >= last.end) kept.push(m);
    }
    return kept;
  }

  test(text: string): boolean {
    for (const re of [this.insensitive, this.sensitive]) {
      if (!re) continue;
      re.lastIndex = 0;
      if (re.test(text)) return true;
    }
    return false;
  }

  first(text: string): LexiconMatch | undefined {
    return this.matches(text)[0];
  }

  extend(more: readonly string[]): Lexicon {
    return new Lexicon(this.name, [...this.terms, ...more]);
  }
}

function escapeTerm(term: string): string {
  // Escape regex syntax; let any run of spaces or hyphens match any other ("co-design", "co design").
  return term
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/[\s-]+/g, '[\\s\\u2010-\\u2015-]+')
    .replace(/'/g, "['\\u2019]");
}
