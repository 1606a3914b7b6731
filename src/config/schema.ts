// What a config file may say, and strict validation of it: a typo stops the run, naming the
// file and the key.

import leven from 'leven';
import type { RuleMeta } from '../core/rule.js';
import type { SeveritySetting } from '../core/types.js';
import { isCalendarDate } from '../core/calendar-date.js';

export type RuleSetting = SeveritySetting | 'warn' | [SeveritySetting | 'warn', Record<string, unknown>?];

export interface ConfigData {
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  referenceDate?: string;
  failUnder?: number;
  lexicons?: Record<string, string[]>;
  /** Plugin packages (stratlint-plugin-*) or local module paths. */
  plugins?: string[];
  /** Folders of YAML rules, relative to the config file. */
  rulesDir?: string | string[];
  root?: boolean;
  /** Settings for documents matching some globs; later entries win. */
  overrides?: ConfigOverride[];
}

export interface ConfigOverride {
  /** Globs relative to the config file's folder (to the working directory for --config). */
  files: string[];
  rules?: Record<string, RuleSetting>;
  referenceDate?: string;
}

export class ConfigError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ConfigError';
    this.file = file;
  }
}

const TOP_LEVEL = new Set(['extends', 'rules', 'referenceDate', 'failUnder', 'lexicons', 'plugins', 'rulesDir', 'root', 'overrides', '$schema']);
const OVERRIDE_KEYS = ['files', 'rules', 'referenceDate'];
const SEVERITIES = new Set(['off', 'warn', 'warning', 'error']);

/**
 * Checks a config's shape. Rule ids and options are checked later, by validateRuleSettings, once
 * the plugins and YAML rules the config names are loaded.
 */
export function validateConfig(data: unknown, file: string, lexiconNames: ReadonlySet<string>): ConfigData {
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(file, 'the config must be a mapping of keys to values');
  const config = data as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!TOP_LEVEL.has(key)) throw new ConfigError(file, `unknown key "${key}"${suggest(key, [...TOP_LEVEL])}`);
  }
  if (config.extends !== undefined) {
    const list = Array.isArray(config.extends) ? config.extends : [config.extends];
    if (!list.every((e) => typeof e === 'string')) throw new ConfigError(file, '"extends" must be a preset name, a path, or a list of them');
  }
  if (config.referenceDate !== undefined) {
    const value = config.referenceDate instanceof Date ? config.referenceDate.toISOString().slice(0, 10) : config.referenceDate;
    if (typeof value !== 'string' || !isCalendarDate(value)) {
      throw new ConfigError(file, `"referenceDate" must be a date like 2024-03-01, not ${JSON.stringify(config.referenceDate)}`);
    }
    config.referenceDate = value;
  }
  if (config.failUnder !== undefined && (typeof config.failUnder !== 'number' || config.failUnder < 0 || config.failUnder > 100)) {
    throw new ConfigError(file, `"failUnder" must be a score from 0 to 100, not ${JSON.stringify(config.failUnder)}`);
  }
  if (config.root !== undefined && typeof config.root !== 'boolean') throw new ConfigError(file, '"root" must be true or false');
  if (config.lexicons !== undefined) {
    if (typeof config.lexicons !== 'object' || config.lexicons === null || Array.isArray(config.lexicons)) {
      throw new ConfigError(file, '"lexicons" must map a lexicon name to a list of terms');
    }
    for (const [name, terms] of Object.entries(config.lexicons)) {
      if (!lexiconNames.has(name)) throw new ConfigError(file, `unknown lexicon "lexicons.${name}"${suggest(name, [...lexiconNames])}`);
      if (!Array.isArray(terms) || !terms.every((t) => typeof t === 'string')) {
        throw new ConfigError(file, `"lexicons.${name}" must be a list of terms`);
      }
    }
  }
  // A key with only commented-out entries below it reads as null: nothing set.
  for (const key of ['rules', 'lexicons', 'extends', 'plugins', 'rulesDir'] as const) if (config[key] === null) delete config[key];
  if (config.plugins !== undefined && !(Array.isArray(config.plugins) && config.plugins.every((p) => typeof p === 'string'))) {
    throw new ConfigError(file, '"plugins" must be a list of plugin package names or module paths');
  }
  if (config.rulesDir !== undefined) {
    const list = Array.isArray(config.rulesDir) ? config.rulesDir : [config.rulesDir];
    if (!list.every((d) => typeof d === 'string')) throw new ConfigError(file, '"rulesDir" must be a folder path or a list of them');
  }
  if (config.rules !== undefined) {
    if (typeof config.rules !== 'object' || config.rules === null || Array.isArray(config.rules)) {
      throw new ConfigError(file, '"rules" must map rule ids to a severity');
    }
    for (const [id, setting] of Object.entries(config.rules)) {
      const severity = Array.isArray(setting) ? setting[0] : setting;
      if (typeof severity !== 'string' || !SEVERITIES.has(severity)) {
        throw new ConfigError(file, `"rules.${id}" has severity ${JSON.stringify(severity)}; use "off", "warn" or "error"`);
      }
    }
  }
  if (config.overrides !== undefined) config.overrides = validateOverrides(config.overrides, file);
  return config as ConfigData;
}

