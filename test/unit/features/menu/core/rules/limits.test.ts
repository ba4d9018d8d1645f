import * as assert from 'node:assert/strict';

import { BUTTON_COUNT, BYTE_LIMITS, utf8ByteLength } from '../../../../../../src/features/menu/core/rules/limits';

describe('menu rules: limits', () => {
  it('holds the documented limits', () => {
    assert.deepEqual(BUTTON_COUNT, { top: { min: 1, max: 3, errcode: 40016 }, sub: { min: 1, max: 5, errcode: 40023 } });
    assert.deepEqual(
      Object.fromEntries(Object.entries(BYTE_LIMITS).map(([f, l]) => [f, [l.top.maxBytes, l.sub.maxBytes, l.top.errcode, l.sub.errcode]])),
      { name: [16, 60, 40018, 40025], key: [128, 128, 40019, 40026], url: [1024, 1024, 40020, 40027] },
    );
  });

  describe('utf8ByteLength', () => {
    const cases: [string, number][] = [
      ['', 0],
      ['abc', 3],
      ['菜单', 6],
      ['😀', 4],
      ['😀菜单菜单', 16],
      ['é', 2],
      ['a b', 3],
    ];
    for (const [s, n] of cases) {
      it(`${JSON.stringify(s)} is ${n} bytes`, () => assert.equal(utf8ByteLength(s), n));
    }
  });
});
