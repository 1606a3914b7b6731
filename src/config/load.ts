// Finds and reads config files, resolves `extends`, plugins and YAML rules, and merges
// everything into the settings one document is linted with.

import { existsSync, statSync } from 'node:fs';
import { kindOf, MAX_CONFIG_BYTES, readProblem, readRegularFile } from '../io/read.js';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { defaultOptions, type Rule, type RuleMeta } from '../core/rule.js';
import type { Severity } from '../core/types.js';
import { lineOf, patternTermProblem } from './patterns.js';
import { loadPlugin, type ImportCheck, type LoadedPlugin } from './plugins.js';
import { PRESETS } from './presets.js';
import { ConfigError, normaliseSeverity, validateConfig, validateRuleSetting, validateRuleSettings, type ConfigData, type RuleSetting } from './schema.js';
import { loadYamlRules } from '../yaml-rules/load.js';

export const CONFIG_NAMES = ['.stratlintrc.yml', '.stratlintrc.yaml', '.stratlintrc.json'];

export interface RuleConfig {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** Every rule that exists for this config: built-in, from plugins, from YAML. */
  ruleSet: Map<string, Rule<any>>;
  rules: Map<string, RuleConfig>;
  referenceDate?: string;
  failUnder?: number;
  lexicons: Record<string, string[]>;
  /** The config files that contributed, nearest last. */
  files: string[];
  /** Code and rules the config loaded (plugin modules and package.json files, YAML rules): with `files`, what decides its results. */
  sources: string[];
  /** Per-glob settings, in the order they apply; see configForDocument. */
  overrides: ResolvedOverride[];
}

export interface ResolvedOverride {
  /** The config file that holds it. */
  file: string;
  /** The folder its globs are relative to. */
  base: string;
  files: string[];
  rules: Record<string, RuleSetting>;
  referenceDate?: string;
}

/** A config file's data, or a preset named by `extends` (resolved once plugins are loaded). */
export type ConfigLayer = { data: ConfigData; file: string } | { preset: string; from: string };

/** Reads and checks the shape of one config file (YAML or JSON). */
export function readConfigFile(path: string, lexiconNames: ReadonlySet<string>): ConfigData {
  const read = readRegularFile(path, MAX_CONFIG_BYTES);
  if (!read.ok) throw new ConfigError(path, readProblem(read, MAX_CONFIG_BYTES, 'the config file'));
  const text = read.bytes.toString('utf8');
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
  const config = validateConfig(data, path, lexiconNames);
  for (const terms of Object.values(config.lexicons ?? {})) {
    for (const term of terms) {
      const problem = patternTermProblem(term);
      if (problem) throw new ConfigError(`${path}:${lineOf(text, term) ?? 1}`, problem);
    }
  }
  return config;
}

/** A config file and what it extends, in the order they apply (what is extended first). */
export function readConfigChain(path: string, lexiconNames: ReadonlySet<string>, seen: Set<string> = new Set()): ConfigLayer[] {
  if (seen.has(path)) throw new ConfigError(path, `"extends" makes a loop through ${path}`);
  const data = readConfigFile(path, lexiconNames);
  const layers: ConfigLayer[] = [];
  for (const parent of toList(data.extends)) {
    if (!parent.startsWith('.') && !isAbsolute(parent) && !/\.(ya?ml|json)$/.test(parent)) {
      layers.push({ preset: parent, from: path });
      continue;
    }
    const target = isAbsolute(parent) ? parent : resolve(dirname(path), parent);
    if (!existsSync(target)) throw new ConfigError(path, `"extends" names ${parent}, which does not exist`);
    const stats = statSync(target);
    if (!stats.isFile()) throw new ConfigError(path, `"extends" names ${parent}, which is ${kindOf(stats)}, not a regular file; only regular files are read`);
    layers.push(...readConfigChain(target, lexiconNames, new Set([...seen, path])));
  }
  layers.push({ data, file: path });
  return layers;
}

/**
 * Loads the plugins and YAML rules the layers name, then merges the layers into one config.
 * `checkImport`, when given, is asked before each plugin is imported.
 */
