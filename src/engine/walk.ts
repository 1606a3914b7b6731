// Searching a folder for documents, and what a symbolic link found on the way may lead to.
//
// A received folder can hold links that lead out of it: `plan.md` → `~/.ssh/id_rsa`, `archive`
// → `/`. Following them would read files the sender chose from the linting machine into a
// report (the HTML report shows the text, copied-text quotes it) and can walk the whole disk.
// So, as ripgrep does without --follow (and ESLint 9 and Prettier 3 do for linked folders), a
// link found while searching is followed only when its target lies inside the folder searched,
// and never into a folder: a linked folder inside is searched where it really is, so nothing is
// lost and no loop of links can be walked. A link named on the command line is always honoured.

import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/** A link found while searching that leads outside the folder searched, so was not followed. */
export interface OutsideLink {
  /** The link, absolute. */
  path: string;
  /** Where it leads (its real path), absolute. */
  target: string;
}

export interface Walk {
  /** Absolute paths of the files wanted, in no particular order. */
  files: string[];
  outside: OutsideLink[];
}

// Never documents: packages, version control, and the lock file ("~$name.docx") Word keeps
// beside a document while it is open.
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const isLockFile = (name: string): boolean => name.startsWith('~$');

/**
 * The regular files under `root` (and links to files inside it) whose path relative to `root`,
 * with forward slashes, `wanted` accepts, searching only the folders `enter` accepts (by the
 * same relative path). Unreadable folders are passed by, as are FIFOs, sockets and devices.
 */
export function walkFolder(root: string, wanted: (relPath: string) => boolean, enter: (relPath: string) => boolean = () => true): Walk {
  const files: string[] = [];
  const outside: OutsideLink[] = [];
  const rootReal = realpathSync(root);
  const folders = [root];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (isLockFile(entry.name)) continue;
      const path = join(folder, entry.name);
      const rel = relative(root, path).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && enter(rel)) folders.push(path);
      } else if (entry.isFile()) {
        if (wanted(rel)) files.push(path);
      } else if (entry.isSymbolicLink()) {
        const target = linkTarget(path);
        if (!target) continue; // dangling, or a loop of links: nothing to read
        // Only a link that would have been searched or linted is worth a word.
        const followed = target.isDirectory ? !SKIPPED_FOLDERS.has(entry.name) && enter(rel) : wanted(rel);
        if (!followed) continue;
        if (!isInside(target.real, rootReal)) outside.push({ path, target: target.real });
        else if (!target.isDirectory) files.push(path);
      }
    }
  }
  return { files, outside };
}

function linkTarget(path: string): { real: string; isDirectory: boolean } | null {
  try {
    const real = realpathSync(path);
    return { real, isDirectory: statSync(real).isDirectory() };
  } catch {
    return null;
  }
}

/** Whether `path` is `folder` or lies beneath it (both real paths). */
function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
