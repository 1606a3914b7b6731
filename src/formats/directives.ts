// The text of an inline directive, shared by every format that carries comments.

import type { DirectiveKind } from '../core/types.js';

const DIRECTIVE = /^\s*stratlint-(disable-next-line|disable-line|disable|enable)\b([^]*)$/;

export function parseDirectiveComment(text: string): { kind: DirectiveKind; rules: string[] } | null {
  const match = DIRECTIVE.exec(text.trim());
  if (!match) return null;
  const kind = match[1] as DirectiveKind;
  // A "--" starts an explanation, as in ESLint: <!-- stratlint-disable vague-goals -- quoted policy -->
  const list = (match[2] ?? '').split(/\s--\s|\s--$/)[0] ?? '';
  const rules = list
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  return { kind, rules };
}
