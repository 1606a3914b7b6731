// The engine: config per file, discovery, reading, linting; one failure is one file's error.

import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { builtinRules } from '../../rules/index.js';
import { buildLexicons, shippedLexiconTerms } from '../analysis/lexicons.js';
import type { Rule, RuleMeta } from '../core/rule.js';
import type { Analysis } from '../analysis/index.js';
import type { FileResult, LintRun, Severity, StrategyDocument } from '../core/types.js';
import { buildConfig, ConfigFinder, configForDocument, readConfigChain, type ConfigLayer, type ResolvedConfig } from '../config/load.js';
import { ConfigError, type RuleSetting } from '../config/schema.js';
import { loadDocument } from '../formats/index.js';
import { markdownDocument } from '../formats/markdown.js';
import { discoverFiles, displayPath, outsideLinksNote, readDocumentBytes, tooLarge } from './files.js';
import { loadIgnore, type IgnoreMatch, type IgnoreTest } from './ignore.js';
import { lintDocument, type EnabledRule } from './lint-document.js';
import { buildScorecard } from '../score/scorecard.js';
import { lintMany, type BulkOptions } from './bulk.js';
import { importProblem, type ImportLimits } from './import-guard.js';
import { encodeShard } from './merge.js';
import { packageVersion } from '../core/package-root.js';
import { summarise } from './summary.js';

export { summarise };

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export interface LintOptions {
  cwd?: string;
  /** A config file to use instead of searching for one. */
  configFile?: string;
  /** Rule settings from the command line, applied last. */
  ruleSettings?: Record<string, RuleSetting>;
  maxFileSize?: number;
  /** Documents scoring under this fail the run (over config's failUnder). */
  failUnder?: number;
  /** The date horizons are measured from, over any config or document date. */
  referenceDate?: string;
  /** "Today", for documents with no date of their own. */
  now?: Date;
  rules?: Rule<any>[];
  /** Gitignore-style patterns, relative to cwd, of documents not to lint (over .stratlintignore). */
  ignorePatterns?: string[];
  /**
   * Load plugins and rules folders from any config, even one found among the documents (a
   * received folder). Without it only `configFile` and configs in cwd or its parents may.
   */
  trustConfig?: boolean;
  /**
   * Import each plugin first in a worker held to these limits, so that one whose module hangs
   * or fills memory as it loads is a config error, not a run that never ends. Not passed on to
   * the pool's workers, where a plugin loads under a document's limits.
   */
  importLimits?: ImportLimits;
}

export class Linter {
  readonly rules: Rule<any>[];
  private readonly lexiconNames: ReadonlySet<string>;
  private readonly finder = new ConfigFinder();
  private readonly resolved = new Map<string, Promise<ResolvedConfig>>();
  private ignoreTest?: IgnoreTest;
  readonly options: LintOptions;
  readonly cwd: string;
  /** Every file this run reads or has a worker read (documents, templates, configs), as absolute paths. */
  readonly inputs = new Set<string>();
  /** Sees each document and its analysis once linted: bulk runs take fingerprints and text here. */
  observer?: (doc: StrategyDocument, analysis: Analysis) => void;

  constructor(options: LintOptions = {}) {
    this.options = options;
    this.cwd = options.cwd ?? process.cwd();
    this.rules = options.rules ?? builtinRules;
    this.lexiconNames = new Set(shippedLexiconTerms().keys());
  }

  /** The settings for a document in `dir`. Rejects with a ConfigError for a bad config. */
  configFor(dir: string): Promise<ResolvedConfig> {
    const file = this.options.configFile ?? this.finder.find(dir) ?? '';
    let config = this.resolved.get(file);
    if (!config) {
      config = this.loadConfig(file);
      this.resolved.set(file, config);
    }
    return config;
  }

  private async loadConfig(file: string): Promise<ResolvedConfig> {
    const layers: ConfigLayer[] = [{ preset: 'stratlint:recommended', from: 'stratlint' }];
    if (file) {
      const chain = readConfigChain(file, this.lexiconNames);
      for (const layer of chain) if ('file' in layer) this.inputs.add(layer.file);
      if (!this.trusts(file)) refuseCode(chain, file);
      layers.push(...chain);
    }
    if (this.options.ruleSettings) layers.push({ data: { rules: this.options.ruleSettings }, file: '--rule' });
    const limits = this.options.importLimits;
    const config = await buildConfig(layers, this.rules, limits && ((href) => importProblem(href, limits)));
    // As in ESLint, the globs of a config named with --config are relative to the working
    // directory; so are a preset's, which has no folder of its own.
    for (const o of config.overrides) if (o.file === this.options.configFile || !isAbsolute(o.file)) o.base = this.cwd;
    return config;
  }

  /**
   * Whether a config may load code (plugins, rules folders): the one named with --config, or one
   * in the folder stratlint runs in or above it, which the user chose by running there. A config
   * found among the documents came with them, as ESLint also holds.
   */
  private trusts(file: string): boolean {
    if (this.options.trustConfig || file === this.options.configFile) return true;
    const up = relative(dirname(file), this.cwd);
    return up === '' || (!up.startsWith('..') && !isAbsolute(up));
  }

  /** Every rule the configs read so far know (built-in, plugins, YAML), for reports that list rules. */
  async knownRules(): Promise<RuleMeta[]> {
    const byId = new Map(this.rules.map((r) => [r.meta.id, r.meta]));
    for (const config of this.resolved.values()) {
      for (const rule of (await config).ruleSet.values()) if (!byId.has(rule.meta.id)) byId.set(rule.meta.id, rule.meta);
    }
    return [...byId.values()];
  }

