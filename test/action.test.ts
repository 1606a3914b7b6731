// The GitHub Action, run as far as it can be without GitHub: each step's own `run` script from
// action.yml, through bash as the runner starts it, with the inputs put into its `env` the way
// the runner evaluates ${{ inputs.* }}, and the runner's files (GITHUB_ENV, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY). Only npm is a stand-in: it "installs" this checkout instead of
// downloading stratlint from the registry.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { BIN, ROOT, tempDir } from './helpers.js';

const GOOD = join(ROOT, 'fixtures/strategies/riverside-council-digital-strategy.md');
const BAD = join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

interface Step {
  name: string;
  id?: string;
  shell: string;
  env?: Record<string, string>;
  run: string;
}
const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};

/** An npm that records its arguments and "installs" stratlint as a module loading this checkout's bin. */
function fakeNpm(dir: string): string {
  const bin = join(dir, 'fake-bin');
  mkdirSync(bin);
  const loader = `import(${JSON.stringify(pathToFileURL(BIN).href)});`;
  writeFileSync(
    join(bin, 'npm'),
    [
      '#!/usr/bin/env bash',
      'set -eu',
      `printf '%s\\n' "$*" >> ${JSON.stringify(join(dir, 'npm-calls'))}`,
      'prefix=""',
      'while [ $# -gt 0 ]; do [ "$1" = --prefix ] && prefix="$2"; shift; done',
      'mkdir -p "$prefix/node_modules/stratlint/bin"',
      `printf '%s' ${JSON.stringify(loader)} > "$prefix/node_modules/stratlint/bin/stratlint.js"`,
      '',
    ].join('\n'),
  );
  chmodSync(join(bin, 'npm'), 0o755);
  return bin;
}

interface ActionRun {
  steps: Array<{ name: string; code: number; stdout: string; stderr: string }>;
  npmCalls: string[];
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

/** Runs the composite action's steps in order, stopping at the first that fails, as GitHub does. */
function runAction(workspace: string, inputs: Record<string, string>): ActionRun {
  const runner = tempDir('stratlint-runner-');
  const files = { GITHUB_ENV: join(runner, 'env'), GITHUB_OUTPUT: join(runner, 'output'), GITHUB_STEP_SUMMARY: join(runner, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  mkdirSync(join(runner, 'temp'));
  const base: Record<string, string> = {
    PATH: `${fakeNpm(runner)}:${process.env.PATH}`,
    HOME: process.env.HOME ?? runner,
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: join(runner, 'temp'),
    ...files,
  };
  const expression = (text: string) =>
    text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expr);
      if (!input || !(input[1]! in action.inputs)) throw new Error(`action.yml uses \${{ ${expr} }}, which this test cannot evaluate`);
      return inputs[input[1]!] ?? action.inputs[input[1]!]!.default ?? '';
    });

