import * as assert from 'node:assert/strict';
import { ErrcodeCatalog, GENERAL_ERRCODES } from '../../../../src/wechat/errcodes';
import { WeChatApiError } from '../../../../src/wechat/errors';
import { formatMessage } from '../../../../src/common/localize';
import {
  BUTTON_COUNT,
  BUTTON_FIELDS,
  BUTTON_TYPE_NAMES,
  BUTTON_TYPES,
  BYTE_LIMITS,
  MATCHRULE_FIELDS,
  MENU_ERRCODES,
  MENU_ERRCODE_TABLE,
  URL_BUTTON_TYPES,
  describeButtonField,
  explainMenuErrcode,
  isButtonType,
  registrableDomain,
  utf8ByteLength,
} from '../../../../src/menu/rules/menuRules';

describe('menu rules table', () => {
  it('holds the documented limits', () => {
    assert.deepEqual(BUTTON_COUNT, { top: { min: 1, max: 3, errcode: 40016 }, sub: { min: 1, max: 5, errcode: 40023 } });
    assert.deepEqual(
      Object.fromEntries(Object.entries(BYTE_LIMITS).map(([f, l]) => [f, [l.top.maxBytes, l.sub.maxBytes, l.top.errcode, l.sub.errcode]])),
      { name: [16, 60, 40018, 40025], key: [128, 128, 40019, 40026], url: [1024, 1024, 40020, 40027] },
    );
  });

  it('lists the fields each button type requires', () => {
    const keyTypes = ['click', 'scancode_push', 'scancode_waitmsg', 'pic_sysphoto', 'pic_photo_or_album', 'pic_weixin', 'location_select'];
    for (const t of keyTypes) {
      assert.deepEqual(BUTTON_TYPES[t as keyof typeof BUTTON_TYPES].requires, ['key'], t);
    }
    assert.deepEqual(BUTTON_TYPES.view.requires, ['url']);
    assert.deepEqual(BUTTON_TYPES.miniprogram.requires, ['url', 'appid', 'pagepath']);
    assert.deepEqual(BUTTON_TYPES.media_id.requires, ['media_id']);
    assert.deepEqual(BUTTON_TYPES.view_limited.requires, ['media_id']);
    assert.deepEqual(BUTTON_TYPES.article_id.requires, ['article_id']);
    assert.deepEqual(BUTTON_TYPES.article_view_limited.requires, ['article_id']);
    assert.deepEqual([...URL_BUTTON_TYPES], ['view', 'miniprogram']);
    for (const t of BUTTON_TYPE_NAMES) {
      for (const f of BUTTON_TYPES[t].requires) {
        assert.ok(f in BUTTON_FIELDS, `${t}.${f}`);
      }
    }
    assert.ok(isButtonType('click'));
    assert.ok(!isButtonType('news'));
  });

  it('fills limits into descriptions', () => {
    assert.match(describeButtonField('name'), /At most 16 bytes on the menu bar and 60 bytes in a sub-menu/);
    assert.match(describeButtonField('sub_button'), /1 to 5 sub-buttons/);
  });

  it('knows the match rule dependencies and the group_id rename', () => {
    assert.deepEqual(MATCHRULE_FIELDS.province.needs, { field: 'country', errcode: 65310 });
    assert.deepEqual(MATCHRULE_FIELDS.city.needs, { field: 'province', errcode: 65311 });
    assert.equal(MATCHRULE_FIELDS.group_id.renamedTo, 'tag_id');
    assert.deepEqual(MATCHRULE_FIELDS.client_platform_type.values?.map((v) => v.value), ['1', '2', '3']);
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

  describe('registrableDomain', () => {
    const cases: [string, string][] = [
      ['example.net', 'example.net'],
      ['ly.example.net', 'example.net'],
      ['r.example.net', 'example.net'],
      ['mp.weixin.qq.com', 'qq.com'],
      ['support.qq.com', 'qq.com'],
      ['a.example.com.cn', 'example.com.cn'],
      ['b.example.com.cn', 'example.com.cn'],
      ['example.com.cn', 'example.com.cn'],
      ['www.gov.cn', 'www.gov.cn'],
      ['shop.example.co.uk', 'example.co.uk'],
      ['x.y.example.com.hk', 'example.com.hk'],
      ['WWW.Example.COM.', 'example.com'],
      ['localhost', 'localhost'],
      ['192.168.1.10', '192.168.1.10'],
      ['[::1]', '[::1]'],
    ];
    for (const [host, domain] of cases) {
      it(`${host} → ${domain}`, () => assert.equal(registrableDomain(host), domain));
    }
  });

  describe('errcodes', () => {
    const documented = [
      ...Array.from({ length: 13 }, (_, i) => 40015 + i),
      40054, 40055, 40155, 45064, 46002, 46003, 47001,
      ...Array.from({ length: 20 }, (_, i) => 65301 + i),
    ];

    it('explains every menu errcode in wechat-api.md', () => {
      for (const code of documented) {
        const entry = MENU_ERRCODES.get(code);
        assert.ok(entry, String(code));
        assert.ok(entry.meaning.length > 0 && entry.fix.length > 0);
        const placeholders = new Set(entry.fix.match(/\{\d+\}/g) ?? []);
        assert.equal(placeholders.size, entry.fixArgs.length, `${code}: one fixArg per placeholder`);
      }
    });

    it('takes the limits in fix texts from the table', () => {
      const fix = (code: number): string => {
        const entry = MENU_ERRCODES.get(code);
        return entry ? formatMessage(entry.fix, ...entry.fixArgs) : '';
      };
      assert.match(fix(40018), /between 1 and 16 bytes/);
      assert.match(fix(40025), /between 1 and 60 bytes/);
      assert.match(fix(40016), /Use 1 to 3 top-level buttons/);
      assert.match(fix(65316), /no more than 3 registrable domains/);
    });

    it('explains 45064 (mini program not linked), which local checks cannot catch', () => {
      assert.match(explainMenuErrcode(45064) ?? '', /^errcode 45064: .*mini program.*Link the mini program/);
    });

    it('returns undefined for other errcodes', () => {
      assert.equal(explainMenuErrcode(40001), undefined);
    });

    it('localises meaning and fix', () => {
      const text = explainMenuErrcode(65304, (m, ...a) => `<${m}>${a.join('|')}`);
      assert.equal(text, '<errcode {0}: {1} {2}>65304|<The match rule is empty.>|<Set at least one matchrule field, e.g. tag_id or client_platform_type.>');
    });

    it('plugs into the general errcode lookup once registered, limits filled into the fix', () => {
      const catalog = new ErrcodeCatalog(GENERAL_ERRCODES, MENU_ERRCODE_TABLE);
      assert.equal(catalog.lookup(40018), MENU_ERRCODE_TABLE[40018]);
      assert.equal(catalog.lookup(40018)?.reaction, 'report');
      assert.notEqual(catalog.lookup(40001), MENU_ERRCODE_TABLE[40001]);
      const error = new WeChatApiError(40018, 'invalid button name size hint: [x] rid: 1-2-3', '/cgi-bin/menu/create', catalog.lookup(40018));
      assert.equal(error.fix(), `Keep top-level names between 1 and ${BYTE_LIMITS.name.top.maxBytes} bytes (a Chinese character is 3 bytes).`);
      const seen: string[] = [];
      error.fix((message, ...args) => {
        seen.push(message, ...args.map(String));
        return message;
      });
      assert.deepEqual(seen, ['Keep top-level names between 1 and {0} bytes (a Chinese character is 3 bytes).', '16']);
    });
  });
});
