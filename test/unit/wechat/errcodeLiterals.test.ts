// Code that treats one errcode differently reads a field of the errcode table (reaction, actions,
// blamesCallerIp, quotaExhausted) or a constant named beside a table: a bare 40164 compared in a
// feature is a rule the table does not know, which the next errcode table change misses. This
// reads every source file and finds errcode numbers (five digits) compared, or named as constants
// outside the tables.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');
const src = join(root, 'src');

/** Where errcode numbers are written down: the general table and the menu rules beside their limits. */
const TABLES = ['src/wechat/errcodes.ts', 'src/features/menu/core/rules/'];

/** `=== 40164`, `40164 !==`, `case 45009:`, `.includes(45009)`. */
const COMPARED = /[!=]==?\s*-?[1-9]\d{4}\b|\b[1-9]\d{4}\s*[!=]==?|\bcase\s+-?[1-9]\d{4}\s*:|\.includes\(\s*-?[1-9]\d{4}\s*\)/;
/** `const NO_MENU_ERRCODE = 46003`. */
const NAMED = /\b\w*ERRCODE\w*\s*(?::[^=]+)?=\s*-?[1-9]\d{4}\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `file:line: text` of each line of code (comments left out) that matches. */
function findings(pattern: RegExp, skip: (file: string) => boolean): string[] {
  const found: string[] = [];
  for (const path of sourceFiles(src)) {
    const file = relative(root, path).split(sep).join('/');
    if (skip(file)) continue;
    readFileSync(path, 'utf8').split('\n').forEach((line, index) => {
      const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
      if (pattern.test(code)) found.push(`${file}:${index + 1}: ${line.trim()}`);
    });
  }
  return found;
}

describe('errcode numbers live in the errcode tables only', () => {
  it('no source file compares an errcode number', () => {
    assert.deepEqual(findings(COMPARED, () => false), []);
  });

  it('errcode constants are named beside their table, nowhere else', () => {
    const inTable = (file: string): boolean => TABLES.some((table) => file === table || file.startsWith(table));
    assert.deepEqual(findings(NAMED, inTable), []);
  });

  it('the scan sees what it looks for (it reads src/, and the tables name their constants)', () => {
    assert.ok(sourceFiles(src).length > 100);
    assert.ok(findings(NAMED, () => false).some((line) => line.startsWith('src/features/menu/core/rules/errcodes.ts')));
  });
});
