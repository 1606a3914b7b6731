// The heading path a locator shows after a place a word processor or viewer does not number
// for its reader: the two nearest headings, as a navigation pane or bookmarks list shows them.

/** "where (… › 3. Our priorities › Objectives)": JSON output has the full path. */
export function withHeadingPath(where: string, headingPath: readonly string[]): string {
  if (headingPath.length === 0) return where;
  const shown = headingPath.slice(-2).map((title) => (title.length > 40 ? `${title.slice(0, 39).trimEnd()}…` : title));
  return `${where} (${headingPath.length > 2 ? '… › ' : ''}${shown.join(' › ')})`;
}
