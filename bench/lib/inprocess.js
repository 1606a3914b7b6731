// One in-process scenario, run in a child process of its own so that its memory and its
// compiled code are its own. Imports stratlint from dist/ and prints one JSON object.
//
//   node --expose-gc bench/lib/inprocess.js '{"kind":"doc","path":"...","reps":5}'
//   node --expose-gc bench/lib/inprocess.js '{"kind":"folder","path":"...","reps":3,"floorReps":3}'

import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createStopwatch, instrumentAnalysis, phaseOrder, timedRule } from './phases.js';
import { median } from './stats.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
// stratlint's own copies of its dependencies, not the comparison tools' copies in bench/.
const requireFromRoot = createRequire(join(root, 'package.json'));
const dependency = (name) => import(pathToFileURL(requireFromRoot.resolve(name)).href);

const params = JSON.parse(process.argv[2] ?? '{}');

const loadStart = performance.now();
const [{ Linter }, { lintDocument }, { markdownDocument }, { Analysis }, { buildLexicons }, { builtinRules }, { formatStylish }, filesModule] =
  await Promise.all([
    dist('src/engine/run.js'),
    dist('src/engine/lint-document.js'),
    dist('src/formats/markdown.js'),
    dist('src/analysis/index.js'),
    dist('src/analysis/lexicons.js'),
    dist('rules/index.js'),
    dist('src/reporters/stylish.js'),
    dist('src/engine/files.js'),
  ]);
// Optional stages that not every version of the engine has.
const optional = async (path, name) => {
  try {
    return (await dist(path))[name];
  } catch {
    return undefined;
  }
};
const buildScorecard = await optional('src/score/scorecard.js', 'buildScorecard');
const loadDocument = await optional('src/formats/index.js', 'loadDocument');
const MAX_BYTES = 10 * 1024 * 1024;

/** Reads and parses one file as the engine does: bytes and a format adapter, or text and Markdown in older engines. */
async function readAndParse(path, stopwatch) {
  if (filesModule.readDocumentBytes && loadDocument) {
    const read = stopwatch.time('read', () => filesModule.readDocumentBytes(path, MAX_BYTES));
    if (!read.ok) throw new Error(`${path}: ${read.error.message}`);
    // loadDocument is async since PDF (a Markdown file still parses before it returns).
    stopwatch.enter('parse');
    let loaded;
    try {
      loaded = await loadDocument(path, read.bytes);
    } finally {
      stopwatch.exit();
    }
    if (!loaded.ok) throw new Error(`${path}: ${loaded.error.message}`);
    return loaded.doc;
  }
  const read = stopwatch.time('read', () => filesModule.readTextDocument(path, MAX_BYTES));
  if (!read.ok) throw new Error(`${path}: ${read.error.message}`);
  return stopwatch.time('parse', () => markdownDocument(path, read.text));
}
const moduleLoad = performance.now() - loadStart;

const files = statSync(params.path).isDirectory()
  ? readdirSync(params.path)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => join(params.path, f))
  : [params.path];
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);

/** What the CLI does for these files, minus argument parsing and writing to stdout. */
async function endToEnd() {
  const t = performance.now();
  const linter = new Linter({ cwd: root });
  const run = await linter.lintFiles([params.path]);
  formatStylish(run, { colorLevel: 0 });
  return { ms: performance.now() - t, findings: run.files.reduce((n, f) => n + f.findings.length, 0) };
}

/** The same pipeline as Linter.lintText, with a stopwatch on every phase. */
async function instrumented(stopwatch) {
  const linter = new Linter({ cwd: root });
  const builtins = new Map(builtinRules.map((r) => [r.meta.id, r]));
  const fileResults = [];
  stopwatch.reset();
  let configTime = 0;
  const t = performance.now();
  for (const path of files) {
    const c = performance.now();
    const config = await linter.configFor(dirname(path));
    configTime += performance.now() - c;
    const ruleSet = config.ruleSet ?? builtins;
    const knownRuleIds = new Set(ruleSet.keys());
    const enabled = [];
    for (const [id, setting] of config.rules) {
      const rule = ruleSet.get(id);
      if (rule && setting.severity !== 'off') enabled.push({ rule: timedRule(rule, stopwatch), severity: setting.severity, options: setting.options });
    }
    const doc = await readAndParse(path, stopwatch);
    const result = stopwatch.time('findings', () =>
      lintDocument(doc, { rules: enabled, lexicons: buildLexicons(config.lexicons), referenceDate: config.referenceDate, knownRuleIds }),
    );
    fileResults.push({
      path,
      format: doc.format,
      referenceDate: result.analysis.referenceDate.iso,
      findings: result.findings,
      errors: result.errors,
      words: result.analysis.wordCount,
      ...(buildScorecard ? { scorecard: stopwatch.time('scorecard', () => buildScorecard(result.findings)) } : {}),
    });
  }
  stopwatch.time('reporting', () => formatStylish({ files: fileResults, summary: { files: fileResults.length, errors: 0, warnings: 0, fileErrors: 0 } }, { colorLevel: 0 }));
  // Config is read once and cached; what is left of its time is not a phase of linting.
  const total = performance.now() - t - configTime;
  return { total, phases: Object.fromEntries(stopwatch.totals), findings: fileResults.reduce((n, f) => n + f.findings.length, 0) };
}

