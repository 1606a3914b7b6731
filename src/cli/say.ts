// stratlint's own lines on standard error. What in them came from a document or a file name
// (a path, a config's text) is shown, not obeyed by the terminal.

import { escapeControls } from '../reporters/control.js';

export function say(io: { stderr: NodeJS.WritableStream }, message: string): void {
  io.stderr.write(`stratlint: ${escapeControls(message)}\n`);
}
