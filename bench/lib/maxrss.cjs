// Preloaded with `node --require` into a whole-process run: on exit, appends the process's
// peak resident set size (KiB) and its CPU time (ms, user + system, all threads) to the file
// named by STRATLINT_BENCH_RSS. CPU time is less disturbed than wall time by other work on
// the machine.
'use strict';
const { appendFileSync } = require('node:fs');
const target = process.env.STRATLINT_BENCH_RSS;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(target, `${usage.maxRSS} ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`);
  });
}
