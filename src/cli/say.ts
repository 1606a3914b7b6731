// stratlint's own lines on standard error. What in them came from a document or a file name
// (a path, a config's text) is shown, not obeyed by the terminal.

import { escapeControls } from '../reporters/control.js';

export function say(io: { stderr: NodeJS.WritableStream }, message: string): void {
  io.stderr.write(`stratlint: ${escapeControls(message)}\n`);
}

// Commander ends a message on an unknown option with its guess on a line of its own.
const SUGGESTION = /\\x0a(\(Did you mean [^\\]*\?\))$/;

/**
 * A message of commander's (an unknown option, a bad argument), which quotes what was typed,
 * escaped as `say` escapes: only commander's own line breaks are kept.
 */
export function escapeCommanderMessage(message: string): string {
  const body = message.endsWith('\n') ? message.slice(0, -1) : message;
  return `${escapeControls(body).replace(SUGGESTION, '\n$1')}\n`;
}