/**
 * The parse floor: remark-parse + gfm + front matter, then the natural-language tree
 * (mdast-util-to-nlcst with parse-english), nothing else; against the full lint of the same
 * texts. Rounds alternate, so a noisy neighbour slows both sides alike.
 */
async function parseFloor(reps) {
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }, { default: remarkFrontmatter }, { toNlcst }, { ParseEnglish }, { VFile }] =
    await Promise.all(['unified', 'remark-parse', 'remark-gfm', 'remark-frontmatter', 'mdast-util-to-nlcst', 'parse-english', 'vfile'].map(dependency));
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
  const parser = new ParseEnglish();
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const linter = new Linter({ cwd: root });
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  // Wall and CPU time of one pass; CPU time is less disturbed by other work on the machine.
  const timed = async (fn) => {
    const t = performance.now();
    const c = cpu();
    await fn();
    return [performance.now() - t, cpu() - c];
  };
  const floor = () => timed(() => {
    for (const text of texts) toNlcst(processor.runSync(processor.parse(text)), new VFile({ value: text }), parser);
  });
  const full = () => timed(async () => {
    for (let i = 0; i < texts.length; i++) await linter.lintText(texts[i], files[i]);
  });
  await floor();
  await full();
  const floors = [];
  const fulls = [];
  for (let i = 0; i < reps; i++) {
    floors.push(await floor());
    fulls.push(await full());
  }
  const wall = (runs) => median(runs.map((r) => r[0]));
  const cpuOf = (runs) => median(runs.map((r) => r[1]));
  return {
    floor: wall(floors),
    full: wall(fulls),
    ratio: wall(fulls) / wall(floors),
    floorCpu: cpuOf(floors),
    fullCpu: cpuOf(fulls),
    ratioCpu: cpuOf(fulls) / cpuOf(floors),
    floors,
    fulls,
  };
}

/** Heap kept alive after a full GC as results pile up, to see whether memory grows per document. */
async function retainedHeap() {
  if (typeof globalThis.gc !== 'function') return null;
  const linter = new Linter({ cwd: root });
  const kept = [];
  const points = [];
  const step = Math.max(1, Math.floor(files.length / 4));
  globalThis.gc();
  const base = process.memoryUsage().heapUsed;
  for (let i = 0; i < files.length; i++) {
    kept.push(await linter.lintFile(files[i]));
    if ((i + 1) % step === 0 || i === files.length - 1) {
      globalThis.gc();
      points.push({ docs: i + 1, heapKiB: Math.round((process.memoryUsage().heapUsed - base) / 1024) });
    }
  }
  return points;
}

const out = { kind: params.kind, files: files.length, bytes, moduleLoad };
const reps = params.reps ?? 3;

if (params.cold) {
  // One instrumented pass and nothing else: where a one-shot CLI run spends its time,
  // while the JIT has compiled nothing yet.
  const stopwatch = createStopwatch();
  instrumentAnalysis(Analysis, stopwatch);
  const run = await instrumented(stopwatch);
  out.phases = phaseOrder(new Set(Object.keys(run.phases))).map((label) => [label, run.phases[label]]);
  out.phaseTotal = run.total;
  out.maxRssKiB = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify(out) + '\n');
  process.exit(0);
}

// First pass: code not yet optimised by the JIT, as in a one-shot CLI run.
const first = await endToEnd();
out.first = first.ms;
const times = [];
for (let i = 0; i < reps; i++) times.push((await endToEnd()).ms);
out.warm = median(times);
out.warmRuns = times;
out.findings = first.findings;

const stopwatch = createStopwatch();
const undo = instrumentAnalysis(Analysis, stopwatch);
const phaseRuns = [];
for (let i = 0; i < Math.max(1, Math.min(reps, 2)); i++) phaseRuns.push(await instrumented(stopwatch));
undo();
const labels = new Set(phaseRuns.flatMap((r) => Object.keys(r.phases)));
out.phases = phaseOrder(labels).map((label) => [label, median(phaseRuns.map((r) => r.phases[label] ?? 0))]);
out.phaseTotal = median(phaseRuns.map((r) => r.total));
out.phaseFindings = phaseRuns[0].findings;

if (params.floorReps) out.floor = await parseFloor(params.floorReps);
if (params.heap) out.heap = await retainedHeap();

out.maxRssKiB = process.resourceUsage().maxRSS;
process.stdout.write(JSON.stringify(out) + '\n');
