// `stratlint merge`: the JSON reports of a run's shards joined into one report in any format,
// the same bytes and exit code as one unsharded run of the same documents.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ShardReport } from '../engine/merge.js';
import type { MainIO } from './main.js';
import { applyBaselineFlags, applyQuiet, baselineClash, conclude, EXIT_ERROR, outputRefused, readBaseline, reportRun, warnIgnored, writeOut, type ReportFlags } from './report.js';
import { say } from './say.js';

export async function runMerge(reports: string[], flags: ReportFlags, io: MainIO): Promise<number> {
  const baseline = await readBaseline(flags, io);
  if (!baseline.ok) {
    say(io, baseline.message);
    return EXIT_ERROR;
  }
  const merge = await import('../engine/merge.js');
  const shards: ShardReport[] = [];
  try {
    for (const name of reports) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(resolve(io.cwd, name));
      } catch (error) {
        say(io, `${name}: cannot read the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        return EXIT_ERROR;
      }
      shards.push(merge.readShard(name, bytes));
    }
    // The JSON report, with its findings as they were found, is the shards' entries put together
    // again; any other report, or --quiet and --baseline, which leave findings out, needs the run.
    const spliced = flags.format === 'json' && !flags.quiet && !flags.baseline;
    const merged = spliced ? { spliced: merge.spliceShards(shards), run: undefined } : { spliced: undefined, run: merge.mergeShards(shards) };
    // The reports' sections (the prints above all) are done with: let the collector have them.
    shards.length = 0;
    const inputs = reports.map((name) => resolve(io.cwd, name));
    if (merged.run && flags.format === 'html' && !merged.run.hasText) {
      say(io, 'the html report shows each document\'s text, which these shard reports do not hold: run the shards with --keep-text');
      return EXIT_ERROR;
    }
    const refused =
      (await outputRefused(flags, io, [...inputs, ...(flags.baseline && !flags.writeBaseline ? [resolve(io.cwd, flags.baseline)] : [])])) ??
      (await baselineClash(flags, io, inputs));
    if (refused) {
      say(io, refused);
      return EXIT_ERROR;
    }
    if (merged.spliced) {
      warnIgnored(merged.spliced, io);
      const { splicedReport } = await import('../reporters/json.js');
      await writeOut(splicedReport(merged.spliced), flags, io);
      return conclude(merged.spliced, flags, io);
    }
    const { run, rules } = merged.run!;
    warnIgnored(run, io);
    await applyBaselineFlags(run, flags, io, baseline);
    await applyQuiet(run, flags);
    // The text was kept for the html report only.
    if (flags.format !== 'html') for (const file of run.files) delete file.text;
    return reportRun(run, flags, io, rules);
  } catch (error) {
    if (error instanceof merge.MergeError) {
      say(io, error.message);
      return EXIT_ERROR;
    }
    throw error;
  }
}
