// Reads the extension's own sources as text, for tests that keep a rule in one place: they find
// the lines of code (comments left out) that write down what only one file may.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import { repoRoot } from './repoRoot';

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every .ts file under `folder` (src/ by default), as a path from the repository root with forward slashes. */
export function sourceFiles(folder = 'src'): string[] {
  return tsFiles(join(repoRoot, folder)).map((path) => relative(repoRoot, path).split(sep).join('/'));
}

/** `file:line: text` of each line of code in src/ that matches `pattern`, but for the files `skip` names. */
export function sourceLinesMatching(pattern: RegExp, skip: (file: string) => boolean = () => false): string[] {
  const found: string[] = [];
  for (const file of sourceFiles()) {
    if (skip(file)) continue;
    readFileSync(join(repoRoot, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const code = line.replace(/(^|\s)\/\/.*$/, '').replace(/^\s*\/?\*.*$/, '');
        if (pattern.test(code)) found.push(`${file}:${index + 1}: ${line.trim()}`);
      });
  }
  return found;
}
