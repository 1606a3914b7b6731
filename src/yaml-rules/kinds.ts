// What each kind of YAML rule checks, over the shared analysis.

import { defineRule, type Rule, type RuleContext } from '../core/rule.js';
import type { Severity, Sign } from '../core/types.js';
import { Lexicon } from '../analysis/lexicon.js';
import type { Sentence } from '../analysis/sentences.js';
import type { Analysis } from '../analysis/index.js';

export const SCOPES = ['document', 'headings', 'paragraphs', 'lists', 'objectives'] as const;
export const METRIC_VARIABLES = [
  'words', 'sentences', 'headings', 'paragraphs', 'lists', 'listItems', 'tables',
  'objectives', 'measurableObjectives', 'commitments', 'readingEase',
] as const;

type Compiled = (data: Record<string, unknown>) => unknown;

export interface YamlRuleSpec {
  id: string;
  file: string;
  kind: 'existence' | 'substitution' | 'occurrence' | 'required-section' | 'metric';
  description: string;
  sign: Sign;
  severity: Severity;
  message: string;
  fix: string;
  weight: number;
  scope: (typeof SCOPES)[number];
  terms?: string[];
  required?: boolean;
  swap?: Record<string, string>;
  min?: number;
  max?: number;
  per?: 'document' | 'section';
  formula?: Compiled;
  condition?: Compiled;
  conditionText?: string;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

function sentencesInScope(analysis: Analysis, scope: YamlRuleSpec['scope']): Sentence[] {
  switch (scope) {
    case 'headings':
      return analysis.sentences.filter((s) => s.block.kind === 'heading');
    case 'paragraphs':
      return analysis.sentences.filter((s) => s.block.kind === 'paragraph' && !s.block.list);
    case 'lists':
      return analysis.sentences.filter((s) => s.block.list);
    case 'objectives':
      return [...new Set(analysis.objectives.flatMap((o) => o.sentences))];
    default:
      return analysis.sentences;
  }
}

export function metricValues(analysis: Analysis): Record<(typeof METRIC_VARIABLES)[number], number> {
  const objectives = analysis.objectives;
  return {
    words: analysis.wordCount,
    sentences: analysis.sentences.length,
    headings: analysis.blocks.filter((b) => b.kind === 'heading').length,
    paragraphs: analysis.blocks.filter((b) => b.kind === 'paragraph' && !b.list).length,
    lists: analysis.lists.length,
    listItems: analysis.lists.reduce((n, l) => n + l.items.length, 0),
    tables: new Set(analysis.blocks.filter((b) => b.kind === 'tableCell').map((b) => b.section)).size,
    objectives: objectives.filter((o) => o.kind !== 'commitment').length,
    measurableObjectives: objectives.filter((o) => o.kind !== 'commitment' && o.measurable).length,
    commitments: objectives.filter((o) => o.kind === 'commitment').length,
    readingEase: Math.round(analysis.readability.readingEase),
  };
}

export function yamlRule(spec: YamlRuleSpec): Rule<any> {
  const lexicon = spec.terms ? new Lexicon(spec.id, spec.terms) : null;
  const swaps = spec.swap ? Object.entries(spec.swap).map(([avoid, use]) => ({ use, lexicon: new Lexicon(spec.id, [avoid]) })) : [];
  return defineRule({
    meta: {
      id: spec.id,
      sign: spec.sign,
      description: spec.description,
      severity: spec.severity,
      fix: spec.fix,
      options: {},
      docs: spec.file,
    },
    check(ctx: RuleContext) {
      const { analysis, report } = ctx;
      const title = analysis.title;
      const atTitle = (message: string) => title && report({ start: title.start, end: title.end, message, evidence: title.text, weight: spec.weight });
      switch (spec.kind) {
        case 'existence': {
          let found = 0;
          for (const s of sentencesInScope(analysis, spec.scope)) {
            for (const m of lexicon!.matches(s.text)) {
              found++;
              if (spec.required) continue;
              report({
                start: s.sourceOffset(m.start),
                end: s.sourceOffset(m.end - 1) + 1,
                message: fill(spec.message, { match: m.text }),
                evidence: s.text,
                weight: spec.weight,
              });
            }
          }
          if (spec.required && found === 0) atTitle(fill(spec.message, { match: '', count: 0 }));
          return;
        }
        case 'substitution': {
          for (const s of sentencesInScope(analysis, spec.scope)) {
            for (const { use, lexicon: avoid } of swaps) {
              for (const m of avoid.matches(s.text)) {
                report({
                  start: s.sourceOffset(m.start),
                  end: s.sourceOffset(m.end - 1) + 1,
                  message: fill(spec.message, { match: m.text, expected: use }),
                  evidence: s.text,
                  fix: `Use "${use}" instead of "${m.text}".`,
                  weight: spec.weight,
                });
              }
            }
          }
          return;
        }
        case 'occurrence': {
          const groups = new Map<unknown, { count: number; first?: Sentence; heading?: { start: number; end: number; text: string } }>();
          for (const s of sentencesInScope(analysis, spec.scope)) {
            const key = spec.per === 'section' ? s.block.section : 'document';
            const group = groups.get(key) ?? { count: 0, heading: spec.per === 'section' ? (s.block.section.heading ?? undefined) : undefined };
            group.count += lexicon!.matches(s.text).length;
            group.first ??= s;
            groups.set(key, group);
          }
          if (groups.size === 0) groups.set('document', { count: 0 });
          for (const group of groups.values()) {
            const tooFew = spec.min !== undefined && group.count < spec.min;
            const tooMany = spec.max !== undefined && group.count > spec.max;
            if (!tooFew && !tooMany) continue;
            const place = group.heading ?? title;
            if (!place) continue;
            report({
              start: place.start,
              end: place.end,
              message: fill(spec.message, { count: group.count, min: spec.min ?? '', max: spec.max ?? '' }),
              evidence: place.text,
              weight: spec.weight,
            });
          }
          return;
        }
        case 'required-section': {
          if (!analysis.blocks.some((b) => b.kind === 'heading' && lexicon!.test(b.text))) atTitle(fill(spec.message, {}));
          return;
        }
        case 'metric': {
          const values = metricValues(analysis);
          const value = Number(spec.formula!(values));
          if (!Number.isFinite(value)) return;
          if (spec.condition!({ value }) === true) {
            atTitle(fill(spec.message, { value: Math.round(value * 100) / 100, condition: spec.conditionText ?? '' }));
          }
          return;
        }
      }
    },
  });
}
