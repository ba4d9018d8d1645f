import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { problemMessage, validateMenu } from '../../../../../src/features/menu/core/validate';
import { repoRoot } from '../../../helpers/repoRoot';
import { chinese, click, menu, text } from './builders';
import { catalogue, used } from './menuTexts';

const bundlePath = join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json');
const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as Record<string, string>;
const menuEntries = (): Array<[string, string]> => [...catalogue()].map((key) => [key, bundle[key] ?? '']);

const placeholders = (s: string): string[] => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

describe('zh-cn translations of the menu texts (l10n/bundle.l10n.zh-cn.json)', () => {
  it('translate every template in the catalogues and the rules table', () => {
    const missing = [...catalogue()].filter((k) => !(k in bundle));
    assert.deepEqual(missing, []);
  });

  it('translate every template the code passes to localize', async () => {
    const missing = [...(await used())].filter((k) => !(k in bundle));
    assert.deepEqual(missing, []);
  });

  it('keep the placeholders of each English template', () => {
    for (const [en, zh] of menuEntries()) {
      assert.deepEqual(placeholders(zh), placeholders(en), en);
    }
  });

  it('are Chinese (apart from names that stay as they are)', () => {
    const same = new Set(['iOS', 'Android']);
    for (const [en, zh] of menuEntries()) {
      assert.ok(zh.trim() !== '', en);
      if (!same.has(en)) {
        assert.match(zh, /[\u4e00-\u9fff（）：]/, en);
      }
    }
  });

  it('show the byte count in the name message', () => {
    const problem = validateMenu(text(menu(click(chinese(6))))).problems[0]!;
    const message = problemMessage(problem, (m, ...a) => (bundle[m] ?? m).replace(/\{(\d+)\}/g, (_, i: string) => String(a[Number(i)])));
    assert.equal(message, '名称 18 字节，一级菜单最多 16 字节（UTF-8 编码：一个汉字占 3 字节）。');
  });
});
