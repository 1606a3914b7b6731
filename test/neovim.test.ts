// Neovim's built-in LSP client against `stratlint lsp`: a real editor, headless, reads back the
// diagnostics for a fixture. Neovim keeps columns in bytes and converts from LSP's UTF-16
// itself, so the title's en dash checks that the server counts as LSP says.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, stratlint, tempDir } from './helpers.js';

describe('stratlint lsp in Neovim', { timeout: 180_000 }, () => {
  it('gives Neovim the diagnostics the command line reports, in the same places', () => {
    const dir = tempDir('stratlint-nvim-');
    const doc = join(dir, 'vision.md');
    copyFileSync(join(ROOT, 'fixtures', 'strategies', 'northshire-ten-year-vision.md'), doc);
    const out = join(dir, 'diagnostics.tsv');
    const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${join(ROOT, 'test', 'support', 'neovim-diagnostics.lua')}`], {
      cwd: dir,
      env: { ...process.env, STRATLINT_NODE: process.execPath, STRATLINT_BIN: BIN, STRATLINT_DOC: doc, STRATLINT_OUT: out },
      encoding: 'utf8',
      timeout: 150_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    const got = readFileSync(out, 'utf8').trim().split('\n').sort();

    const lines = readFileSync(doc, 'utf8').split('\n');
    const bytes = (line: number, column: number) => Buffer.byteLength(lines[line - 1]!.slice(0, column - 1), 'utf8');
    const findings = JSON.parse(stratlint(['vision.md', '--format', 'json'], { cwd: dir }).stdout).files[0].findings;
    const expected = findings
      .map(
        (f: { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number }) =>
          `${f.ruleId}\t${f.line - 1}\t${bytes(f.line, f.column)}\t${f.endLine - 1}\t${bytes(f.endLine, f.endColumn)}\t${f.severity === 'error' ? 1 : 2}\tstratlint`,
      )
      .sort();
    expect(expected.length).toBeGreaterThan(20);
    expect(got).toEqual(expected);
    // The title, with its en dash (three bytes, one UTF-16 unit), is covered to its end.
    expect(got).toContain(`no-users\t6\t0\t6\t${Buffer.byteLength(lines[6]!, 'utf8')}\t1\tstratlint`);
  });
});
