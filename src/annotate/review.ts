// What a review comment says: for a finding, the message, the evidence when the comment is not
// already on it, the fix, and the rule and sign; for the whole document, the score and each
// sign's verdict in plain words. Pure: findings and text in, comments out.

import { quote } from '../core/rule.js';
import { GOOD_SIGNS, type Finding, type Sign } from '../core/types.js';
import { ruleLine } from '../formats/docx/comments.js';
import { SIGN_LABELS } from '../reporters/html.js';
import { SIGN_ORDER, type Scorecard, type SignScore } from '../score/scorecard.js';

export interface ReviewComment {
  /** Offsets into the document's text. */
  start: number;
  end: number;
  paragraphs: string[];
  finding?: { ruleId: string; message: string };
}

export function findingComment(finding: Finding, text: string): ReviewComment {
  const anchored = quote(text.slice(finding.offset, finding.endOffset), 200);
  const paragraphs = [finding.message];
  if (finding.evidence && finding.evidence !== anchored) paragraphs.push(`Evidence: “${finding.evidence}”`);
  if (finding.fix) paragraphs.push(`Fix: ${finding.fix}`);
  paragraphs.push(ruleLine(finding.ruleId, finding.sign, finding.severity));
  return {
    start: finding.offset,
    end: finding.endOffset,
    paragraphs,
    finding: { ruleId: finding.ruleId, message: finding.message },
  };
}

const GOOD = new Set<string>(GOOD_SIGNS);

function verdictInWords(sign: Sign, s: SignScore): string {
  const words =
    s.verdict === 'present' ? 'yes'
    : s.verdict === 'weak' ? 'only in part'
    : s.verdict === 'missing' ? 'no'
    : s.verdict === 'absent' ? 'no sign of it'
    : s.verdict === 'some' ? 'some signs'
    : 'clearly';
  const findings = s.findings === 1 ? '1 finding' : `${s.findings} findings`;
  const cost = s.points < 0 ? `, ${Math.abs(s.points)} of its ${s.maxPoints} points lost` : ', too slight to cost points';
  const detail = s.findings > 0 ? ` (${findings}${cost})` : '';
  return `${SIGN_LABELS[sign]}: ${words}${detail}.`;
}

/** The whole judgement, for the title: the score, then each good and each bad sign's verdict. */
export function scorecardParagraphs(card: Scorecard, findings: number): string[] {
  const good = SIGN_ORDER.filter((s) => GOOD.has(s));
  const bad = SIGN_ORDER.filter((s) => !GOOD.has(s));
  return [
    `stratlint scores this strategy ${card.score} out of 100.`,
    'Signs of a good strategy:',
    ...good.map((s) => verdictInWords(s, card.signs[s])),
    'Signs of a bad strategy:',
    ...bad.map((s) => verdictInWords(s, card.signs[s])),
    findings === 0
      ? 'stratlint found nothing to comment on.'
      : `The ${findings === 1 ? 'comment' : `${findings} comments`} below ${findings === 1 ? 'marks the finding' : 'mark the findings'}. Resolve one to accept it: stratlint will not raise it again.`,
  ];
}

/** Every comment for a document: the scorecard on the title, then one per finding. */
export function reviewComments(findings: readonly Finding[], card: Scorecard, text: string, title: { start: number; end: number } | null): ReviewComment[] {
  const comments: ReviewComment[] = [];
  if (title) comments.push({ ...title, paragraphs: scorecardParagraphs(card, findings.length) });
  for (const f of findings) comments.push(findingComment(f, text));
  return comments;
}