export async function buildConfig(layers: ConfigLayer[], builtinRules: Rule<any>[], checkImport?: ImportCheck): Promise<ResolvedConfig> {
  const plugins: LoadedPlugin[] = [];
  const yamlRules: Rule<any>[] = [];
  const sources: string[] = [];
  for (const layer of layers) {
    if (!('data' in layer)) continue;
    for (const name of layer.data.plugins ?? []) {
      if (!plugins.some((p) => p.name === name)) plugins.push(await loadPlugin(name, layer.file, checkImport));
    }
    for (const dir of toList(layer.data.rulesDir)) {
      yamlRules.push(...loadYamlRules(resolve(dirname(layer.file), dir), layer.file, sources));
    }
  }
  for (const plugin of plugins) sources.push(...plugin.sources);

  const ruleSet = new Map<string, Rule<any>>();
  const add = (rule: Rule<any>, from: string) => {
    if (ruleSet.has(rule.meta.id)) throw new ConfigError(from, `rule "${rule.meta.id}" is defined twice`);
    ruleSet.set(rule.meta.id, rule);
  };
  for (const rule of builtinRules) add(rule, 'stratlint');
  for (const plugin of plugins) for (const rule of plugin.rules) add(rule, plugin.file);
  for (const rule of yamlRules) add(rule, rule.meta.docs ?? 'rulesDir');
  const metas = new Map<string, RuleMeta>([...ruleSet].map(([id, r]) => [id, r.meta]));

  const presets: Record<string, ConfigData> = { ...PRESETS };
  for (const plugin of plugins) Object.assign(presets, plugin.presets);

  const resolved: ResolvedConfig = { ruleSet, rules: new Map(), lexicons: {}, files: [], sources, overrides: [] };
  for (const meta of metas.values()) resolved.rules.set(meta.id, { severity: meta.severity, options: defaultOptions(meta) });

  const applyData = (data: ConfigData, file: string, trail: string[]) => {
    for (const parent of toList(data.extends)) {
      if (parent.startsWith('.') || isAbsolute(parent) || /\.(ya?ml|json)$/.test(parent)) continue; // files were expanded when read
      applyPreset(parent, file, trail);
    }
    validateRuleSettings(data.rules, file, metas);
    for (const [id, setting] of Object.entries(data.rules ?? {})) applyRule(resolved, metas.get(id)!, setting);
    if (data.referenceDate) resolved.referenceDate = data.referenceDate;
    if (data.failUnder !== undefined) resolved.failUnder = data.failUnder;
    for (const [name, terms] of Object.entries(data.lexicons ?? {})) {
      resolved.lexicons[name] = [...(resolved.lexicons[name] ?? []), ...terms];
    }
    (data.overrides ?? []).forEach((o, i) => {
      for (const [id, setting] of Object.entries(o.rules ?? {})) validateRuleSetting(id, setting, file, metas, `overrides[${i}].rules.${id}`);
      resolved.overrides.push({ file, base: dirname(file), files: o.files, rules: o.rules ?? {}, ...(o.referenceDate ? { referenceDate: o.referenceDate } : {}) });
    });
  };
  const applyPreset = (name: string, from: string, trail: string[]) => {
    const preset = presets[name];
    if (!preset) throw new ConfigError(from, `unknown preset "${name}" in "extends"; presets are ${Object.keys(presets).join(', ')}`);
    if (trail.includes(name)) throw new ConfigError(from, `preset "${name}" extends itself through ${trail.join(' → ')}`);
    applyData(preset, name, [...trail, name]);
  };

  for (const layer of layers) {
    if ('preset' in layer) {
      applyPreset(layer.preset, layer.from, []);
    } else {
      // The layer's own `extends` presets were listed as separate layers by readConfigChain.
      applyData({ ...layer.data, extends: undefined }, layer.file, []);
      if (!layer.file.startsWith('<') && !layer.file.startsWith('--')) resolved.files.push(layer.file);
    }
  }
  return resolved;
}

/**
 * The settings for one document: the config, then each override whose globs match the
 * document, in order (later entries win), then `last` (command-line rule settings, which beat
 * any file). A glob without a slash matches the file name in any folder, as in .gitignore.
 */
export function configForDocument(config: ResolvedConfig, path: string, last?: Record<string, RuleSetting>): ResolvedConfig {
  const matching = config.overrides.filter((o) => matchesOverride(o, path));
  if (matching.length === 0) return config;
  const resolved: ResolvedConfig = { ...config, rules: new Map(config.rules) };
  for (const o of matching) {
    for (const [id, setting] of Object.entries(o.rules)) applyRule(resolved, config.ruleSet.get(id)!.meta, setting);
    if (o.referenceDate) resolved.referenceDate = o.referenceDate;
  }
  for (const [id, setting] of Object.entries(last ?? {})) {
    const rule = config.ruleSet.get(id);
    if (rule) applyRule(resolved, rule.meta, setting);
  }
  return resolved;
}

function matchesOverride(override: ResolvedOverride, path: string): boolean {
  const rel = relative(override.base, path).split(sep).join('/');
  if (rel === '' || rel.startsWith('../') || isAbsolute(rel)) return false;
  return override.files.some((glob) => picomatch.isMatch(glob.includes('/') ? rel : basename(rel), glob.replace(/^\.\//, ''), { dot: true }));
}

function applyRule(resolved: ResolvedConfig, meta: RuleMeta, setting: RuleSetting): void {
  const current = resolved.rules.get(meta.id) ?? { severity: meta.severity, options: defaultOptions(meta) };
  const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
  resolved.rules.set(meta.id, {
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
