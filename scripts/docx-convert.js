// Converting Markdown to Word with real word processors (pandoc, LibreOffice), for the DOCX
// fixtures and for the tests that compare a document's findings across formats.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TIMEOUT = 180_000;

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { timeout: TIMEOUT, maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${String(result.stderr).trim()}`);
  return result.stdout;
}

function available(command) {
  const result = spawnSync(command, ['--version'], { timeout: 60_000 });
  return !result.error && result.status === 0 ? String(result.stdout).split('\n')[0].trim() : null;
}

/** The pandoc version line, or null when pandoc is not installed. */
export const pandocVersion = () => available('pandoc');
/** The LibreOffice version line, or null when it is not installed. */
export const libreOfficeVersion = () => available('soffice');

// Dates in the core properties are the conversion time unless this is set; fixed, so the
// fixtures can be remade without spurious differences.
const env = { ...process.env, SOURCE_DATE_EPOCH: '1709280000' };

/** pandoc: Markdown (or anything pandoc reads) to .docx. `from` is pandoc's reader name. */
export function pandoc(input, output, { from = 'markdown', args = [] } = {}) {
  run('pandoc', ['-f', from, input, '-o', output, ...args], { env });
  return output;
}

/** pandoc's own reference.docx, the styles it writes with, as bytes. */
export function pandocReferenceDocx() {
  return run('pandoc', ['--print-default-data-file', 'reference.docx']);
}

/**
 * LibreOffice Writer opens each input (.odt, .fodt, .docx, …) and saves it as .docx (or as
 * `filter` says) in `outDir` under `name(input)`.
 */
export function libreOfficeToDocx(inputs, outDir, name = (input) => `${basename(input, extname(input))}.docx`, filter = 'docx:MS Word 2007 XML') {
  return libreOfficeConvert(inputs, outDir, { filter, name });
}

/**
 * LibreOffice opens each input, read with the import filter `infilter` if given, and saves it
 * as `filter` says in `outDir` under `name(input)`. One soffice process for all inputs; a
 * private profile so it can run beside a desktop instance or another test run.
 */
export function libreOfficeConvert(inputs, outDir, { filter, infilter, name }) {
  const extension = filter.split(':')[0];
  name ??= (input) => `${basename(input, extname(input))}.${extension}`;
  const work = mkdtempSync(join(tmpdir(), 'stratlint-soffice-'));
  try {
    const out = join(work, 'out');
    mkdirSync(out);
    const args = [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--norestore'];
    if (infilter) args.push(`--infilter=${infilter}`);
    run('soffice', [...args, '--convert-to', filter, '--outdir', out, ...inputs], { env });
    return inputs.map((input) => {
      const target = join(outDir, name(input));
      renameSync(join(out, `${basename(input, extname(input))}.${extension}`), target);
      return target;
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
