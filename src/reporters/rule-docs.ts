// Where a rule's documentation is, for a report or an editor to link to.

import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Built-in rules have their docs at rules/<id>.md in the package; a plugin rule may give a web
 * address. A YAML rule's docs are a file on the machine that ran stratlint: a link for a reader
 * on that machine (`localFiles`, as in an editor), of no use to a reader elsewhere (SARIF).
 */
export function ruleDocsUri(rule: { id: string; docs?: string }, docsBaseUri: string, localFiles = false): string | undefined {
  const { id, docs } = rule;
  if (docs === undefined || docs === `rules/${id}.md`) return new URL(`rules/${id}.md`, docsBaseUri).href;
  if (/^https?:\/\//.test(docs)) return docs;
  return localFiles && isAbsolute(docs) ? pathToFileURL(docs).href : undefined;
}