  /** Lints text already in memory (stdin, an editor buffer). */
  async lintText(text: string, path: string): Promise<FileResult> {
    return this.lintLoaded(markdownDocument(displayPath(path, this.cwd), text), path);
  }

  private async lintLoaded(doc: StrategyDocument, path: string): Promise<FileResult> {
    const config = configForDocument(await this.configFor(dirname(path)), path, this.options.ruleSettings);
    const enabled: EnabledRule[] = [];
    for (const [id, setting] of config.rules) {
      const rule = config.ruleSet.get(id);
      if (rule && setting.severity !== 'off') enabled.push({ rule, severity: setting.severity as Severity, options: setting.options });
    }
    const failUnder = this.options.failUnder ?? config.failUnder;
    const result = lintDocument(doc, {
      rules: enabled,
      lexicons: buildLexicons(config.lexicons),
      referenceDate: this.options.referenceDate ?? config.referenceDate,
      knownRuleIds: new Set(config.ruleSet.keys()),
      now: this.options.now,
    });
    this.observer?.(doc, result.analysis);
    return {
      path: doc.path,
      format: doc.format,
      referenceDate: result.analysis.referenceDate.iso,
      findings: result.findings,
      errors: result.errors,
      words: result.analysis.wordCount,
      rules: enabled.map((e) => e.rule.meta.id),
      measures: result.measures,
      scorecard: buildScorecard(result.findings, result.measures, result.analysis.wordCount),
      ...(failUnder !== undefined ? { failUnder } : {}),
    };
  }

  async lintFile(path: string): Promise<FileResult> {
    this.inputs.add(path);
    const read = readDocumentBytes(path, this.maxFileSize);
    if (!read.ok) return { path: displayPath(path, this.cwd), format: null, referenceDate: null, findings: [], errors: [read.error] };
    return this.lintBytes(read.bytes, path);
  }

  /**
   * Lints a document's bytes already read (a file, standard input), under a path whose extension
   * picks the format: `.docx` is read as Word, anything else as Markdown. 'too-large' stands for
   * a stream that was read only up to the size limit.
   */
  async lintBytes(bytes: Buffer | 'too-large', path: string): Promise<FileResult> {
    const display = displayPath(path, this.cwd);
    this.inputs.add(path);
    if (bytes === 'too-large' || bytes.length > this.maxFileSize) {
      const size = bytes === 'too-large' ? undefined : bytes.length;
      return { path: display, format: null, referenceDate: null, findings: [], errors: [tooLarge(size, this.maxFileSize)] };
    }
    // A bad config stops the run: it is read before the document is parsed, outside the catch.
    await this.configFor(dirname(path));
    let format: FileResult['format'] = null;
    try {
      const loaded = await loadDocument(display, bytes);
      if (!loaded.ok) return { path: display, format: null, referenceDate: null, findings: [], errors: [loaded.error] };
      format = loaded.doc.format;
      return await this.lintLoaded(loaded.doc, path);
    } catch (error) {
      return {
        path: display,
        format,
        referenceDate: null,
        findings: [],
        errors: [{ code: 'parse-failed', message: `Could not lint the file: ${(error as Error).message}` }],
      };
    }
  }

  /** Whether .stratlintignore or --ignore-pattern leaves this path alone, and by which pattern. */
  ignores(path: string): IgnoreMatch | null {
    this.ignoreTest ??= loadIgnore(this.cwd, this.options.ignorePatterns);
    return this.ignoreTest(resolve(this.cwd, path));
  }

  private get maxFileSize(): number {
    return this.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  }

  /** Lints files, folders and globs; over several cores, and across documents, per `bulk`. */
  async lintFiles(patterns: string[], bulk: BulkOptions = {}): Promise<LintRun> {
    const discovery = await discoverFiles(patterns, this.cwd, (path) => this.ignores(path));
    const note = outsideLinksNote(discovery.outside, this.cwd);
    if (note) bulk.onWarning?.(`note: ${note}`);
    const files: FileResult[] = discovery.missing.map(({ path, error }) => ({
      path: displayPath(resolve(this.cwd, path), this.cwd),
      format: null,
      referenceDate: null,
      findings: [],
      errors: [error],
    }));
    const others = [...files];
    const { results, material } = await lintMany(this, discovery.files, bulk);
    files.push(...results);
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const ignored = discovery.ignored.map(({ path, pattern, source }) => ({ path: displayPath(resolve(this.cwd, path), this.cwd), pattern, source }));
    const shard =
      bulk.shard && material
        ? encodeShard(bulk.shard, material, {
            version: packageVersion(),
            foundPaths: discovery.files.map((f) => displayPath(f, this.cwd)),
            rules: await this.knownRules(),
            others: others.map((f) => f.path),
            ...(ignored.length ? { ignored } : {}),
          })
        : undefined;
    return { files, summary: summarise(files), ...(ignored.length ? { ignored } : {}), ...(shard ? { shard } : {}) };
  }
}

/** Stops the run at the first plugin or rules folder that an untrusted config chain names. */
function refuseCode(chain: ConfigLayer[], root: string): void {
  for (const layer of chain) {
    if (!('data' in layer)) continue;
    const plugin = layer.data.plugins?.[0];
    const rulesDir = [layer.data.rulesDir ?? []].flat()[0];
    if (plugin === undefined && rulesDir === undefined) continue;
    const what = plugin !== undefined ? `plugin "${plugin}"` : `rules folder "${rulesDir}"`;
    const via = layer.file === root ? '' : ` (through ${root})`;
    throw new ConfigError(
      layer.file,
      `refusing to load ${what}${via}: the config was found among the documents, not where stratlint runs; run stratlint in its folder, name it with --config, or give --trust-config`,
    );
  }
}
