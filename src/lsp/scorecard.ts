// The scorecard in the editor: a code lens over the document's title with the score and the
// signs that cost points, and a hover on the title with all twelve verdicts and why.

import type { CodeLens, Hover } from 'vscode-languageserver';
import { SIGN_ORDER, type Scorecard, type Verdict } from '../score/scorecard.js';

const SYMBOL: Record<Verdict, string> = { present: '✔', absent: '✔', weak: '◐', some: '◐', missing: '✖', strong: '✖' };

/** The line of the title: the first heading, else the first line of text, after any front matter. */
export function titleLine(text: string): number {
  const lines = text.split(/\r?\n/);
  let start = 0;
  if (lines[0] === '---') {
    const end = lines.findIndex((l, i) => i > 0 && (l === '---' || l === '...'));
    if (end > 0) start = end + 1;
  }
  for (let i = start; i < lines.length; i++) if (/^ {0,3}#{1,6}(\s|$)/.test(lines[i]!)) return i;
  for (let i = start; i < lines.length; i++) if (lines[i]!.trim() !== '' && !lines[i]!.trimStart().startsWith('<!--')) return i;
  return 0;
}

/** "score 63/100 · ✖ vague missing, ◐ focused weak": what the lens shows. */
export function scoreSummary(card: Scorecard): string {
  const costly = SIGN_ORDER.filter((sign) => card.signs[sign].points < 0).map((sign) => `${SYMBOL[card.signs[sign].verdict]} ${sign} ${card.signs[sign].verdict}`);
  return `stratlint score ${card.score}/100${costly.length ? ` · ${costly.join(', ')}` : ' · every sign fine'}`;
}

export function scoreLens(card: Scorecard, line: number): CodeLens {
  // A lens with no command to run is shown as text (VS Code, Neovim).
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title: scoreSummary(card), command: '' } };
}

export function scoreHover(card: Scorecard, line: number, lineLength: number): Hover {
  const rows = SIGN_ORDER.map((sign) => {
    const s = card.signs[sign];
    return `| ${SYMBOL[s.verdict]} ${sign} | ${s.verdict} | ${s.points === 0 ? '' : s.points} | ${s.reason.replace(/\|/g, '\\|')} |`;
  });
  const value = [`**stratlint score ${card.score}/100**`, '', '| sign | verdict | points | why |', '|---|---|---:|---|', ...rows].join('\n');
  return { contents: { kind: 'markdown', value }, range: { start: { line, character: 0 }, end: { line, character: lineLength } } };
}
