// --timeout and --max-memory hold in every mode (issue 15, items 4, 6, 7, 8): with one document,
// one job, standard input or a pool, a document that hangs or exhausts memory becomes that
// document's error, one line, exit 2, never a hang or a V8 crash (exit 134). Through the real
// command line; the spawn's own time limit only turns a hang into a failure.
import { describe, expect, it } from 'vitest';
import AdmZip from 'adm-zip';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, tempDir } from './helpers.js';

const dir = tempDir('stratlint-everywhere-');
const HANG = 240_000;
const DOC = '# Plan\n\nResidents told us they need shorter waits, so we will cut them to five days by 2026.\n';

function run(args: string[], input?: string): { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input, encoding: 'utf8', timeout: HANG, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function plugin(name: string, check: string, head = ''): string {
  writeFileSync(
    join(dir, `${name}.js`),
    `${head}export default { rules: { ${name}: { meta: { sign: 'vague', severity: 'warning', description: 'd', fix: 'f', options: {} }, check() { ${check} } } } };\n`,
  );
  const config = join(dir, `${name}.stratlintrc.yml`);
  writeFileSync(config, `plugins: [./${name}.js]\n`);
  return config;
}

writeFileSync(join(dir, 'a.md'), DOC);
writeFileSync(join(dir, 'b.md'), DOC);

/** The one-line errors stratlint printed for documents, as "path: message". */
function fileErrors(stdout: string): Array<{ path: string; code: string }> {
  const report = JSON.parse(stdout) as { files: Array<{ path: string; errors: Array<{ code: string }> }> };
  return report.files.flatMap((f) => f.errors.map((e) => ({ path: f.path, code: e.code })));
}

function expectNoCrash(out: { code: number | null; signal: NodeJS.Signals | null; stderr: string }): void {
  expect(out.signal).toBe(null);
  expect(out.code).toBe(2);
  expect(out.stderr).not.toMatch(/FATAL ERROR|heap out of memory|^\s+at /m);
}

describe('a plugin rule that never returns', { timeout: HANG + 30_000 }, () => {
  const loop = plugin('loop', 'for (;;) {}');

  it('one document, --timeout 5: a timeout error for that document', () => {
    const out = run(['a.md', '-c', loop, '--timeout', '5', '-f', 'json']);
    expectNoCrash(out);
    expect(fileErrors(out.stdout)).toEqual([{ path: 'a.md', code: 'timeout' }]);
    expect(out.stderr).toContain('stratlint: a.md: Gave up on the file after 5 s (raise the limit with --timeout)');
  });

  it('two documents with --jobs 1, and with --jobs 2 (the warm-up runs no user rule)', () => {
    for (const jobs of ['1', '2']) {
      const out = run(['a.md', 'b.md', '-c', loop, '--timeout', '5', '--jobs', jobs, '-f', 'json']);
      expectNoCrash(out);
      expect(out.stderr).not.toContain('could not start a worker');
      expect(fileErrors(out.stdout)).toEqual([
        { path: 'a.md', code: 'timeout' },
        { path: 'b.md', code: 'timeout' },
      ]);
    }
  });

  it('standard input', () => {
    const out = run(['--stdin', '--stdin-filename', 'draft.md', '-c', loop, '--timeout', '5', '-f', 'json'], DOC);
    expectNoCrash(out);
    expect(fileErrors(out.stdout)).toEqual([{ path: 'draft.md', code: 'timeout' }]);
  });
});

describe('a plugin module that hangs or fills memory as it is loaded', { timeout: HANG + 30_000 }, () => {
  const configError = (config: string, name: string, why: string) => `stratlint: config error: ${config}: cannot load plugin "./${name}.js": ${why}\n`;

  it('stops the run with one line naming the plugin, exit 2, under --timeout', () => {
    const loop = plugin('loadloop', '', 'for (;;) {}\n');
    for (const jobs of ['1', '2']) {
      const out = run(['a.md', 'b.md', '-c', loop, '--timeout', '3', '--jobs', jobs]);
      expectNoCrash(out);
      expect(out.stderr).toBe(configError(loop, 'loadloop', 'it did not finish loading within 3 s (raise the limit with --timeout)'));
      expect(out.stdout).toBe('');
    }
  });

  it('does the same for a received folder’s config under --trust-config', () => {
    const client = join(dir, 'client');
    mkdirSync(client, { recursive: true });
    writeFileSync(join(client, 'plan.md'), DOC);
    writeFileSync(join(client, 'tool.js'), 'for (;;) {}\nexport default { rules: {} };\n');
    writeFileSync(join(client, '.stratlintrc.yml'), 'plugins: [./tool.js]\n');
    const out = run(['client', '--trust-config', '--timeout', '3']);
    expectNoCrash(out);
    expect(out.stderr).toBe(configError(join(client, '.stratlintrc.yml'), 'tool', 'it did not finish loading within 3 s (raise the limit with --timeout)'));
  });

  it('ends a module whose top-level await never settles, and one that fills --max-memory', () => {
    const waits = plugin('loadwait', '', 'await new Promise(() => {});\n');
    const out = run(['a.md', '-c', waits]);
    expectNoCrash(out);
    expect(out.stderr).toBe(configError(waits, 'loadwait', 'it never finished loading (its top-level code waits for ever)'));

    const fills = plugin('loadfill', '', "const kept = []; for (;;) kept.push('x'.repeat(1e6) + Math.random());\n");
    const full = run(['a.md', '-c', fills, '--max-memory', '64']);
    expectNoCrash(full);
    expect(full.stderr).toBe(configError(fills, 'loadfill', 'loading it needed more than 64 MB of memory (raise the limit with --max-memory)'));
  });
});

describe('a plugin rule that allocates without end', { timeout: HANG + 30_000 }, () => {
  const alloc = plugin('alloc', 'const kept = []; for (;;) kept.push({ filler: new Array(1000).fill(1) });');

  it('ends as out-of-memory for that document, not a crash dump', () => {
    const out = run(['a.md', '-c', alloc, '--max-memory', '200', '-f', 'json']);
    expectNoCrash(out);
    expect(fileErrors(out.stdout)).toEqual([{ path: 'a.md', code: 'out-of-memory' }]);
    expect(out.stderr).toContain('stratlint: a.md: Linting the file needed more than 200 MB of memory (raise the limit with --max-memory)');
  });
});

describe('the worker warm-up', { timeout: HANG + 30_000 }, () => {
  it('runs no user rule: each document is checked once, and nothing else', () => {
    const log = join(dir, 'checks.log');
    writeFileSync(log, '');
    const count = plugin('count', `appendFileSync(${JSON.stringify(log)}, 'x');`, "import { appendFileSync } from 'node:fs';\n");
    const out = run(['a.md', 'b.md', '-c', count, '--jobs', '2', '-f', 'json']);
    expect(out.signal).toBe(null);
    expect(out.code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('xx');
  });
});

describe('large documents', { timeout: HANG + 30_000 }, () => {
  it('a 10 MB .docx holding 60 MB of text ends with an error for it, under the limits', () => {
    // Words drawn from a small vocabulary by a seeded generator, with sentences that repeat:
    // text that compresses about 6:1, as a long real document might.
    let x = 2463534242;
    const next = () => {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      return x;
    };
    const vocabulary = Array.from({ length: 300 }, () => Array.from({ length: 3 + (next() % 8) }, () => String.fromCharCode(97 + (next() % 26))).join(''));
    const pool = Array.from({ length: 40 }, (_, i) => `Residents told us in survey ${i} that the council will answer calls within two minutes and publish the results every quarter.`);
    const paragraphs: string[] = [];
    for (let size = 0; size < 60e6; ) {
      const words = Array.from({ length: 25 }, () => vocabulary[next() % vocabulary.length]).join(' ');
      const text = `${words}. ${pool[next() % pool.length]}`;
      paragraphs.push(`<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`);
      size += text.length;
    }
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const zip = new AdmZip(readFileSync(join(ROOT, 'fixtures', 'docx', 'riverside-pandoc.docx')));
    zip.updateFile('word/document.xml', Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${paragraphs.join('')}</w:body></w:document>`));
    writeFileSync(join(dir, 'huge.docx'), zip.toBuffer());

    const out = run(['huge.docx', '--max-file-size', '20', '--timeout', '10', '--max-memory', '1024', '-f', 'json']);
    expectNoCrash(out);
    const errors = fileErrors(out.stdout);
    expect(errors).toHaveLength(1);
    expect(['timeout', 'out-of-memory']).toContain(errors[0]!.code);
  });

  it('the HTML report for a document with 120,000 findings shows the first 1,000 and says how many are left out', () => {
    // Distinct commitments: the same sentence repeated is one commitment, stated again.
    const lines = Array.from({ length: 17_200 }, (_, i) => `In ward ${i} we will use blockchain and AI for synergy and toil in the metaverse by 2040.\n\n`);
    writeFileSync(join(dir, 'findings.md'), `# Plan\n\n${lines.join('')}`);
    const out = run(['findings.md', '-f', 'html', '-o', 'report.html']);
    expect(out.signal).toBe(null);
    expect(out.code).toBe(1);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const total = Number(/(\d+) warnings/.exec(html)?.[1]) + Number(/(\d+) errors?/.exec(html)?.[1]);
    expect(total).toBeGreaterThan(120_000);
    expect(html).toContain(`<p class="left-out">${total - 1000} more findings, after the first 1000, are not shown here; <code>stratlint --format json</code> lists them all.</p>`);
    expect(html.match(/<li class="finding /g)).toHaveLength(1000);
  });
});
