// Acronyms as authors write them: names and brands in capitals, units, abbreviations anyone
// knows, running headers and slide headings run into the text by a conversion, and long forms
// that come before the acronym without brackets. A strategy of our own holds one of each.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lintText } from '../dist/src/api.js';
import { longFormsIn } from '../dist/src/analysis/long-forms.js';
import { Linter } from '../dist/src/engine/run.js';
import { BIN, ROOT } from './helpers.js';

const CAPITALS = 'fixtures/acronyms/capitals.md';

async function acronymFindings(markdown: string): Promise<string[]> {
  const run = await lintText(markdown, { cwd: ROOT, filePath: 'plan.md' });
  return run.files[0]!.findings.filter((f) => f.ruleId === 'undefined-acronyms').map((f) => `${f.line}:${f.column} ${f.message}`);
}

describe('undefined-acronyms on capitals that are not acronyms to explain', async () => {
  const run = await new Linter({ cwd: ROOT }).lintFiles([CAPITALS]);
  const findings = run.files[0]!.findings.filter((f) => f.ruleId === 'undefined-acronyms');

  it('reports only the acronyms a reader cannot know: one used before its long form, one never spelled out', () => {
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '26:5 "ICS" is used before it is spelled out',
      '28:27 "SRO" is never spelled out',
    ]);
  });

  it('takes a long form from capitalised words anywhere before the acronym, hyphenated words included', () => {
    expect(longFormsIn('The Ashcombe Digital Service runs it.').map((f) => f.initials)).toEqual(
      expect.arrayContaining(['ADS', 'TADS']),
    );
    expect(longFormsIn('the Office of Management and Budget').map((f) => f.initials)).toContain('OMB');
    expect(longFormsIn('Our Cross-Agency Priority goals').map((f) => f.initials)).toContain('CAP');
    expect(longFormsIn('a plain sentence with One capital')).toEqual([]);
  });

  it('finishes on a capital letter outside the Basic Multilingual Plane, and reads on after it', () => {
    // "𝐀" (U+1D400, two UTF-16 units) opens no run of capitalised words; the search for the
    // next word used to find it again from its second half, for ever. Run as a process with a
    // time limit, so that a hang fails this test instead of stopping the suite.
    const run = spawnSync(process.execPath, [BIN, '--stdin', '--stdin-filename', 'plan.md', '--format', 'json'], {
      cwd: ROOT,
      input: '# Plan\n\nWe will mark our work with the 𝐀 grade and tell the NDS.\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.signal).toBeNull();
    const report = JSON.parse(run.stdout) as { files: Array<{ findings: Array<{ ruleId: string; line: number; column: number; message: string }> }> };
    const findings = report.files[0]!.findings;
    expect(findings.filter((f) => f.ruleId === 'undefined-acronyms').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '3:54 "NDS" is never spelled out',
    ]);
  });

  it('still reports a unit-like or brand-like acronym where it is not one', async () => {
    expect(
      await acronymFindings('# Plan\n\nOur KM team will publish 20 APIs this year.\n\nThe ICS will fund it.\n'),
    ).toEqual(['3:5 "KM" is never spelled out', '3:29 "API" is never spelled out', '5:5 "ICS" is never spelled out']);
  });

  it('does not take a long form that comes after the acronym, or from lower-case words', async () => {
    expect(
      await acronymFindings('# Plan\n\nThe NDS will grow.\n\nThe Northshire Digital Service started in 2020. Every electronic patient record moves to an EPR.\n'),
    ).toEqual(['3:5 "NDS" is used before it is spelled out', '5:93 "EPR" is never spelled out']);
  });
});

// Blind test eight (R8-10): acronyms in mixed case ("LoRaWAN", "IoT") were not seen, and one with
// a hyphen ("C-V2X", "SD-WAN") was read as its last part, or as two. In our own words.
describe('undefined-acronyms in mixed case and with a hyphen', () => {
  it('reports an acronym in mixed case, an "as a service" and one with a hyphen, whole', async () => {
    expect(
      await acronymFindings('# Plan\n\nWe will buy SaaS tools and connect the depots over SD-WAN.\n\nThe DfE and the NbS team will lead the pilot.\n'),
    ).toEqual(['3:13 "SaaS" is never spelled out', '3:52 "SD-WAN" is never spelled out', '5:5 "DfE" is never spelled out', '5:17 "NbS" is never spelled out']);
  });

  it('takes them as explained as any other, and leaves names in camel case and words with a hyphen alone', async () => {
    expect(
      await acronymFindings(
        '# Plan\n\nThe Department for Education (DfE) funds it. We will move to software as a service (SaaS) and a software-defined wide area network (SD-WAN).\n\nThe DfE, SaaS and SD-WAN are on GitHub, use DevOps and FedRAMP, and were built after COVID-19 at No10 and UK-wide.\n',
      ),
    ).toEqual([]);
  });
});
