#!/usr/bin/env node
// `stratlint --version` on its own is answered here: loading the command line (commander and
// the rest) to print one line cost about 50 ms of CPU on top of Node's own start-up.
const args = process.argv.slice(2);
// A reader that stops early (`stratlint rules | head -1`) closes the pipe, and the next write
// fails with EPIPE. Other commands are ended by SIGPIPE there, which a shell reports as 141
// (128 + 13); Node ignores that signal, so stratlint ends quietly with the same status. The
// same for standard error (`2>&1 | head`, or errors piped on their own).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(141);
  });
}
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // V8's optimising compiler, inlining as it does by default, spent more time on a background
  // thread compiling stratlint's many mid-sized functions than a run of a hundred documents
  // took to lint them (about 3.1 s against 1.2 s without inlining, `node --trace-opt`), and
  // every --jobs worker compiles them again. Without inlining, a run costs less CPU and the
  // warm code is as fast. The flag is process-wide, so workers get it too. Only on the V8
  // versions known to have it (Node 20 to 24): an unknown flag would print an error.
  //
  // V8 first compiles a regular expression to bytecode and, on its second use, compiles it
  // again to machine code. stratlint's word lists are large expressions (hundreds of terms,
  // case-insensitive in unicode mode), each used on every sentence, and chrono-node's date
  // parsers are many more: compiling them twice was a third of the CPU of linting a short
  // document (`node --cpu-prof`, self time of the first matches). With no uses counted before
  // tiering up, each expression made from now on goes straight to machine code, compiled once.
  // Not --no-regexp-tier-up: set at run time, that flag makes V8 run the bytecode of the
  // expressions Node compiled while starting as machine code, and crash (`stratlint init`).
  // The count only decides how new expressions are compiled, never what they match.
  const { setFlagsFromString } = await import('node:v8');
  const v8Major = Number(process.versions.v8.split('.')[0]);
  if (v8Major >= 11 && v8Major <= 13) {
    if (!process.execArgv.some((a) => a.includes('turbo-inlining'))) setFlagsFromString('--no-turbo-inlining');
    if (!process.execArgv.some((a) => a.includes('regexp-tier-up'))) setFlagsFromString('--regexp-tier-up-ticks=0');
  }
  // A run of a few dozen documents spent about 30% of its instructions in V8's optimising
  // compiler, most of it on functions that become hot only after many documents and then run
  // a few times more (callgrind, 50 medium documents: compiling 4.1 of 14.3 billion). Asking
  // for twice the usual time in a function before it is optimised cut that run by 4% and left
  // the 20,000-word strategy, whose hot code is optimised early either way, where it was.
  // Only on V8 11 (Node 20), where the flag is known to mean this; newer V8 tiers differently.
  if (v8Major === 11 && !process.execArgv.some((a) => a.includes('ticks-before-optimization'))) {
    setFlagsFromString('--ticks-before-optimization=6');
  }
  // The bundled build (npm run build writes it) starts faster; the plain one is the same code.
  const { existsSync } = await import('node:fs');
  const bundle = new URL('../dist/bundle/cli.js', import.meta.url);
  const { main } = await import(existsSync(bundle) ? bundle.href : '../dist/src/cli/main.js');
  process.exitCode = await main({
    argv: args,
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
}