  const steps: ActionRun['steps'] = [];
  for (const step of action.runs.steps) {
    // What earlier steps wrote to GITHUB_ENV is in the environment of the later ones.
    const exported = Object.fromEntries(
      readFileSync(files.GITHUB_ENV, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expression(String(v))]));
    const script = join(runner, `step-${steps.length}.sh`);
    writeFileSync(script, expression(step.run));
    expect(step.shell).toBe('bash');
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env: { ...base, ...exported, ...stepEnv }, encoding: 'utf8' });
    steps.push({ name: step.name, code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr });
    if (r.status !== 0) break;
  }
  const outputs = Object.fromEntries(
    readFileSync(files.GITHUB_OUTPUT, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const npmCalls = existsSync(join(runner, 'npm-calls')) ? readFileSync(join(runner, 'npm-calls'), 'utf8').trim().split('\n') : [];
  return { steps, npmCalls, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'), workspace };
}

function workspaceWith(documents: Record<string, string>): string {
  const dir = tempDir('stratlint-workspace-');
  for (const [name, source] of Object.entries(documents)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    copyFileSync(source, join(dir, name));
  }
  return dir;
}

describe('action.yml', () => {
  it('is a composite action whose inputs, outputs and steps fit together', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.map((s) => s.name)).toEqual(['Install stratlint', 'Lint']);
    expect(Object.keys(action.outputs)).toEqual(['sarif-file', 'exit-code']);
    for (const output of Object.values(action.outputs)) expect(output.value).toMatch(/^\$\{\{ steps\.lint\.outputs\.[\w-]+ \}\}$/);
    expect(action.runs.steps.find((s) => s.id === 'lint')).toBeDefined();
    // Every input reaches a step.
    const used = JSON.stringify(action.runs.steps);
    for (const name of Object.keys(action.inputs)) expect(used).toContain(`inputs.${name} `);
  });

  it('installs this version, lints, annotates, writes SARIF and the summary, and fails on findings', () => {
    const workspace = workspaceWith({ 'docs/north shire.md': BAD, 'docs/riverside.md': GOOD });
    const run = runAction(workspace, { paths: 'docs/riverside.md\ndocs/north shire.md\n', 'fail-under': '70' });
    expect(run.npmCalls).toHaveLength(1);
    expect(run.npmCalls[0]).toMatch(new RegExp(`^install --prefix \\S+/temp/stratlint .*stratlint@${VERSION.replace(/\./g, '\\.')}$`));
    const [install, lint] = run.steps;
    expect(install!.code).toBe(0);
    expect(lint!.code).toBe(1);
    // The log is in the github format: annotations on the pull request.
    expect(lint!.stdout).toMatch(/^::error file=docs\/north shire\.md,line=7,col=1,endLine=7,endColumn=45,title=no-users::The strategy never says who its users are/m);
    expect(lint!.stdout).toMatch(/^::warning file=docs\/north shire\.md,line=15,col=4,/m);
    expect(lint!.stderr).toMatch(/docs\/north shire\.md scores \d+, under the 70 it must reach/);
    // The SARIF file, for upload-sarif.
    const sarif = JSON.parse(readFileSync(join(workspace, 'stratlint.sarif'), 'utf8'));
    expect(sarif.runs[0].artifacts.map((a: any) => a.location.uri)).toEqual(['docs/north%20shire.md', 'docs/riverside.md']);
    expect(sarif.runs[0].results.length).toBeGreaterThan(10);
    // The job summary.
    expect(run.summary).toContain('### stratlint');
    expect(run.summary).toMatch(/\| `docs\/north shire\.md` \| \*\*\d+\*\*\/100 ✖ under 70 \| 1 \|/);
    expect(run.outputs).toEqual({ 'sarif-file': 'stratlint.sarif', 'exit-code': '1' });
  }, 180_000);

  it('passes a clean document, and installs the version asked for', () => {
    const workspace = workspaceWith({ 'strategy.md': GOOD });
    const run = runAction(workspace, { version: '1.2.3', 'fail-on': 'warning' });
    expect(run.npmCalls[0]).toMatch(/ stratlint@1\.2\.3$/);
    expect(run.steps.map((s) => s.code)).toEqual([0, 0]);
    expect(run.steps[1]!.stdout).toBe('');
    expect(run.outputs).toEqual({ 'sarif-file': 'stratlint.sarif', 'exit-code': '0' });
    expect(run.summary).toMatch(/\| `strategy\.md` \| \*\*100\*\*\/100 \| 0 \| 0 \| none \|/);
  }, 180_000);

  it('stops with exit code 2 on a bad config, and then has no SARIF to offer', () => {
    const workspace = workspaceWith({ 'strategy.md': GOOD });
    writeFileSync(join(workspace, 'lint.yml'), 'rulez: {}\n');
    const run = runAction(workspace, { config: 'lint.yml' });
    expect(run.steps[1]!.code).toBe(2);
    expect(run.steps[1]!.stderr).toMatch(/lint\.yml: unknown key "rulez"/);
    expect(existsSync(join(workspace, 'stratlint.sarif'))).toBe(false);
    expect(run.outputs).toEqual({ 'exit-code': '2' });
  }, 180_000);

  it('writes no SARIF and no summary when asked not to, and prints the format asked for', () => {
    const workspace = workspaceWith({ 'strategy.md': BAD });
    const run = runAction(workspace, { 'sarif-file': '', summary: 'false', format: 'stylish', 'max-warnings': '1000' });
    expect(run.steps[1]!.code).toBe(1);
    expect(run.steps[1]!.stdout).toMatch(/^strategy\.md\n/);
    expect(run.steps[1]!.stdout).toMatch(/✖ \d+ problems \(1 error, \d+ warnings\) in 1 file/);
    expect(existsSync(join(workspace, 'stratlint.sarif'))).toBe(false);
    expect(run.summary).toBe('');
    expect(run.outputs).toEqual({ 'exit-code': '1' });
  }, 180_000);
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, string>>;
  const hook = hooks.find((h) => h.id === 'stratlint')!;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('runs the package’s own command on Markdown and Word files, installed by npm', () => {
    expect(hook.language).toBe('node');
    expect(pkg.bin[hook.entry!]).toBe('bin/stratlint.js');
    // pre-commit matches `files` with Python's re.search; this pattern means the same in JavaScript.
    const files = new RegExp(hook.files!);
    expect(['strategy.md', 'docs/Plan.markdown', 'a/b.md', 'board/strategy.docx'].every((f) => files.test(f))).toBe(true);
    expect(['notes.txt', 'md', 'strategy.md.orig', 'old.doc'].some((f) => files.test(f))).toBe(false);
  });

  it('passes and fails commits the way pre-commit calls it: the entry, then the staged file names', () => {
    const repo = workspaceWith({ 'docs/strategy.md': GOOD, 'docs/drafts/vision.md': BAD });
    const commit = (...staged: string[]) => spawnSync(process.execPath, [BIN, ...staged], { cwd: repo, encoding: 'utf8' });
    expect(commit('docs/strategy.md').status).toBe(0);
    expect(commit('docs/strategy.md', 'docs/drafts/vision.md').status).toBe(1);
    // What the team excluded does not block a commit, but says so.
    writeFileSync(join(repo, '.stratlintignore'), 'drafts/\n');
    const ignored = commit('docs/strategy.md', 'docs/drafts/vision.md');
    expect(ignored.status).toBe(0);
    expect(ignored.stderr).toContain('docs/drafts/vision.md is ignored by "drafts/" (.stratlintignore)');
  });
});
