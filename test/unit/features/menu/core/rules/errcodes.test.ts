import * as assert from 'node:assert/strict';

import { formatMessage } from '../../../../../../src/common/localize';
import { MENU_ERRCODES } from '../../../../../../src/features/menu/core/rules/errcodes';
import { BYTE_LIMITS } from '../../../../../../src/features/menu/core/rules/limits';
import { WeChatApiError } from '../../../../../../src/wechat/apiErrors';
import { ErrcodeCatalog } from '../../../../../../src/wechat/errcodeCatalog';
import { GENERAL_ERRCODES } from '../../../../../../src/wechat/errcodes';

const catalog = new ErrcodeCatalog(GENERAL_ERRCODES, MENU_ERRCODES);

describe('menu rules: errcodes', () => {
  const documented = [
    ...Array.from({ length: 13 }, (_, i) => 40015 + i),
    40054,
    40055,
    40155,
    45064,
    46002,
    46003,
    47001,
    ...Array.from({ length: 20 }, (_, i) => 65301 + i),
  ];

  it('explains every menu errcode in wechat-api.md, needing the user for each', () => {
    for (const code of documented) {
      const entry = MENU_ERRCODES[code];
      assert.ok(entry, String(code));
      assert.ok(entry.meaning.length > 0 && entry.fix.length > 0);
      assert.equal(entry.reaction, 'report');
      const placeholders = new Set(entry.fix.match(/\{\d+\}/g) ?? []);
      assert.equal(placeholders.size, entry.fixArgs?.length ?? 0, `${code}: one fixArg per placeholder`);
    }
  });

  it('takes the limits in fix texts from the rules files', () => {
    const fix = (code: number): string => {
      const entry = MENU_ERRCODES[code];
      return entry ? formatMessage(entry.fix, ...(entry.fixArgs ?? [])) : '';
    };
    assert.match(fix(40018), /between 1 and 16 bytes/);
    assert.match(fix(40025), /between 1 and 60 bytes/);
    assert.match(fix(40016), /Use 1 to 3 top-level buttons/);
    assert.match(fix(65316), /no more than 3 registrable domains/);
  });

  it('explains 45064 (mini program not linked), which local checks cannot catch', () => {
    const error = new WeChatApiError(45064, 'no permission for this msgtype rid: 1-2-3', '/cgi-bin/menu/create', catalog.lookup(45064));
    assert.match(error.fix(), /Link the mini program to the official account/);
  });

  it('holds no general errcodes (those belong to src/wechat/errcodes.ts)', () => {
    assert.equal(MENU_ERRCODES[40001], undefined);
  });

  it('plugs into the general errcode lookup once registered, limits filled into the fix', () => {
    assert.equal(catalog.lookup(40018), MENU_ERRCODES[40018]);
    assert.equal(catalog.lookup(40018)?.reaction, 'report');
    assert.notEqual(catalog.lookup(40001), MENU_ERRCODES[40001]);
    const error = new WeChatApiError(40018, 'invalid button name size hint: [x] rid: 1-2-3', '/cgi-bin/menu/create', catalog.lookup(40018));
    assert.equal(
      error.fix(),
      `Keep top-level names between 1 and ${BYTE_LIMITS.name.top.maxBytes} bytes (a Chinese character is 3 bytes).`,
    );
    const seen: string[] = [];
    error.fix((message, ...args) => {
      seen.push(message, ...args.map(String));
      return message;
    });
    assert.deepEqual(seen, ['Keep top-level names between 1 and {0} bytes (a Chinese character is 3 bytes).', '16']);
  });
});
