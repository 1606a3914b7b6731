// The report a consultant sends a client: one self-contained HTML file (CSS, script and charts
// inline; a content security policy that lets nothing be fetched), with a portfolio table of
// every document sortable by score and by sign, then per document its scorecard as a chart, its
// findings grouped by sign with their evidence and place, and its text with each finding
// highlighted where it is and linked from the list. Pure: results in, string out. Everything
// from a document (paths, text, messages) is escaped; ids are made here from numbers.

import { GOOD_SIGNS, type FileResult, type Finding, type LintRun, type Sign } from '../core/types.js';
import { SIGN_ORDER, type Scorecard, type Verdict } from '../score/scorecard.js';

export interface HtmlOptions {
  version: string;
  title?: string;
}

export const SIGN_LABELS: Readonly<Record<Sign, string>> = {
  integrated: 'Integrated',
  'user-centred': 'User centred',
  'useful-to-teams': 'Useful to teams',
  mainstream: 'Mainstream',
  realistic: 'Realistic',
  focused: 'Focused',
  'it-driven': 'IT-driven',
  'cookie-cutter': 'Cookie-cutter',
  'unproven-tech': 'Unproven tech',
  vague: 'Vague',
  'too-long-term': 'Too long-term',
  'wish-list': 'Wish list',
};

const GOOD = new Set<string>(GOOD_SIGNS);
const LEVEL: Record<Verdict, 0 | 1 | 2> = { present: 0, absent: 0, weak: 1, some: 1, missing: 2, strong: 2 };
const SYMBOL = ['✔', '◐', '✖'] as const;

