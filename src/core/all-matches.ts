// Every match of a global expression, as String.prototype.matchAll gives them, without the
// copy of the expression matchAll makes on each call (the specification builds a new RegExp
// for every call to iterate on, and V8 does too). The rules and the analysis ask for a
// sentence's matches about 45,000 times on the benchmark's 50 medium documents; each copy went
// through V8's RegExp constructor and its compilation cache, and was garbage soon after.

/**
 * The matches of `re` (which must have the g flag) in `text`, in order, from the start of the
 * text. Like matchAll, an empty match moves on by one character (a whole code point in unicode
 * mode). `re` is left with lastIndex 0, so it may be shared; the loop over the result may use
 * it again.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global expression: ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, /[uv]/.test(re.flags));
  }
  return out;
}

/** The index after `i`, not splitting a surrogate pair in unicode mode (AdvanceStringIndex). */
function nextIndex(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return i + 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}
