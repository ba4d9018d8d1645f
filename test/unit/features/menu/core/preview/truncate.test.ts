import * as assert from 'node:assert/strict';

import { displayWidth, ELLIPSIS, truncateForClient, VISIBLE_WIDTH } from '../../../../../../src/features/menu/core/preview/truncate';

describe('displayWidth', () => {
  it('counts ASCII as 1 and Chinese as 2', () => {
    assert.equal(displayWidth(''), 0);
    assert.equal(displayWidth('Menu'), 4);
    assert.equal(displayWidth('今日歌曲'), 8);
    assert.equal(displayWidth('VIP会员'), 7);
  });

  it('counts full-width forms, kana and Hangul as 2', () => {
    assert.equal(displayWidth('ＡＢ'), 4);
    assert.equal(displayWidth('（）'), 4);
    assert.equal(displayWidth('カナ'), 4);
    assert.equal(displayWidth('한국'), 4);
  });

  it('counts an emoji as 2, however many code points it has', () => {
    assert.equal(displayWidth('😀'), 2);
    assert.equal(displayWidth('👨‍👩‍👧'), 2); // ZWJ family
    assert.equal(displayWidth('🇨🇳'), 2); // flag
    assert.equal(displayWidth('👍🏽'), 2); // skin tone
    assert.equal(displayWidth('❤️'), 2); // text symbol forced to emoji by VS16
    assert.equal(displayWidth('1️⃣'), 2); // keycap
  });

  it('counts text-presentation symbols and combining accents as narrow', () => {
    assert.equal(displayWidth('©'), 1);
    assert.equal(displayWidth('e\u0301'), 1);
    assert.equal(displayWidth('a\u200Bb'), 2); // zero-width space
  });
});

describe('truncateForClient', () => {
  const untouched = (text: string) => ({ text, truncated: false });

  it('uses 4 Chinese characters (8 columns) on top and 8 (16 columns) in sub-menus', () => {
    assert.equal(VISIBLE_WIDTH.top, 8);
    assert.equal(VISIBLE_WIDTH.sub, 16);
  });

  describe('top level', () => {
    it('keeps ASCII names up to 8 characters and cuts the 9th', () => {
      assert.deepEqual(truncateForClient('abcdefgh', 'top'), untouched('abcdefgh'));
      assert.deepEqual(truncateForClient('abcdefghi', 'top'), { text: `abcdefgh${ELLIPSIS}`, truncated: true });
    });

    it('keeps 4 Chinese characters and cuts the 5th', () => {
      assert.deepEqual(truncateForClient('今日歌曲', 'top'), untouched('今日歌曲'));
      assert.deepEqual(truncateForClient('今日热门歌曲', 'top'), { text: `今日热门${ELLIPSIS}`, truncated: true });
    });

    it('drops a wide character that would straddle the limit', () => {
      // 7 columns of ASCII leave one column: the Chinese character does not fit.
      assert.deepEqual(truncateForClient('abcdefg菜', 'top'), { text: `abcdefg${ELLIPSIS}`, truncated: true });
      assert.deepEqual(truncateForClient('abcdef菜', 'top'), untouched('abcdef菜'));
    });

    it('handles mixed names at the boundary', () => {
      assert.deepEqual(truncateForClient('VIP会员', 'top'), untouched('VIP会员')); // 7
      assert.deepEqual(truncateForClient('VIP会员卡', 'top'), { text: `VIP会员${ELLIPSIS}`, truncated: true }); // 9
      assert.deepEqual(truncateForClient('VIP 会员', 'top'), untouched('VIP 会员')); // 8
    });

    it('counts emoji as wide and never splits one', () => {
      assert.deepEqual(truncateForClient('😀会员中心', 'top'), { text: `😀会员中${ELLIPSIS}`, truncated: true });
      assert.deepEqual(truncateForClient('😀会员中', 'top'), untouched('😀会员中'));
      assert.deepEqual(truncateForClient('abcdefg👨‍👩‍👧', 'top'), { text: `abcdefg${ELLIPSIS}`, truncated: true });
      assert.deepEqual(truncateForClient('🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳', 'top'), { text: `🇨🇳🇨🇳🇨🇳🇨🇳${ELLIPSIS}`, truncated: true });
    });

    it('trims a space left before the ellipsis', () => {
      assert.deepEqual(truncateForClient('abcdefg hijk', 'top'), { text: `abcdefg${ELLIPSIS}`, truncated: true });
    });

    it('leaves empty names alone', () => {
      assert.deepEqual(truncateForClient('', 'top'), untouched(''));
    });
  });

  describe('sub-menu', () => {
    it('keeps 16 ASCII characters and cuts the 17th', () => {
      assert.deepEqual(truncateForClient('a'.repeat(16), 'sub'), untouched('a'.repeat(16)));
      assert.deepEqual(truncateForClient('a'.repeat(17), 'sub'), { text: `${'a'.repeat(16)}${ELLIPSIS}`, truncated: true });
    });

    it('keeps 8 Chinese characters and cuts the 9th', () => {
      assert.deepEqual(truncateForClient('菜'.repeat(8), 'sub'), untouched('菜'.repeat(8)));
      assert.deepEqual(truncateForClient('菜'.repeat(9), 'sub'), { text: `${'菜'.repeat(8)}${ELLIPSIS}`, truncated: true });
    });

    it('a name that is cut on top fits in a sub-menu', () => {
      assert.deepEqual(truncateForClient('今日热门歌曲', 'sub'), untouched('今日热门歌曲'));
    });

    it('handles mixed ASCII, Chinese and emoji at the boundary', () => {
      assert.deepEqual(truncateForClient('😀 Help 帮助中心', 'sub'), untouched('😀 Help 帮助中心')); // 2+1+4+1+8 = 16
      assert.deepEqual(truncateForClient('😀 Help 帮助中心!', 'sub'), { text: `😀 Help 帮助中心${ELLIPSIS}`, truncated: true });
    });
  });
});