export function formatHtml(run: LintRun, options: HtmlOptions): string {
  const title = options.title ?? 'Digital strategy scorecards';
  const { files, errors, warnings, fileErrors } = run.summary;
  const scored = run.files.filter((f) => f.scorecard);
  const average = scored.length ? Math.round(scored.reduce((n, f) => n + f.scorecard!.score, 0) / scored.length) : null;
  const facts = [
    `${files} ${plural(files, 'document')}`,
    average === null ? '' : `average score ${average}`,
    `${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')}`,
    fileErrors ? `${fileErrors} ${plural(fileErrors, 'file problem')}` : '',
  ].filter(Boolean);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="generator" content="stratlint ${esc(options.version)}">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top">
<h1>${esc(title)}</h1>
<p class="facts">${facts.map(esc).join(' · ')}</p>
</header>
<main>
${portfolio(run.files)}
${run.files.map((file, i) => documentSection(file, i + 1, run.files.length <= 3)).join('\n')}
</main>
<footer><p>Made by stratlint ${esc(options.version)}. A finding is a prompt to look again, not a verdict on the strategy.</p></footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function portfolio(files: readonly FileResult[]): string {
  const head = [
    `<th scope="col" class="path"><button type="button" data-type="text" data-first="ascending">Document</button></th>`,
    `<th scope="col" class="num"><button type="button" data-type="number" data-first="ascending">Score</button></th>`,
    ...SIGN_ORDER.map(
      (sign) =>
        `<th scope="col" class="sign ${GOOD.has(sign) ? 'good' : 'bad'}"><button type="button" data-type="number" data-first="descending" title="${esc(signTitle(sign))}">${esc(SIGN_LABELS[sign])}</button></th>`,
    ),
    `<th scope="col" class="num"><button type="button" data-type="number" data-first="descending">Errors</button></th>`,
    `<th scope="col" class="num"><button type="button" data-type="number" data-first="descending">Warnings</button></th>`,
  ];
  const rows = files.map((file, i) => {
    const card = file.scorecard;
    const { errors, warnings } = counts(file.findings);
    const cells = [
      `<th scope="row" class="path" data-value="${esc(file.path)}"><a href="#doc-${i + 1}">${esc(file.path)}</a>${file.errors.length ? ` <span class="file-error">${esc(file.errors.map((e) => e.code).join(', '))}</span>` : ''}</th>`,
      `<td class="num score ${card ? scoreBand(card.score) : ''}" data-value="${card ? card.score : ''}">${card ? card.score : '–'}</td>`,
      ...SIGN_ORDER.map((sign) => {
        if (!card) return `<td class="verdict" data-value="">–</td>`;
        const s = card.signs[sign];
        const level = LEVEL[s.verdict];
        return `<td class="verdict v${level}" data-value="${level}" title="${esc(`${SIGN_LABELS[sign]}: ${s.verdict}${s.points ? ` (${s.points})` : ''}`)}"><span aria-hidden="true">${SYMBOL[level]}</span> <span class="word">${esc(s.verdict)}</span></td>`;
      }),
      `<td class="num" data-value="${errors}">${errors}</td>`,
      `<td class="num" data-value="${warnings}">${warnings}</td>`,
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<section id="portfolio" aria-labelledby="portfolio-title">
<h2 id="portfolio-title">Portfolio</h2>
<p class="hint">Select a column’s heading to sort by it; select it again to reverse. ✔ fine · ◐ weak or some · ✖ missing or strong.</p>
<div class="table-wrap"><table class="portfolio">
<thead><tr>${head.join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
</section>`;
}

/**
 * The findings of one document the report lists and highlights, in order; the rest are counted.
 * Highlighting compares every finding with every piece of the text, and a reader cannot use a
 * thousand findings on one page: a document with 120,000 made a 75 MB report in ten minutes.
 */
export const MAX_FINDINGS_SHOWN = 1000;
/** Findings named in one highlight's tooltip; more overlapping than this are counted. */
const MAX_COVERING_NAMED = 20;

/** `open`: show the text at once (a short report); in a long one it opens from a finding's link. */
function documentSection(whole: FileResult, n: number, open: boolean): string {
  const leftOut = Math.max(0, whole.findings.length - MAX_FINDINGS_SHOWN);
  const file = leftOut > 0 ? { ...whole, findings: whole.findings.slice(0, MAX_FINDINGS_SHOWN) } : whole;
  const id = `doc-${n}`;
  const parts = [`<section class="document" id="${id}" aria-labelledby="${id}-title">`, `<h2 id="${id}-title">${esc(file.path)}</h2>`];
  const meta = [file.format ?? '', file.words !== undefined ? `${file.words} words` : '', file.referenceDate ? `dated ${file.referenceDate}` : ''].filter(Boolean);
  if (meta.length) parts.push(`<p class="meta">${esc(meta.join(' · '))}</p>`);
  if (file.errors.length) {
    parts.push(
      `<ul class="file-errors">${file.errors.map((e) => `<li><strong>${esc(e.code)}</strong>: ${esc(e.message)}${e.line ? ` (line ${e.line})` : ''}</li>`).join('')}</ul>`,
    );
  }
  if (file.scorecard) parts.push(`<div class="card">${chart(file.scorecard, file.path)}${reasons(file.scorecard)}</div>`);
  const highlights = file.text !== undefined && file.findings.length > 0;
  if (file.findings.length) parts.push(findingList(file, n, highlights));
  if (leftOut > 0) {
    parts.push(`<p class="left-out">${leftOut} more ${plural(leftOut, 'finding')}, after the first ${MAX_FINDINGS_SHOWN}, are not shown here; <code>stratlint --format json</code> lists them all.</p>`);
  }
  else if (file.scorecard) parts.push('<p class="clean">No findings.</p>');
  if (file.text !== undefined) {
    parts.push(
      `<details class="text"${open ? ' open' : ''}><summary>The document, with each finding highlighted</summary><pre class="doc-text">${highlight(file.text, file.findings, n)}</pre></details>`,
    );
  }
  parts.push(`<p class="back"><a href="#portfolio">Back to the portfolio</a></p>`, '</section>');
  return parts.join('\n');
}

function findingList(file: FileResult, n: number, linked: boolean): string {
  const bySign = new Map<Sign, Array<{ finding: Finding; index: number }>>();
  file.findings.forEach((finding, index) => {
    const list = bySign.get(finding.sign) ?? [];
    list.push({ finding, index });
    bySign.set(finding.sign, list);
  });
  const groups: string[] = [];
  for (const sign of SIGN_ORDER) {
    const list = bySign.get(sign);
    if (!list) continue;
    const s = file.scorecard?.signs[sign];
    const verdict = s ? ` <span class="verdict-tag v${LEVEL[s.verdict]}">${esc(s.verdict)}${s.points ? `, ${s.points} points` : ''}</span>` : '';
    const items = list.map(({ finding: f, index }) => {
      const place = linked
        ? `<a class="finding-link" href="#d${n}-f${index + 1}">${esc(f.locator)}</a>`
        : `<span class="loc">${esc(f.locator)}</span>`;
      const evidence = f.evidence ? `<blockquote>${esc(f.evidence)}</blockquote>` : '';
      return `<li class="finding ${f.severity}">${place} <span class="severity">${f.severity}</span> <span class="message">${esc(f.message)}</span> <code class="rule">${esc(f.ruleId)}</code>${evidence}<p class="fix">${esc(f.fix)}</p></li>`;
    });
    groups.push(`<section class="sign-group"><h4>${esc(SIGN_LABELS[sign])}${verdict}</h4><ol>${items.join('')}</ol></section>`);
  }
  return `<div class="findings"><h3>Findings</h3>${groups.join('')}</div>`;
}

/**
 * The text with every finding's range marked. Ranges may overlap, so the text is cut at every
 * range's ends and each piece is marked with the findings that cover it; a finding's id sits
 * on the first piece it covers.
 */
export function highlight(text: string, findings: readonly Finding[], n: number): string {
  const cuts = new Set<number>([0, text.length]);
  const ranges = findings.map((f, i) => {
    const start = Math.max(0, Math.min(f.offset, text.length));
    const end = Math.max(start, Math.min(f.endOffset, text.length));
    cuts.add(start);
    cuts.add(end);
    return { start, end, index: i + 1, finding: f };
  });
  const points = [...cuts].sort((a, b) => a - b);
  const out: string[] = [];
  for (let p = 0; p < points.length; p++) {
    const at = points[p]!;
    const next = points[p + 1];
    // Findings with no extent (a missing section) get a marker of their own.
    for (const r of ranges) {
      if (r.start === at && r.end === at) out.push(`<mark class="point ${r.finding.severity}" id="d${n}-f${r.index}" data-f="${r.index}" title="${esc(r.finding.message)}">▸</mark>`);
    }
    if (next === undefined) break;
    const piece = esc(text.slice(at, next));
    const covering = ranges.filter((r) => r.start <= at && r.end >= next && r.end > r.start);
    if (covering.length === 0) {
      out.push(piece);
      continue;
    }
    const starting = covering.filter((r) => r.start === at);
    // Extra findings that start here get an anchor of their own, just before the piece.
    for (const r of starting.slice(1)) out.push(`<span class="anchor" id="d${n}-f${r.index}"></span>`);
    const severity = covering.some((r) => r.finding.severity === 'error') ? 'error' : 'warning';
    const id = starting[0] ? ` id="d${n}-f${starting[0].index}"` : '';
    const named = covering.slice(0, MAX_COVERING_NAMED);
    const more = covering.length - named.length;
    const title = named.map((r) => `${r.finding.ruleId}: ${r.finding.message}`).join('\n') + (more > 0 ? `\n(and ${more} more)` : '');
    out.push(`<mark class="${severity}"${id} data-f="${named.map((r) => r.index).join(' ')}" title="${esc(title)}">${piece}</mark>`);
  }
  return out.join('');
}

/** Why each verdict: the measure that decided it and its cut points. */
function reasons(card: Scorecard): string {
  const items = SIGN_ORDER.map((sign) => {
    const s = card.signs[sign];
    return `<li><strong>${esc(SIGN_LABELS[sign])}</strong> <span class="verdict-tag v${LEVEL[s.verdict]}">${esc(s.verdict)}</span> ${esc(s.reason)}</li>`;
  });
  return `<details class="reasons" open><summary>Why these verdicts</summary><ul>${items.join('')}</ul></details>`;
}

/** The scorecard as a chart: the score in a ring, then a bar per sign showing the points it cost. */
function chart(card: Scorecard, path: string): string {
  const rowHeight = 20;
  const top = 14;
  // The good signs, then a gap, then the bad ones.
  const gap = 10;
  const height = top + SIGN_ORDER.length * rowHeight + gap + 8;
  const unit = 14;
  const radius = 50;
  const circumference = 2 * Math.PI * radius;
  const filled = (card.score / 100) * circumference;
  const band = scoreBand(card.score);
  const bars = SIGN_ORDER.map((sign, i) => {
    const s = card.signs[sign];
    const y = top + i * rowHeight + (i >= GOOD_SIGNS.length ? gap : 0);
    const full = s.maxPoints * unit;
    const lost = -s.points * unit;
    const level = LEVEL[s.verdict];
    return [
      `<text x="290" y="${y + 13}" text-anchor="end" class="label">${esc(SIGN_LABELS[sign])}</text>`,
      `<rect x="300" y="${y + 3}" width="${full - lost}" height="13" class="kept"/>`,
      lost ? `<rect x="${300 + full - lost}" y="${y + 3}" width="${lost}" height="13" class="lost v${level}"/>` : '',
      `<text x="${306 + full}" y="${y + 13}" class="points">${s.points ? `${s.points} · ${esc(s.verdict)}` : esc(s.verdict)}</text>`,
    ].join('');
  }).join('');
  const summary = `Score ${card.score} out of 100. ` + SIGN_ORDER.map((sign) => `${SIGN_LABELS[sign]}: ${card.signs[sign].verdict}`).join('; ');
  return `<svg class="chart" viewBox="0 0 560 ${height}" width="560" height="${height}" role="img" aria-label="${esc(summary)}">
<title>${esc(`Scorecard for ${path}`)}</title>
<circle cx="80" cy="${height / 2}" r="${radius}" class="ring"/>
<circle cx="80" cy="${height / 2}" r="${radius}" class="ring-score ${band}" stroke-dasharray="${filled.toFixed(2)} ${circumference.toFixed(2)}" transform="rotate(-90 80 ${height / 2})"/>
<text x="80" y="${height / 2 + 4}" text-anchor="middle" class="score">${card.score}</text>
<text x="80" y="${height / 2 + 26}" text-anchor="middle" class="out-of">out of 100</text>
${bars}
</svg>`;
}

function counts(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}

function signTitle(sign: Sign): string {
  return GOOD.has(sign) ? `${SIGN_LABELS[sign]}: a good sign (✔ present, ◐ weak, ✖ missing)` : `${SIGN_LABELS[sign]}: a bad sign (✔ absent, ◐ some, ✖ strong)`;
}

function scoreBand(score: number): string {
  return score >= 75 ? 'high' : score >= 50 ? 'middle' : 'low';
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --paper: #fff; --wash: #f5f6f8;
  --good: #1f7a4d; --mid: #a86200; --bad: #b3261e; --good-bg: #e3f4ea; --mid-bg: #fdf0d9; --bad-bg: #fbe4e2; --accent: #2f5bd3; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: var(--wash); }
header.top { background: var(--ink); color: #fff; padding: 24px 32px; }
header.top h1 { margin: 0 0 4px; font-size: 26px; }
header.top .facts { margin: 0; color: #c9cfdb; }
main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
section#portfolio, section.document { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
h2 { margin: 0 0 8px; font-size: 20px; overflow-wrap: anywhere; }
h3 { margin: 16px 0 8px; font-size: 17px; }
h4 { margin: 12px 0 4px; font-size: 15px; }
.hint, .meta, footer { color: var(--muted); font-size: 13px; }
footer { text-align: center; padding: 0 24px 32px; }
a { color: var(--accent); }
.table-wrap { overflow-x: auto; }
table.portfolio { border-collapse: collapse; width: 100%; font-size: 13px; }
table.portfolio th, table.portfolio td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: middle; }
table.portfolio thead th { position: sticky; top: 0; background: var(--paper); vertical-align: bottom; }
table.portfolio thead th.num button, table.portfolio thead th.path button { white-space: nowrap; }
table.portfolio thead button { font: inherit; font-weight: 600; background: none; border: 0; padding: 2px 0; color: var(--ink); cursor: pointer; text-align: left; }
table.portfolio thead th.sign button { font-weight: 500; font-size: 12px; line-height: 1.2; }
table.portfolio thead th.bad button { font-style: italic; }
table.portfolio thead button::after { content: " ↕"; color: #a3aab8; }
table.portfolio th[aria-sort="ascending"] button::after { content: " ▲"; color: var(--ink); }
table.portfolio th[aria-sort="descending"] button::after { content: " ▼"; color: var(--ink); }
table.portfolio tbody tr:hover { background: var(--wash); }
th.path { font-weight: 500; overflow-wrap: anywhere; min-width: 180px; }
.num { text-align: right !important; font-variant-numeric: tabular-nums; }
td.score { font-weight: 700; font-size: 14px; }
td.score.high { color: var(--good); } td.score.middle { color: var(--mid); } td.score.low { color: var(--bad); }
td.verdict { white-space: nowrap; text-align: center !important; }
td.verdict .word { position: absolute; left: -9999px; }
.v0 { color: var(--good); } .v1 { color: var(--mid); } .v2 { color: var(--bad); }
td.verdict.v1 { background: var(--mid-bg); } td.verdict.v2 { background: var(--bad-bg); }
.file-error { display: inline-block; font-size: 11px; color: var(--bad); background: var(--bad-bg); border-radius: 4px; padding: 0 4px; }
ul.file-errors { color: var(--bad); }
.card { margin: 8px 0 4px; }
svg.chart { max-width: 100%; height: auto; }
svg .ring { fill: none; stroke: var(--line); stroke-width: 14; }
svg .ring-score { fill: none; stroke-width: 14; stroke-linecap: round; }
svg .ring-score.high { stroke: var(--good); } svg .ring-score.middle { stroke: var(--mid); } svg .ring-score.low { stroke: var(--bad); }
svg .score { font-size: 30px; font-weight: 700; fill: var(--ink); }
svg .out-of, svg .points { font-size: 11px; fill: var(--muted); }
svg .label { font-size: 12px; fill: var(--ink); }
svg .kept { fill: #bfe3cd; }
svg .lost.v1 { fill: #f0b35b; } svg .lost.v2 { fill: #e0665e; }
.findings ol { margin: 0; padding-left: 20px; }
li.finding { margin: 6px 0 10px; }
.finding .severity { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; font-weight: 700; }
.finding.error .severity { color: var(--bad); } .finding.warning .severity { color: var(--mid); }
.finding .rule { font-size: 12px; color: var(--muted); }
.finding blockquote { margin: 4px 0; padding: 2px 10px; border-left: 3px solid var(--line); color: #39404d; font-style: italic; }
.finding .fix { margin: 2px 0 0; color: var(--good); font-size: 14px; }
.verdict-tag { font-weight: 400; font-size: 13px; }
a.finding-link { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
details.text { margin-top: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
details.text summary { cursor: pointer; font-weight: 600; }
pre.doc-text { white-space: pre-wrap; overflow-wrap: anywhere; font: 13px/1.55 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--wash); padding: 12px; border-radius: 6px; max-height: 70vh; overflow: auto; }
mark { border-radius: 2px; color: inherit; }
mark.warning { background: #fde7b0; } mark.error { background: #f8c4c0; }
mark.point { background: none; color: var(--bad); font-weight: 700; }
mark.flash { outline: 3px solid var(--accent); }
.anchor { display: inline; }
.clean { color: var(--good); }
.back { font-size: 13px; margin: 12px 0 0; }
@media print {
  body { background: #fff; font-size: 11pt; }
  header.top { background: #fff; color: #000; padding: 0 0 8pt; border-bottom: 2pt solid #000; }
  header.top .facts { color: #333; }
  main { max-width: none; padding: 0; }
  section#portfolio, section.document { border: 0; padding: 0; margin: 0 0 12pt; }
  section.document { break-before: page; }
  table.portfolio thead th { position: static; }
  table.portfolio thead { display: table-header-group; }
  table.portfolio tr, li.finding, svg.chart { break-inside: avoid; }
  table.portfolio thead button::after, .hint, .back, details.text summary { display: none; }
  a { color: inherit; text-decoration: none; }
  pre.doc-text { max-height: none; overflow: visible; background: none; padding: 0; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

// Sorting the portfolio, following a finding to its highlight, and opening every document's
// text for printing.
const SCRIPT = `
(function () {
  var table = document.querySelector('table.portfolio');
  if (table) {
    var body = table.tBodies[0];
    Array.prototype.forEach.call(body.rows, function (row, i) { row.dataset.order = String(i); });
    table.querySelectorAll('thead button').forEach(function (button) {
      button.addEventListener('click', function () {
        var th = button.parentElement;
        var index = Array.prototype.indexOf.call(th.parentElement.children, th);
        var numeric = button.dataset.type === 'number';
        var now = th.getAttribute('aria-sort');
        var direction = now === 'ascending' ? 'descending' : now === 'descending' ? 'ascending' : button.dataset.first;
        table.querySelectorAll('thead th').forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', direction);
        var sign = direction === 'ascending' ? 1 : -1;
        var key = function (row) {
          var value = row.cells[index].dataset.value;
          if (value === '') return null;
          return numeric ? Number(value) : value;
        };
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          if (x === null || y === null) return x === y ? a.dataset.order - b.dataset.order : x === null ? 1 : -1;
          var c = numeric ? x - y : x.localeCompare(y);
          return c !== 0 ? sign * c : a.dataset.order - b.dataset.order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function reveal(id) {
    var target = document.getElementById(id);
    if (!target) return false;
    var details = target.closest('details');
    if (details) details.open = true;
    var section = target.closest('section.document');
    var number = target.id.split('-f')[1] || target.dataset.f;
    document.querySelectorAll('mark.flash').forEach(function (m) { m.classList.remove('flash'); });
    if (section && number) {
      section.querySelectorAll('mark[data-f]').forEach(function (m) {
        if (m.dataset.f.split(' ').indexOf(number) >= 0) m.classList.add('flash');
      });
    }
    var mark = target.tagName === 'MARK' ? target : target.nextElementSibling || target;
    mark.scrollIntoView({ block: 'center' });
    return true;
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a.finding-link');
    if (!link) return;
    if (reveal(link.hash.slice(1))) {
      event.preventDefault();
      history.replaceState(null, '', link.hash);
    }
  });
  if (location.hash) reveal(location.hash.slice(1));

  var closed = [];
  window.addEventListener('beforeprint', function () {
    closed = Array.prototype.filter.call(document.querySelectorAll('details'), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
})();
`;
