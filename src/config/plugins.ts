// Plugins: npm packages (stratlint-plugin-*, scoped or not) or local modules that export rules
// and presets. A plugin's rules are named "<plugin>/<rule>", its presets "<plugin>:<preset>".

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../core/rule.js';
import { SIGNS } from '../core/types.js';
import { ConfigError, type ConfigData } from './schema.js';

export interface LoadedPlugin {
  /** As written in config. */
  name: string;
  /** The config file that named it, for error messages. */
  file: string;
  prefix: string;
  rules: Rule<any>[];
  presets: Record<string, ConfigData>;
  /** The module loaded, and for a package its package.json (its version): what a cache must watch. */
  sources: string[];
}

interface PluginModule {
  rules?: Record<string, Rule<any>>;
  presets?: Record<string, ConfigData>;
}

/** "nhs" → stratlint-plugin-nhs; "@acme" → @acme/stratlint-plugin; "@acme/x" → @acme/stratlint-plugin-x. */
export function pluginPackageName(name: string): { packageName: string; prefix: string } {
  if (name.startsWith('@')) {
    const [scope, rest] = name.split('/');
    if (!rest) return { packageName: `${scope}/stratlint-plugin`, prefix: scope! };
    const short = rest.replace(/^stratlint-plugin-?/, '');
    return { packageName: short ? `${scope}/stratlint-plugin-${short}` : `${scope}/stratlint-plugin`, prefix: short ? `${scope}/${short}` : scope! };
  }
  const short = name.replace(/^stratlint-plugin-/, '');
  return { packageName: `stratlint-plugin-${short}`, prefix: short };
}

/**
 * Asked before a plugin's module is imported: why it cannot be imported safely (it would not
 * finish within the run's limits), or null. See engine/import-guard.ts.
 */
export type ImportCheck = (href: string) => Promise<string | null>;

export async function loadPlugin(name: string, configFile: string, checkImport?: ImportCheck): Promise<LoadedPlugin> {
  const base = dirname(configFile);
  const local = name.startsWith('.') || isAbsolute(name);
  const fail = (why: string): never => {
    throw new ConfigError(configFile, `cannot load plugin "${name}": ${why}`);
  };
  let entry: string;
  let prefix: string;
  if (local) {
    entry = resolve(base, name);
    if (!existsSync(entry)) fail(`${entry} does not exist`);
    prefix = basename(entry, extname(entry)).replace(/^stratlint-plugin-/, '');
  } else {
    const { packageName, prefix: p } = pluginPackageName(name);
    prefix = p;
    entry = resolvePackage(packageName, base) ?? fail(`the package ${packageName} is not installed (npm install --save-dev ${packageName})`);
  }

  const href = pathToFileURL(entry).href;
  const problem = await checkImport?.(href);
  if (problem) fail(problem);
  let mod: PluginModule;
  try {
    const imported = (await import(href)) as { default?: PluginModule } & PluginModule;
    mod = imported.default ?? imported;
  } catch (error) {
    return fail((error as Error).message.split('\n')[0]!);
  }
  if (!mod || typeof mod !== 'object' || (typeof mod.rules !== 'object' && typeof mod.presets !== 'object')) {
    fail('it exports neither "rules" nor "presets"');
  }

  const rules: Rule<any>[] = [];
  for (const [key, rule] of Object.entries(mod.rules ?? {})) {
    const problem = ruleProblem(rule);
    if (problem) fail(`rule "${key}" ${problem}`);
    rules.push({ ...rule, meta: { ...rule.meta, id: `${prefix}/${key}`, docs: rule.meta.docs ?? `${name}: ${key}` } });
  }
  const presets: Record<string, ConfigData> = {};
  for (const [key, preset] of Object.entries(mod.presets ?? {})) presets[`${prefix}:${key}`] = preset;
  const manifest = local ? null : packageManifest(entry);
  return { name, file: configFile, prefix, rules, presets, sources: manifest ? [entry, manifest] : [entry] };
}

function ruleProblem(rule: Rule<any> | undefined): string | null {
  if (!rule || typeof rule.check !== 'function') return 'has no check function';
  const meta = rule.meta;
  if (!meta || typeof meta !== 'object') return 'has no meta';
  if (!(SIGNS as readonly string[]).includes(meta.sign)) return `has sign ${JSON.stringify(meta.sign)}, which is not one of ${SIGNS.join(', ')}`;
  if (meta.severity !== 'error' && meta.severity !== 'warning') return 'needs a severity of "error" or "warning"';
  if (typeof meta.description !== 'string' || typeof meta.fix !== 'string') return 'needs a description and a fix hint';
  if (meta.options !== undefined && (typeof meta.options !== 'object' || meta.options === null)) return 'has options that are not a mapping';
  if (meta.options === undefined) (meta as { options: object }).options = {};
  return null;
}

/** The entry file of an installed package, looking in node_modules from `from` upwards. */
/** The package.json nearest above a package's entry file. */
function packageManifest(entry: string): string | null {
  for (let dir = dirname(entry); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'package.json');
    if (dirname(dir) === dir) return null;
  }
}

function resolvePackage(packageName: string, from: string): string | null {
  try {
    return createRequire(join(from, 'noop.js')).resolve(packageName);
  } catch {
    // An ESM-only package may offer no "require" entry; read its package.json instead.
  }
  for (let dir = from; ; dir = dirname(dir)) {
    const pkgDir = join(dir, 'node_modules', packageName);
    const manifest = join(pkgDir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: unknown; module?: string; main?: string };
      const exp = pkg.exports;
      const dot = typeof exp === 'string' ? exp : exp && typeof exp === 'object' ? ((exp as Record<string, unknown>)['.'] ?? exp) : undefined;
      const target =
        typeof dot === 'string' ? dot : dot && typeof dot === 'object' ? ((dot as Record<string, unknown>).import ?? (dot as Record<string, unknown>).default) : undefined;
      return join(pkgDir, typeof target === 'string' ? target : (pkg.module ?? pkg.main ?? 'index.js'));
    }
    if (dirname(dir) === dir) return null;
  }
}
