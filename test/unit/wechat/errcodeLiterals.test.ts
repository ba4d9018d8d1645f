// Code that treats one errcode differently reads a field of the errcode table (reaction, actions,
// blamesCallerIp, quotaExhausted) or a constant named beside a table: a bare 40164 compared in a
// feature is a rule the table does not know, which the next errcode table change misses. This
// reads every source file and finds errcode numbers (five digits) compared, or named as constants
// outside the tables.
import * as assert from 'node:assert/strict';

import { sourceFiles, sourceLinesMatching } from '../helpers/sourceScan';

/**
 * Where errcode numbers are written down: the general table, the menu rules beside their limits,
 * and the endpoint catalog (each limit with the errcode it prevents, src/wechat/catalog/).
 */
const TABLES = ['src/wechat/errcodes.ts', 'src/features/menu/core/rules/', 'src/wechat/catalog/'];

/** `=== 40164`, `40164 !==`, `case 45009:`, `.includes(45009)`. */
const COMPARED = /[!=]==?\s*-?[1-9]\d{4}\b|\b[1-9]\d{4}\s*[!=]==?|\bcase\s+-?[1-9]\d{4}\s*:|\.includes\(\s*-?[1-9]\d{4}\s*\)/;
/** `const NO_MENU_ERRCODE = 46003`. */
const NAMED = /\b\w*ERRCODE\w*\s*(?::[^=]+)?=\s*-?[1-9]\d{4}\b/;

describe('errcode numbers live in the errcode tables only', () => {
  it('no source file compares an errcode number', () => {
    assert.deepEqual(sourceLinesMatching(COMPARED), []);
  });

  it('errcode constants are named beside their table, nowhere else', () => {
    const inTable = (file: string): boolean => TABLES.some((table) => file === table || file.startsWith(table));
    assert.deepEqual(sourceLinesMatching(NAMED, inTable), []);
  });

  it('the scan sees what it looks for (it reads src/, and the tables name their constants)', () => {
    assert.ok(sourceFiles().length > 100);
    assert.ok(sourceLinesMatching(NAMED).some((line) => line.startsWith('src/features/menu/core/rules/errcodes.ts')));
  });
});