/** Checks the shape of `overrides`; rule ids and options are checked with the top-level rules. */
function validateOverrides(value: unknown, file: string): ConfigOverride[] {
  if (!Array.isArray(value)) throw new ConfigError(file, '"overrides" must be a list of entries, each with "files" and "rules" or "referenceDate"');
  return value.map((entry: unknown, i) => {
    const where = `overrides[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new ConfigError(file, `"${where}" must be a mapping with "files"`);
    const override = entry as Record<string, unknown>;
    for (const key of Object.keys(override)) {
      if (!OVERRIDE_KEYS.includes(key)) throw new ConfigError(file, `unknown key "${where}.${key}"${suggest(key, OVERRIDE_KEYS)}`);
    }
    const files = typeof override.files === 'string' ? [override.files] : override.files;
    if (!Array.isArray(files) || files.length === 0 || !files.every((g) => typeof g === 'string' && g.trim() !== '')) {
      throw new ConfigError(file, `"${where}.files" must be a glob or a list of globs, like "archive/**/*.md"`);
    }
    const result: ConfigOverride = { files };
    if (override.referenceDate !== undefined) {
      const date = override.referenceDate instanceof Date ? override.referenceDate.toISOString().slice(0, 10) : override.referenceDate;
      if (typeof date !== 'string' || !isCalendarDate(date)) {
        throw new ConfigError(file, `"${where}.referenceDate" must be a date like 2024-03-01, not ${JSON.stringify(override.referenceDate)}`);
      }
      result.referenceDate = date;
    }
    if (override.rules !== undefined && override.rules !== null) {
      if (typeof override.rules !== 'object' || Array.isArray(override.rules)) throw new ConfigError(file, `"${where}.rules" must map rule ids to a severity`);
      for (const [id, setting] of Object.entries(override.rules)) {
        const severity = Array.isArray(setting) ? setting[0] : setting;
        if (typeof severity !== 'string' || !SEVERITIES.has(severity)) {
          throw new ConfigError(file, `"${where}.rules.${id}" has severity ${JSON.stringify(severity)}; use "off", "warn" or "error"`);
        }
      }
      result.rules = override.rules as Record<string, RuleSetting>;
    }
    return result;
  });
}

/** Checks rule ids and options against the rules that exist for this config. */
export function validateRuleSettings(rules: ConfigData['rules'], file: string, metas: ReadonlyMap<string, RuleMeta>): void {
  for (const [id, setting] of Object.entries(rules ?? {})) validateRuleSetting(id, setting, file, metas, `rules.${id}`);
}

export function validateRuleSetting(
  id: string,
  setting: unknown,
  file: string,
  rules: ReadonlyMap<string, RuleMeta>,
  where: string,
): void {
  const meta = rules.get(id);
  if (!meta) throw new ConfigError(file, `unknown rule "${id}"${suggest(id, [...rules.keys()])}`);
  const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
  if (typeof severity !== 'string' || !SEVERITIES.has(severity)) {
    throw new ConfigError(file, `"${where}" has severity ${JSON.stringify(severity)}; use "off", "warn" or "error"`);
  }
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigError(file, `"${where}" options must be a mapping`);
  }
  for (const [name, value] of Object.entries(options)) {
    const spec = meta.options[name];
    if (!spec) {
      const known = Object.keys(meta.options);
      throw new ConfigError(file, `rule "${id}" has no option "${name}"${known.length ? `; its options are ${known.join(', ')}` : ''}`);
    }
    const ok =
      spec.type === 'string[]'
        ? Array.isArray(value) && value.every((v) => typeof v === 'string')
        : typeof value === spec.type && (spec.type !== 'number' || Number.isFinite(value));
    if (!ok) throw new ConfigError(file, `"${where}.${name}" must be a ${spec.type === 'string[]' ? 'list of strings' : spec.type}, not ${JSON.stringify(value)}`);
  }
}

export function normaliseSeverity(value: string): SeveritySetting {
  return value === 'warn' ? 'warning' : (value as SeveritySetting);
}

function suggest(word: string, candidates: string[]): string {
  let best = '';
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = leven(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? ` (did you mean "${best}"?)` : '';
}
