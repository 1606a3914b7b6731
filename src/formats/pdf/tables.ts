// Tables, from the layout alone (a PDF's text layer does not say what is a table): a run of
// lines whose pieces start at the same few x positions, column after column, each piece
// fitting inside its column. Within a table, a wider gap between lines starts a new row, since
// cells have padding that lines within a cell do not.

export interface LineGroup<F extends Piece> {
  /** The pieces of one visual line, left to right. */
  fragments: F[];
  /** Left and right edges of the column of text the line is in. */
  left: number;
  right: number;
}

export interface Piece {
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** The piece's text. */
  text: string;
}

// A bullet or list number set apart from its text, which makes a list look like two columns.
const LONE_MARKER = /^(?:[•◦▪▫‣⁃●○■□➢►✓∙·*–—-]|\d{1,3}[.)]|[a-zA-Z][.)]|\((?:\d{1,3}|[a-z]|[ivx]{1,6})\)|[ivx]{1,6}[.)])$/;

export interface TablePlace {
  /** Which table on the page, which of its rows, and the table column of each piece. */
  table: number;
  row: number;
  columns: number[];
}

const ALIGN = 3;

/** The table place of each line group that is part of a table, by index. */
export function findTables<F extends Piece>(groups: LineGroup<F>[]): Map<number, TablePlace> {
  const places = new Map<number, TablePlace>();
  let table = 0;
  // Stretches: consecutive lines in one column of text, close together, none a line of prose.
  let start = 0;
  for (let i = 1; i <= groups.length; i++) {
    const previous = groups[i - 1]!;
    const current = groups[i];
    const breaks =
      !current ||
      current.left !== previous.left ||
      previous.fragments[0]!.y - current.fragments[0]!.y > 2.5 * current.fragments[0]!.size ||
      previous.fragments[0]!.y <= current.fragments[0]!.y ||
      isProse(current);
    if (!breaks) continue;
    const stretch = groups.slice(start, i).map((g, k) => ({ g, index: start + k })).filter(({ g }) => !isProse(g));
    if (stretch.length) table = tableIn(stretch, table, places);
    start = i;
  }
  return places;
}

/** A line with one piece wider than half its column reads as prose, not a table row. */
function isProse<F extends Piece>(group: LineGroup<F>): boolean {
  return group.fragments.length === 1 && group.fragments[0]!.x1 - group.fragments[0]!.x0 > (group.right - group.left) * 0.5;
}

function tableIn<F extends Piece>(stretch: Array<{ g: LineGroup<F>; index: number }>, table: number, places: Map<number, TablePlace>): number {
  const seeds = stretch.filter(({ g }) => g.fragments.length >= 2 && !LONE_MARKER.test(g.fragments[0]!.text.trim()));
  if (seeds.length < 2) return table;
  // Column starts: x positions where at least two pieces start, one of them in a multi-piece
  // line. Lines of one piece count too: a cell that runs on below its neighbours (or over a
  // page break, under the header repeated at the top) starts its lines where its column does.
  const seeded = new Set(seeds);
  const starts = stretch.flatMap((entry) => entry.g.fragments.map((f) => ({ x: f.x0, seed: seeded.has(entry) }))).sort((a, b) => a.x - b.x);
  const columns: number[] = [];
  for (let i = 0; i < starts.length; ) {
    let j = i;
    while (j + 1 < starts.length && starts[j + 1]!.x - starts[i]!.x <= ALIGN) j++;
    if (j - i + 1 >= 2 && starts.slice(i, j + 1).some((s) => s.seed)) columns.push(starts[i]!.x);
    i = j + 1;
  }
  if (columns.length < 2) return table;
  const right = stretch[0]!.g.right;
  const columnOf = (f: Piece): number => {
    const c = columns.findIndex((x) => Math.abs(f.x0 - x) <= ALIGN);
    if (c < 0) return -1;
    const limit = c + 1 < columns.length ? columns[c + 1]! : right + ALIGN;
    return f.x1 <= limit + ALIGN ? c : -1;
  };
  // Each run of lines that all fit the columns and holds two multi-piece lines is a table.
  let run: typeof stretch = [];
  for (const entry of [...stretch, null]) {
    const fits = entry !== null && entry.g.fragments.every((f) => columnOf(f) >= 0);
    if (fits && (!run.length || run[run.length - 1]!.index === entry.index - 1)) {
      run.push(entry);
      continue;
    }
    if (run.filter((e) => seeded.has(e)).length >= 2) table = placeRows(run, columnOf, table, places);
    run = fits ? [entry] : [];
  }
  return table;
}

/** A table's lines to their rows (a wider gap between lines starts one) and columns. */
function placeRows<F extends Piece>(lines: Array<{ g: LineGroup<F>; index: number }>, columnOf: (f: Piece) => number, table: number, places: Map<number, TablePlace>): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) gaps.push(lines[i - 1]!.g.fragments[0]!.y - lines[i]!.g.fragments[0]!.y);
  const pitch = Math.min(...gaps);
  let row = 0;
  lines.forEach(({ g, index }, i) => {
    if (i > 0 && gaps[i - 1]! > Math.max(pitch * 1.15, pitch + 1.5)) row++;
    places.set(index, { table, row, columns: g.fragments.map(columnOf) });
  });
  return table + 1;
}
