// The Lint step of action.yml: runs stratlint on the action's inputs (INPUT_* environment
// variables) and reports the way GitHub expects. Plain Node, no dependencies, so it runs
// from the action's checkout without a build.
//
// stratlint runs up to three times: for the SARIF file, for the job summary, and for the
// log in the chosen format, whose exit code is the step's. Strategy documents are few and
// small, and each run is then exactly the command a user would type.

import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';

const env = process.env;
const bin = env.STRATLINT_BIN;
if (!bin) fail('STRATLINT_BIN is not set; the "Install stratlint" step sets it');

const paths = (env.INPUT_PATHS ?? '')
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter(Boolean);
const common = [...(paths.length ? paths : ['.'])];
if (env.INPUT_CONFIG) common.push('--config', env.INPUT_CONFIG);
if (env.INPUT_FAIL_UNDER) common.push('--fail-under', env.INPUT_FAIL_UNDER);
if (env.INPUT_FAIL_ON) common.push('--fail-on', env.INPUT_FAIL_ON);
if (env.INPUT_MAX_WARNINGS) common.push('--max-warnings', env.INPUT_MAX_WARNINGS);

const stratlint = (args, stdio) =>
  spawnSync(process.execPath, [bin, ...common, ...args], { stdio, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

// The report runs tell their problems on stderr too; the last run tells them once, in the log.
const sarifFile = env.INPUT_SARIF_FILE ?? '';
if (sarifFile) {
  const r = stratlint(['--format', 'sarif', '--output-file', sarifFile], ['ignore', 'ignore', 'pipe']);
  if (r.error) fail(`cannot run stratlint: ${r.error.message}`);
}

if ((env.INPUT_SUMMARY ?? 'true') !== 'false' && env.GITHUB_STEP_SUMMARY) {
  const r = stratlint(['--format', 'markdown'], ['ignore', 'pipe', 'pipe']);
  if (r.stdout) appendFileSync(env.GITHUB_STEP_SUMMARY, r.stdout + '\n');
}

const main = stratlint(['--format', env.INPUT_FORMAT || 'github'], 'inherit');
if (main.error) fail(`cannot run stratlint: ${main.error.message}`);
const code = main.status ?? 2;

if (env.GITHUB_OUTPUT) {
  // A config error stops stratlint before it writes a report; then there is no SARIF to upload.
  const wrote = sarifFile && existsSync(sarifFile);
  appendFileSync(env.GITHUB_OUTPUT, `${wrote ? `sarif-file=${sarifFile}\n` : ''}exit-code=${code}\n`);
}
process.exitCode = code;

function fail(message) {
  process.stderr.write(`stratlint action: ${message}\n`);
  process.exit(2);
}
