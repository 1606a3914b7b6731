// Bulk runs through the real binary: several jobs give the same report as one, a hostile
// document costs only its own result, and passages copied between documents are found.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { autoJobs, DOCUMENTS_PER_WORKER, FEW_CORES_POOL_DOCUMENTS } from '../dist/src/engine/bulk.js';
import { writeCorpus } from '../scripts/lib/strategy-corpus.js';
import { ROOT, stratlint, tempDir } from './helpers.js';

const json = (stdout: string) => JSON.parse(stdout) as { files: any[]; summary: any };
const copied = (file: any) => file.findings.filter((f: any) => f.ruleId === 'copied-text');

// Each test spawns the binary several times; on a busy machine that takes a while.
const SLOW = { timeout: 180_000 };

describe('several jobs', SLOW, () => {
  const dir = tempDir('stratlint-jobs-');
  writeCorpus(dir, { documents: 12, words: 500, broken: true });
  copyFileSync(join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md'), join(dir, 'northshire.md'));
  copyFileSync(join(ROOT, 'fixtures/strategies/riverside-council-digital-strategy.md'), join(dir, 'riverside.md'));

  for (const format of ['json', 'stylish', 'csv']) {
    it(`gives byte for byte the ${format} report of one job`, () => {
      const one = stratlint(['.', '--format', format, '--jobs', '1'], { cwd: dir });
      const two = stratlint(['.', '--format', format, '--jobs', '2'], { cwd: dir });
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
      expect(two.code).toBe(one.code);
      expect(one.code).toBe(2);
    });
  }

  it('without --jobs, starts a worker per DOCUMENTS_PER_WORKER documents, up to the cores', () => {
    // A few documents, as in CI, are linted in one thread: workers would cost more to start.
    expect(autoJobs(1, 8)).toBe(1);
    expect(autoJobs(DOCUMENTS_PER_WORKER * 2 - 1, 8)).toBe(1);
    expect(autoJobs(DOCUMENTS_PER_WORKER * 2, 8)).toBe(2);
    expect(autoJobs(DOCUMENTS_PER_WORKER * 5, 8)).toBe(5);
    expect(autoJobs(DOCUMENTS_PER_WORKER * 100, 8)).toBe(8);
    expect(autoJobs(DOCUMENTS_PER_WORKER * 100, 1)).toBe(1);
  });

  it('without --jobs, on two cores, lints a shard-sized run in one thread', () => {
    // Two workers there cost 20-40% more CPU and save under a tenth of the time below it.
    expect(autoJobs(200, 2)).toBe(1);
    expect(autoJobs(FEW_CORES_POOL_DOCUMENTS - 1, 2)).toBe(1);
    expect(autoJobs(FEW_CORES_POOL_DOCUMENTS, 2)).toBe(2);
    expect(autoJobs(200, 4)).toBe(4);
  });

  it('rejects a --jobs that is not a whole number', () => {
    const r = stratlint(['.', '--jobs', '0'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"0" is not a whole number of 1 or more');
  });
});

describe('a hostile document', SLOW, () => {
  // A plugin rule that hangs, eats memory or ends its thread when a document says so.
  const TRAP = `export default { rules: { trap: {
  meta: { id: 'trap', sign: 'vague', description: 'Misbehaves on cue', severity: 'warning', fix: 'None.', options: {} },
  check({ doc }) {
    if (doc.text.includes('HANG-HERE')) for (;;) {}
    if (doc.text.includes('EAT-MEMORY')) { const hoard = []; for (;;) hoard.push(new Array(1e5).fill(hoard.length)); }
    if (doc.text.includes('EXIT-HERE')) process.exit(3);
  },
} } };
`;

  it('is that document’s error; the others are linted and the run goes on', () => {
    const dir = tempDir('stratlint-hostile-');
    writeFileSync(join(dir, 'trap.js'), TRAP);
    writeFileSync(join(dir, '.stratlintrc.yml'), 'plugins: ["./trap.js"]\nrules:\n  trap/trap: warn\n');
    writeCorpus(dir, { documents: 4, words: 300 });
    writeFileSync(join(dir, 'hang.md'), '# Plan\n\nHANG-HERE: residents told us.\n');
    writeFileSync(join(dir, 'memory.md'), '# Plan\n\nEAT-MEMORY: residents told us.\n');
    writeFileSync(join(dir, 'exit.md'), '# Plan\n\nEXIT-HERE: residents told us.\n');

    const r = stratlint(['.', '--jobs', '2', '--timeout', '10', '--max-memory', '64', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    const byPath = Object.fromEntries(json(r.stdout).files.map((f) => [f.path, f]));
    expect(byPath['hang.md'].errors).toEqual([{ code: 'timeout', message: 'Gave up on the file after 10 s (raise the limit with --timeout)' }]);
    expect(byPath['memory.md'].errors).toEqual([
      { code: 'out-of-memory', message: 'Linting the file needed more than 64 MB of memory (raise the limit with --max-memory)' },
    ]);
    expect(byPath['exit.md'].errors).toEqual([{ code: 'worker-failed', message: 'Linting the file stopped its worker (exit code 3)' }]);
    for (const name of ['doc-001.md', 'doc-002.md', 'doc-003.md', 'doc-004.md']) {
      expect(byPath[name].errors).toEqual([]);
      expect(byPath[name].scorecard.score).toBeGreaterThan(0);
    }
    expect(r.stderr.trim().split('\n').sort()).toEqual([
      'stratlint: exit.md: Linting the file stopped its worker (exit code 3)',
      'stratlint: hang.md: Gave up on the file after 10 s (raise the limit with --timeout)',
      'stratlint: memory.md: Linting the file needed more than 64 MB of memory (raise the limit with --max-memory)',
    ]);
  });
});

const SHARED = (org: string) =>
  `Digital is not about technology; it is about people. At ${org} we will put the needs of the people we serve at the heart of everything we do, working in the open and designing with users rather than for them. Every pound we spend on technology must deliver value that people can see and feel in their daily lives.`;

const ALPHA = `# Alpha Trust digital strategy

Patients told us that booking an appointment takes too long.

## How we will work

${SHARED('Alpha Trust')}

## Priorities

We will cut waiting times for outpatient bookings by 20% by March 2026.
`;

const BETA = `# Beta Council digital plan

Residents told us in a survey that the website is hard to use.

We asked tenants about repairs as well, and they said they want to report a repair online and track it.

## Our principles

${SHARED('Beta Council')}
`;

describe('copied text across documents', SLOW, () => {
  const project = () => {
    const dir = tempDir('stratlint-copied-');
    writeFileSync(join(dir, 'alpha.md'), ALPHA);
    writeFileSync(join(dir, 'beta.md'), BETA);
    return dir;
  };

  it('flags a shared paragraph in both documents, each with the other’s place', () => {
    const dir = project();
    for (const jobs of ['1', '2']) {
      const out = json(stratlint(['.', '--format', 'json', '--jobs', jobs], { cwd: dir }).stdout);
      const [alpha, beta] = out.files;
      expect(copied(alpha)).toEqual([
        expect.objectContaining({
          sign: 'cookie-cutter',
          severity: 'warning',
          line: 7,
          column: 1,
          message: 'This passage (57 words) is nearly word for word the same as beta.md at 9:1',
          evidence: expect.stringMatching(/^Digital is not about technology; it is about people\. At Alpha Trust we will put/),
          headingPath: ['Alpha Trust digital strategy', 'How we will work'],
        }),
      ]);
      expect(copied(beta)).toEqual([
        expect.objectContaining({ line: 9, column: 1, message: 'This passage (57 words) is nearly word for word the same as alpha.md at 7:1' }),
      ]);
      expect(beta.scorecard.signs['cookie-cutter'].verdict).toBe('some');
      expect(beta.scorecard.signs['cookie-cutter'].evidence[0]).toMatchObject({ ruleId: 'copied-text', line: 9 });
    }
  });

  it('says so in the stylish report', () => {
    const r = stratlint(['.'], { cwd: project() });
    expect(r.stdout).toMatch(/ 7:1 +warning +This passage \(57 words\) is nearly word for word the same as beta\.md at 9:1 +copied-text/);
  });

  it('compares with --compare-with templates without linting them', () => {
    const dir = tempDir('stratlint-templates-');
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'templates', 'consultancy-template.md'), `# [Organisation] digital strategy\n\n## Our approach\n\n${SHARED('[Organisation]')}\n`);
    writeFileSync(join(dir, 'alpha.md'), ALPHA);
    const r = stratlint(['alpha.md', '--compare-with', 'templates', '--format', 'json'], { cwd: dir });
    const out = json(r.stdout);
    expect(out.files.map((f) => f.path)).toEqual(['alpha.md']);
    expect(copied(out.files[0])).toEqual([
      expect.objectContaining({ line: 7, message: expect.stringMatching(/the same as templates\/consultancy-template\.md at 5:1$/) }),
    ]);
    // Alone, with nothing to compare with, the document has no copied text.
    expect(copied(json(stratlint(['alpha.md', '--format', 'json'], { cwd: dir }).stdout).files[0])).toEqual([]);
  });

  it('names the other documents that share a passage', () => {
    const dir = project();
    writeFileSync(join(dir, 'gamma.md'), BETA.replace(/Beta Council/g, 'Gamma College'));
    const alpha = json(stratlint(['.', '--format', 'json'], { cwd: dir }).stdout).files[0];
    expect(copied(alpha)[0].message).toMatch(/the same as beta\.md at 9:1 \(parts of it are also in 1 more document\)$/);
  });

  it('goes through config: severity, off, options and directives', () => {
    const dir = project();
    const error = json(stratlint(['.', '--format', 'json', '--rule', 'copied-text:error'], { cwd: dir }).stdout);
    expect(copied(error.files[0])[0].severity).toBe('error');
    const off = json(stratlint(['.', '--format', 'json', '--rule', 'copied-text:off'], { cwd: dir }).stdout);
    expect(off.files.flatMap(copied)).toEqual([]);
    writeFileSync(join(dir, '.stratlintrc.yml'), 'rules:\n  copied-text: [warn, { minWords: 80 }]\n');
    expect(json(stratlint(['.', '--format', 'json'], { cwd: dir }).stdout).files.flatMap(copied)).toEqual([]);
    writeFileSync(join(dir, '.stratlintrc.yml'), '');
    writeFileSync(join(dir, 'beta.md'), BETA.replace('\n\nDigital is not', '\n\n<!-- stratlint-disable-next-line copied-text -->\nDigital is not'));
    const out = json(stratlint(['.', '--format', 'json'], { cwd: dir }).stdout);
    expect(copied(out.files[0])).toHaveLength(1);
    expect(copied(out.files[1])).toEqual([]);
  });
});
