// Quotations inside running text: what someone else said (“It took me three evenings,” one
// carer told us) and a phrase mentioned rather than used (the word “seamless”). Words in them
// are not the author's own, so rules that judge the author's wording leave them alone.

export interface Quotation {
  /** Index range of the quoted words, without the quotation marks. */
  start: number;
  end: number;
  /** Said by someone the text names or points to ("one carer told us", "a resident said"). */
  attributed: boolean;
}

const PAIRS: Array<[open: string, close: string]> = [
  ['\u201c', '\u201d'],
  ['\u2018', '\u2019'],
  ['"', '"'],
];
// A mark opens a quotation after a space, a bracket or a dash, or at the start.
const OPENS_AFTER = /[\s([{\u2014\u2013:-]/;
const SPEECH = /\b(?:said|says|say|told|tells|tell|asked|wrote|writes|explained|commented|described|added|put it|according to|in (?:their|his|her|the) (?:own )?words|quote[ds]?)\b/i;
const SPEAKER = /\b(?:residents?|users?|patients?|carers?|customers?|citizens?|members? of (?:staff|the public)|colleagues?|respondents?|participants?|tenants?|parents?|visitors?|clinicians?|nurses?|doctors?|one|another|someone|somebody)\b/i;

/**
 * The quotations in a block of text (a paragraph, so that a quotation may run over several
 * sentences). An apostrophe inside a word ("council’s") neither opens nor closes one.
 */
export function quotationsIn(text: string): Quotation[] {
  const found: Quotation[] = [];
  for (const [open, close] of PAIRS) {
    let from = 0;
    for (;;) {
      const start = nextOpening(text, open, from);
      if (start < 0) break;
      const end = nextClosing(text, close, start + 1);
      if (end < 0) break;
      found.push({ start: start + 1, end, attributed: attributed(text, start, end + 1) });
      from = end + 1;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether index range [start, end) lies inside one of the quotations. */
export function insideQuotation(quotations: readonly Quotation[], start: number, end: number): Quotation | undefined {
  return quotations.find((q) => q.start <= start && end <= q.end);
}

function nextOpening(text: string, mark: string, from: number): number {
  for (let i = text.indexOf(mark, from); i >= 0; i = text.indexOf(mark, i + 1)) {
    if ((i === 0 || OPENS_AFTER.test(text[i - 1]!)) && /\S/.test(text[i + 1] ?? '')) return i;
  }
  return -1;
}

function nextClosing(text: string, mark: string, from: number): number {
  for (let i = text.indexOf(mark, from); i >= 0; i = text.indexOf(mark, i + 1)) {
    // "council’s", "don’t": a mark with a letter on both sides is an apostrophe.
    if (/\p{L}/u.test(text[i + 1] ?? '') && /\p{L}/u.test(text[i - 1] ?? '')) continue;
    if (/\S/.test(text[i - 1] ?? '')) return i;
  }
  return -1;
}

/** A speaker or a verb of saying in the sentence around the quotation, outside it. */
function attributed(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  const after = text.slice(end, end + 80);
  const around = `${before.slice(before.search(/[.!?]\s[^.!?]*$/) + 1)} ${after.split(/[.!?](?:\s|$)/)[0]}`;
  return SPEECH.test(around) || (SPEAKER.test(around) && /\b(?:felt|feels|found|finds|thought|thinks|called|calls)\b/i.test(around));
}
