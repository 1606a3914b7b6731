#!/usr/bin/env node
// Typing into a 20,000-word strategy with `stratlint lsp` running: how long after the last of
// ten edits, 100 ms apart, its diagnostics arrive (the goal: within 1.5 s), and how many lints
// of the document the server ever has in flight at once (the goal: one). The client is
// vscode-jsonrpc over the real binary's standard input and output, as an editor's would be; the
// server's LSP trace (verbose) says when each lint starts and ends.
//
//   npm run build && node bench/typing.js [--rounds 5] [--words 20000] [--interval 100]
//
// Wall-clock figures: on a busy machine they move with the load (printed with them).

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createRandom, generateDocument } from './generate.js';
import { median, ms } from './lib/stats.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOAL_MS = 1500;
/** src/lsp/server.ts: DEFAULT_DEBOUNCE_MS. */
const DEBOUNCE_MS = 200;
const args = { rounds: 5, words: 20000, interval: 100, edits: 10 };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i]?.replace(/^--/, '');
  if (!(key in args)) throw new Error(`unknown option ${process.argv[i]}`);
  args[key] = Number(process.argv[i + 1]);
}

const sleep = (msec) => new Promise((resolve) => setTimeout(resolve, msec));
const dir = mkdtempSync(join(tmpdir(), 'stratlint-typing-'));
const { text, words } = generateDocument(createRandom(42), args.words);
const path = join(dir, 'strategy.md');
writeFileSync(path, text);
const uri = pathToFileURL(path).href;

const child = spawn(process.execPath, [join(ROOT, 'bin', 'stratlint.js'), 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));

let inFlight = 0;
let mostInFlight = 0;
let started = 0;
let stale = 0;
const lintMs = [];
connection.onNotification('$/logTrace', ({ message }) => {
  if (message.startsWith('lint started: strategy.md')) {
    started++;
    mostInFlight = Math.max(mostInFlight, ++inFlight);
  } else if (message.startsWith('lint finished: strategy.md')) {
    inFlight--;
    if (message.includes('out of date')) stale++;
    lintMs.push(Number(/ in (\d+) ms/.exec(message)?.[1]));
  }
});
const waiting = new Map();
const published = [];
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  published.push(params.version);
  waiting.get(params.version)?.(params);
});
const diagnosticsFor = (version) => new Promise((resolve) => waiting.set(version, resolve));
connection.listen();

await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, trace: 'verbose' });
await connection.sendNotification('initialized', {});

let version = 1;
const first = diagnosticsFor(1);
const openedAt = performance.now();
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
const opened = await first;
const openMs = performance.now() - openedAt;

// Each round types ten words into a paragraph in the middle of the document.
const lines = text.split('\n');
const target = lines.findIndex((line, i) => i > lines.length / 2 && line.length > 80);
const rounds = [];
for (let round = 0; round < args.rounds; round++) {
  const startedBefore = started;
  const lintsBefore = lintMs.length;
  let lastAt = 0;
  for (let edit = 0; edit < args.edits; edit++) {
    version++;
    const position = { line: target, character: 0 };
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text: `word${round}${edit} ` }],
    });
    lastAt = performance.now();
    if (edit < args.edits - 1) await sleep(args.interval);
  }
  const result = await diagnosticsFor(version);
  rounds.push({ ms: performance.now() - lastAt, lints: started - startedBefore, lintMs: lintMs.slice(lintsBefore), diagnostics: result.diagnostics.length });
  await sleep(500);
}

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
await new Promise((resolve) => child.on('exit', resolve));
connection.dispose();
rmSync(dir, { recursive: true, force: true });

const latencies = rounds.map((r) => r.ms);
const worst = Math.max(...latencies);
const shownVersions = published.filter((v) => v !== undefined);
console.log(`typing into a ${words}-word strategy with stratlint lsp: ${args.rounds} rounds of ${args.edits} edits ${args.interval} ms apart`);
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; Node ${process.version}`);
console.log(`first diagnostics after opening: ${ms(openMs)} (${opened.diagnostics.length} diagnostics; the worker starts then)`);
console.log('round  last edit → its diagnostics  lints started  of which linting  diagnostics');
rounds.forEach((r, i) =>
  console.log(`${String(i + 1).padStart(5)}  ${ms(r.ms).padStart(27)}  ${String(r.lints).padStart(13)}  ${r.lintMs.map(ms).join(' + ').padStart(16)}  ${String(r.diagnostics).padStart(11)}`),
);
console.log(`the rest is the ${DEBOUNCE_MS} ms pause the server waits for, and the messages to and from the worker`);
console.log(`median ${ms(median(latencies))}, worst ${ms(worst)}: ${worst <= GOAL_MS ? 'met' : 'missed'} (goal: within ${ms(GOAL_MS)} of the last edit)`);
console.log(`most lints of the document in flight at once: ${mostInFlight}: ${mostInFlight <= 1 ? 'met' : 'missed'} (goal: 1)`);
console.log(`versions shown: ${shownVersions.join(', ')}; results dropped as out of date: ${stale}`);
