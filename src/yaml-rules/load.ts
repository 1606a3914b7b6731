// YAML rules, for people who do not write code: one .yml file per rule in a folder named by
// config's `rulesDir`. A mistake is reported with the file, line and column.

import { readdirSync, statSync } from 'node:fs';
import { MAX_CONFIG_BYTES, readProblem, readRegularFile } from '../io/read.js';
import { basename, join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { compileExpression } from 'filtrex';
import type { Rule } from '../core/rule.js';
import { SIGNS, type Sign } from '../core/types.js';
import { patternTermProblem } from '../config/patterns.js';
import { ConfigError } from '../config/schema.js';
import { yamlRule, METRIC_VARIABLES, SCOPES, type YamlRuleSpec } from './kinds.js';

const KINDS = ['existence', 'substitution', 'occurrence', 'required-section', 'metric'] as const;
const COMMON_KEYS = ['id', 'description', 'sign', 'severity', 'message', 'fix', 'weight', 'scope', 'kind'];
const KIND_KEYS: Record<string, string[]> = {
  existence: ['terms', 'required'],
  substitution: ['swap'],
  occurrence: ['terms', 'min', 'max', 'per'],
  'required-section': ['heading'],
  metric: ['formula', 'condition'],
};

/** Every YAML rule in a folder, in file-name order; their paths are added to `sources`. */
export function loadYamlRules(dir: string, configFile: string, sources: string[] = []): Rule<any>[] {
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    throw new ConfigError(configFile, `"rulesDir" names ${dir}, which is not a folder`);
  }
  sources.push(...files.map((f) => join(dir, f)));
  return files.map((f) => readYamlRule(join(dir, f)));
}

