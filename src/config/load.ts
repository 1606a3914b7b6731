// Finds and reads config files, resolves `extends`, and merges everything into the settings
// one document is linted with.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { defaultOptions, type RuleMeta } from '../core/rule.js';
import type { Severity } from '../core/types.js';
import { PRESETS } from './presets.js';
import { ConfigError, normaliseSeverity, validateConfig, type ConfigData, type RuleSetting } from './schema.js';

export const CONFIG_NAMES = ['.stratlintrc.yml', '.stratlintrc.yaml', '.stratlintrc.json'];

export interface RuleConfig {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Map<string, RuleConfig>;
  referenceDate?: string;
  failUnder?: number;
  lexicons: Record<string, string[]>;
  /** The config files that contributed, nearest last. */
  files: string[];
}

export interface ConfigContext {
  rules: ReadonlyMap<string, RuleMeta>;
  lexiconNames: ReadonlySet<string>;
}

/** Reads and validates one config file (YAML or JSON). */
export function readConfigFile(path: string, context: ConfigContext): ConfigData {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, `cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let data: unknown;
  try {
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const detail =
      error instanceof YAMLParseError && error.linePos
        ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}: ${error.message.split('\n')[0]}`
        : (error as Error).message.split('\n')[0];
    throw new ConfigError(path, `is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${detail}`);
  }
  return validateConfig(data, path, context.rules, context.lexiconNames);
}

/** Merges presets, config files and command-line rule settings, in that order. */
export function resolveConfig(
  layers: Array<{ data: ConfigData; file: string }>,
  context: ConfigContext,
): ResolvedConfig {
  const resolved: ResolvedConfig = { rules: new Map(), lexicons: {}, files: [] };
  for (const meta of context.rules.values()) {
    resolved.rules.set(meta.id, { severity: meta.severity, options: defaultOptions(meta) });
  }
  const apply = (data: ConfigData, file: string, seen: Set<string>) => {
    for (const parent of toList(data.extends)) {
      if (parent.startsWith('stratlint:')) {
        const preset = PRESETS[parent];
        if (!preset) throw new ConfigError(file, `unknown preset "${parent}" in "extends"; presets are ${Object.keys(PRESETS).join(', ')}`);
        apply(preset, parent, seen);
      } else {
        const path = isAbsolute(parent) ? parent : resolve(dirname(file), parent);
        if (seen.has(path)) throw new ConfigError(file, `"extends" makes a loop through ${path}`);
        if (!existsSync(path)) throw new ConfigError(file, `"extends" names ${parent}, which does not exist`);
        apply(readConfigFile(path, context), path, new Set([...seen, path]));
      }
    }
    for (const [id, setting] of Object.entries(data.rules ?? {})) applyRule(resolved, id, setting, context);
    if (data.referenceDate) resolved.referenceDate = data.referenceDate;
    if (data.failUnder !== undefined) resolved.failUnder = data.failUnder;
    for (const [name, terms] of Object.entries(data.lexicons ?? {})) {
      resolved.lexicons[name] = [...(resolved.lexicons[name] ?? []), ...terms];
    }
    if (!file.startsWith('stratlint:') && file !== '<command line>') resolved.files.push(file);
  };
  for (const layer of layers) apply(layer.data, layer.file, new Set([layer.file]));
  return resolved;
}

function applyRule(resolved: ResolvedConfig, id: string, setting: RuleSetting, context: ConfigContext): void {
  const meta = context.rules.get(id)!;
  const current = resolved.rules.get(id) ?? { severity: meta.severity, options: defaultOptions(meta) };
  const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
  resolved.rules.set(id, {
    severity: normaliseSeverity(severity) as Severity | 'off',
    options: { ...current.options, ...(options ?? {}) },
  });
}

function toList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The nearest config file at or above `dir`, or null. Results are cached per folder. */
export class ConfigFinder {
  private cache = new Map<string, string | null>();

  find(dir: string): string | null {
    const hit = this.cache.get(dir);
    if (hit !== undefined) return hit;
    let found: string | null = null;
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) {
        found = candidate;
        break;
      }
    }
    if (!found) {
      const parent = dirname(dir);
      found = parent === dir ? null : this.find(parent);
    }
    this.cache.set(dir, found);
    return found;
  }
}
