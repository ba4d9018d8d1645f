// The repository's root, found from the compiled test's folder (out/test/unit/…) by its package.json,
// so a test reads l10n/, package.json or src/ wherever it sits in the mirror of src/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'l10n'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json with l10n/ above ${from}`);
  }
}

export const repoRoot = findRoot(__dirname);