export function readYamlRule(path: string): Rule<any> {
  const lineCounter = new LineCounter();
  const read = readRegularFile(path, MAX_CONFIG_BYTES);
  if (!read.ok) throw new ConfigError(path, readProblem(read, MAX_CONFIG_BYTES, 'the YAML rule'));
  const doc = parseDocument(read.bytes.toString('utf8'), { lineCounter, prettyErrors: true });
  const at = (offset: number | undefined) => {
    const p = lineCounter.linePos(offset ?? 0);
    return `${path}:${p.line}:${p.col}`;
  };
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new ConfigError(at(e.pos[0]), `is not valid YAML: ${e.message.split('\n')[0]}`);
  }
  if (!isMap(doc.contents)) throw new ConfigError(at(0), 'a YAML rule must be a mapping of keys to values');
  const data = doc.toJS() as Record<string, unknown>;
  const fail = (key: string, message: string, part: 'key' | 'value' = 'value'): never => {
    throw new ConfigError(at(nodeOffset(doc, key, part)), message);
  };

  const kind = data.kind;
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    fail('kind', `"kind" must be one of ${KINDS.join(', ')}, not ${JSON.stringify(kind)}`);
  }
  const allowed = new Set([...COMMON_KEYS, ...KIND_KEYS[kind as string]!]);
  for (const key of Object.keys(data)) if (!allowed.has(key)) fail(key, `unknown key "${key}" for a ${kind} rule; allowed: ${[...allowed].join(', ')}`, 'key');

  const id = data.id ?? basename(path).replace(/\.ya?ml$/, '');
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-/]*$/.test(id)) fail('id', `"id" must be kebab-case, not ${JSON.stringify(id)}`);
  if (!(SIGNS as readonly string[]).includes(data.sign as string)) fail('sign', `"sign" must be one of ${SIGNS.join(', ')}, not ${JSON.stringify(data.sign)}`);
  const severity = data.severity ?? 'warning';
  if (severity !== 'warning' && severity !== 'error' && severity !== 'warn') fail('severity', `"severity" must be "warning" or "error", not ${JSON.stringify(severity)}`);
  if (typeof data.message !== 'string' || !data.message.trim()) fail('message', '"message" is required: what the finding says ({{match}} stands for the matched text)');
  for (const key of ['description', 'fix'] as const) if (data[key] !== undefined && typeof data[key] !== 'string') fail(key, `"${key}" must be text`);
  if (data.weight !== undefined && (typeof data.weight !== 'number' || data.weight < 0)) fail('weight', '"weight" must be a number of 0 or more');
  const scope = data.scope ?? 'document';
  if (!(SCOPES as readonly string[]).includes(scope as string)) fail('scope', `"scope" must be one of ${SCOPES.join(', ')}, not ${JSON.stringify(scope)}`);

  const terms = (key: string) => {
    const v = data[key];
    if (!Array.isArray(v) || v.length === 0 || !v.every((t) => typeof t === 'string' && t.trim())) fail(key, `"${key}" must be a non-empty list of terms`);
    for (const t of v as string[]) {
      const problem = patternTermProblem(t);
      if (problem) fail(key, problem);
    }
    return v as string[];
  };

  const spec: YamlRuleSpec = {
    id: id as string,
    file: path,
    kind: kind as YamlRuleSpec['kind'],
    description: (data.description as string) ?? `${kind} rule from ${basename(path)}`,
    sign: data.sign as Sign,
    severity: severity === 'error' ? 'error' : 'warning',
    message: data.message as string,
    fix: (data.fix as string) ?? 'See the rule’s YAML file for what it expects.',
    weight: (data.weight as number) ?? 1,
    scope: scope as YamlRuleSpec['scope'],
  };
  switch (kind) {
    case 'existence':
      spec.terms = terms('terms');
      if (data.required !== undefined && typeof data.required !== 'boolean') fail('required', '"required" must be true or false');
      spec.required = data.required === true;
      break;
    case 'substitution': {
      const swap = data.swap;
      if (!swap || typeof swap !== 'object' || Array.isArray(swap) || !Object.values(swap).every((v) => typeof v === 'string')) {
        fail('swap', '"swap" must map each term to avoid to the term to use');
      }
      spec.swap = swap as Record<string, string>;
      break;
    }
    case 'occurrence':
      spec.terms = terms('terms');
      for (const key of ['min', 'max'] as const) {
        if (data[key] !== undefined && (typeof data[key] !== 'number' || (data[key] as number) < 0)) fail(key, `"${key}" must be a count`);
      }
      if (data.min === undefined && data.max === undefined) fail('kind', 'an occurrence rule needs "min", "max" or both');
      if (data.per !== undefined && data.per !== 'document' && data.per !== 'section') fail('per', '"per" must be "document" or "section"');
      spec.min = data.min as number | undefined;
      spec.max = data.max as number | undefined;
      spec.per = (data.per as 'document' | 'section') ?? 'document';
      break;
    case 'required-section':
      spec.terms = terms('heading');
      break;
    case 'metric': {
      for (const key of ['formula', 'condition'] as const) if (typeof data[key] !== 'string') fail(key, `"${key}" is required`);
      try {
        spec.formula = compileExpression(data.formula as string);
      } catch (error) {
        fail('formula', `cannot read the formula: ${(error as Error).message.split('\n')[0]}; variables are ${METRIC_VARIABLES.join(', ')}`);
      }
      const unknown = (data.formula as string).match(/[A-Za-z_]\w*/g)?.find((v) => !(METRIC_VARIABLES as readonly string[]).includes(v));
      if (unknown) fail('formula', `unknown variable "${unknown}"; variables are ${METRIC_VARIABLES.join(', ')}`);
      try {
        spec.condition = compileExpression(`value ${data.condition as string}`);
      } catch (error) {
        fail('condition', `cannot read the condition (write it like "< 0.5"): ${(error as Error).message.split('\n')[0]}`);
      }
      spec.conditionText = data.condition as string;
      break;
    }
  }
  return yamlRule(spec);
}

/** Where a key (or its value) starts; the document's start when the key is missing. */
function nodeOffset(doc: Document, key: string, part: 'key' | 'value'): number | undefined {
  const contents = doc.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      if (!isScalar(pair.key) || pair.key.value !== key) continue;
      const node = (part === 'key' ? pair.key : (pair.value ?? pair.key)) as { range?: [number, number, number] };
      if (node.range) return node.range[0];
    }
  }
  return (contents as { range?: [number] } | null)?.range?.[0];
}
