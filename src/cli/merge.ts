// `stratlint merge`: the JSON reports of a run's shards joined into one report in any format,
// the same bytes and exit code as one unsharded run of the same documents.

import { resolve } from 'node:path';
import { readJsonText } from '../core/ascii-json.js';
import type { MainIO } from './main.js';
import { applyBaselineFlags, applyQuiet, baselineClash, EXIT_ERROR, outputRefused, readBaseline, reportRun, warnIgnored, type ReportFlags } from './report.js';
import { say } from './say.js';

export async function runMerge(reports: string[], flags: ReportFlags, io: MainIO): Promise<number> {
  const baseline = await readBaseline(flags, io);
  if (!baseline.ok) {
    say(io, baseline.message);
    return EXIT_ERROR;
  }
  const parsed: Array<[string, unknown]> = [];
  for (const name of reports) {
    let text: string;
    try {
      text = readJsonText(resolve(io.cwd, name));
    } catch (error) {
      say(io, `${name}: cannot read the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      return EXIT_ERROR;
    }
    try {
      parsed.push([name, JSON.parse(text)]);
    } catch (error) {
      say(io, `${name}: not JSON (${(error as Error).message})`);
      return EXIT_ERROR;
    }
  }
  const { mergeShards, MergeError } = await import('../engine/merge.js');
  let merged: ReturnType<typeof mergeShards>;
  try {
    merged = mergeShards(parsed);
    // The reports' sections (the prints above all) are done with: let the collector have them.
    parsed.length = 0;
  } catch (error) {
    if (error instanceof MergeError) {
      say(io, error.message);
      return EXIT_ERROR;
    }
    throw error;
  }
  if (flags.format === 'html' && !merged.hasText) {
    say(io, 'the html report shows each document\'s text, which these shard reports do not hold: run the shards with --keep-text');
    return EXIT_ERROR;
  }
  const inputs = reports.map((name) => resolve(io.cwd, name));
  const refused =
    (await outputRefused(flags, io, [...inputs, ...(flags.baseline && !flags.writeBaseline ? [resolve(io.cwd, flags.baseline)] : [])])) ??
    (await baselineClash(flags, io, inputs));
  if (refused) {
    say(io, refused);
    return EXIT_ERROR;
  }
  const { run, rules } = merged;
  warnIgnored(run, io);
  await applyBaselineFlags(run, flags, io, baseline);
  await applyQuiet(run, flags);
  // The text was kept for the html report only.
  if (flags.format !== 'html') for (const file of run.files) delete file.text;
  return reportRun(run, flags, io, rules);
}
