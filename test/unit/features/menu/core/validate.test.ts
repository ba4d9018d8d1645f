import * as assert from 'node:assert/strict';

import type { MessageArg } from '../../../../../src/common/localize';
import { BUTTON_TYPE_NAMES, BUTTON_TYPES } from '../../../../../src/features/menu/core/rules/buttons';
import { BYTE_LIMITS } from '../../../../../src/features/menu/core/rules/limits';
import { canUpload, isMenuDocument, type MenuProblem, problemMessage, validateMenu } from '../../../../../src/features/menu/core/validate';
import {
  ascii,
  chinese,
  click,
  codes,
  covered,
  emoji,
  type Json,
  many,
  menu,
  message,
  miniprogram,
  only,
  parent,
  text,
  valueOffset,
  view,
  withMatchRule,
} from './builders';

const validate = (value: unknown) => {
  const source = text(value);
  return { source, result: validateMenu(source) };
};

/** A leaf button of every type with exactly the fields it needs. */
function buttonOfType(type: (typeof BUTTON_TYPE_NAMES)[number], name = type.slice(0, 16)): Json {
  const b: Json = { type, name };
  for (const field of BUTTON_TYPES[type].requires) {
    b[field] = field === 'url' ? 'https://example.com/' : `${field}-${name}`;
  }
  return b;
}

describe('validateMenu', () => {
  describe('valid menus', () => {
    it('accepts every button type, at the top level and in a sub-menu', () => {
      for (const type of BUTTON_TYPE_NAMES) {
        const { result } = validate(menu(buttonOfType(type), parent('More', [buttonOfType(type, `${type} sub`)])));
        assert.deepEqual(result.problems, [], type);
        assert.ok(canUpload(result));
      }
    });

    it('returns the parsed menu', () => {
      const value = menu(click('A', 'K'), parent('B', [view('C')]));
      const { result } = validate(value);
      assert.deepEqual(result.menu, value);
    });

    it('treats "sub_button": [] on a leaf as no sub-buttons (the shape menu/get returns)', () => {
      const { result } = validate(menu(click('A', 'K', { sub_button: [] }), parent('B', [view('C', undefined, { sub_button: [] })])));
      assert.deepEqual(result.problems, []);
    });

    it('accepts 3 top-level buttons and 5 sub-buttons', () => {
      const { result } = validate(menu(click('A', 'K1'), click('B', 'K2'), parent('C', many(5))));
      assert.deepEqual(result.problems, []);
    });

    it('allows comments and trailing commas (the upload re-serialises the parsed menu)', () => {
      const result = validateMenu('{\n  // main menu\n  "button": [{"type": "click", "name": "A", "key": "K"},],\n}');
      assert.deepEqual(result.problems, []);
      assert.ok(canUpload(result));
    });
  });

  describe('malformed JSON', () => {
    it('reports a missing comma at the token where it is expected, with errcode 47001', () => {
      const source = '{\n  "button": [\n    {"type": "click" "name": "A", "key": "K"}\n  ]\n}';
      const result = validateMenu(source);
      const p = only(result, 'jsonCommaExpected');
      assert.equal(message(p), 'Invalid JSON: a comma is expected.');
      assert.equal(p.errcode, 47001);
      assert.equal(p.offset, source.indexOf('"name"'));
      assert.deepEqual(p.path.slice(0, 2), ['button', 0]);
      assert.equal(result.menu, undefined);
      assert.equal(canUpload(result), false);
    });

    it('reports an unclosed string', () => {
      const source = '{"button": [{"name": "A}]}';
      const p = validateMenu(source).problems[0] as MenuProblem;
      assert.equal(p.code, 'jsonUnexpectedEndOfString');
      assert.equal(p.offset, source.indexOf('"A'));
    });

    it('reports content after the end of the document', () => {
      const source = '{"button": []} {}';
      const p = validateMenu(source).problems.find((q) => q.code === 'jsonEndOfFileExpected');
      assert.ok(p);
      assert.equal(p.offset, source.indexOf('{}'));
    });

    it('reports only the syntax errors, not rule problems of the half-parsed tree', () => {
      const result = validateMenu('{"button": [{"name": "A", "type": }]}');
      assert.deepEqual(
        codes(result).filter((c) => !c.startsWith('json')),
        [],
      );
      assert.ok(codes(result).length > 0);
    });

    it('explains an empty or blank document', () => {
      for (const source of ['', '  \n ']) {
        const result = validateMenu(source);
        assert.deepEqual(codes(result), ['documentEmpty']);
        assert.equal(message(result.problems[0]!), 'The document is empty. A menu file is a JSON object with a "button" list.');
        assert.equal(result.problems[0]?.errcode, 47001);
      }
    });

    it('does not leave an empty segment for a property name still being typed', () => {
      const p = validateMenu('{"button": [{"na').problems[0] as MenuProblem;
      assert.ok(!p.path.includes(''));
    });
  });

  describe('menu structure', () => {
    it('needs an object at the top', () => {
      const result = validateMenu('[1, 2]');
      assert.deepEqual(codes(result), ['menuNotObject']);
      assert.equal(result.menu, undefined);
    });

    it('needs a "button" list (40016), pointing at the opening brace only', () => {
      const result = validateMenu('{\n  "menu": {}\n}');
      const p = only(result, 'buttonMissing');
      assert.equal(p.errcode, 40016);
      assert.deepEqual([p.offset, p.length], [0, 1]);
      assert.match(message(p), /1 to 3/);
    });

    it('rejects a "button" that is not a list', () => {
      const { source, result } = validate({ button: { name: 'A' } });
      const p = only(result, 'buttonNotArray');
      assert.equal(covered(source, p).startsWith('{'), true);
      assert.deepEqual(p.path, ['button']);
    });

    it('rejects an empty button list', () => {
      const { source, result } = validate(menu());
      const p = only(result, 'noButtons');
      assert.equal(covered(source, p), '[]');
      assert.equal(p.errcode, 40016);
    });

    it('flags the 4th top-level button (40016) with the count', () => {
      const { source, result } = validate(menu(...many(4)));
      const p = only(result, 'tooManyButtons');
      assert.deepEqual(p.path, ['button', 3]);
      assert.equal(p.offset, valueOffset(source, ['button', 3]));
      assert.equal(p.length, 1);
      assert.match(message(p), /has 4 top-level buttons; WeChat allows at most 3/);
    });

    it('flags the 6th sub-button (40023)', () => {
      const { source, result } = validate(menu(parent('More', many(6))));
      const p = only(result, 'tooManySubButtons');
      assert.deepEqual(p.path, ['button', 0, 'sub_button', 5]);
      assert.equal(p.offset, valueOffset(source, ['button', 0, 'sub_button', 5]));
      assert.equal(p.errcode, 40023);
      assert.match(message(p), /6 buttons; WeChat allows at most 5/);
    });

    it('flags every sub-button beyond the fifth', () => {
      const { result } = validate(menu(parent('More', many(7))));
      assert.equal(result.problems.filter((p) => p.code === 'tooManySubButtons').length, 2);
    });

    it('rejects sub-buttons of a sub-button (40022)', () => {
      const { source, result } = validate(menu(parent('More', [parent('Deeper', [click()])])));
      const p = only(result, 'nestedSubMenu');
      assert.equal(p.errcode, 40022);
      assert.deepEqual(p.path, ['button', 0, 'sub_button', 0, 'sub_button']);
      assert.equal(p.offset, valueOffset(source, p.path));
    });

    it('rejects a sub_button that is not a list', () => {
      const { result } = validate(menu({ name: 'A', sub_button: { list: [] } }));
      assert.ok(codes(result).includes('subButtonNotArray'));
    });

    it('rejects a button that is not an object', () => {
      const { source, result } = validate(menu('click'));
      const p = only(result, 'buttonNotObject');
      assert.equal(covered(source, p), '"click"');
      assert.equal(p.errcode, 40017);
    });

    it('warns about unknown top-level fields such as a downloaded menuid', () => {
      const { source, result } = validate({ ...menu(click()), menuid: 123 });
      const p = only(result, 'fieldUnknown');
      assert.equal(covered(source, p), '"menuid"');
      assert.equal(p.severity, 'warning');
      assert.ok(canUpload(result));
    });
  });

  describe('names', () => {
    it('requires a name', () => {
      const { result } = validate(menu({ type: 'click', key: 'K' }));
      const p = only(result, 'nameMissing');
      assert.equal(p.errcode, 40018);
      assert.deepEqual(p.path, ['button', 0, 'name']);
    });

    it("rejects empty and blank names, with the level's errcode", () => {
      for (const name of ['', '   ']) {
        const { source, result } = validate(menu(click(name), parent('P', [click(name, 'K2')])));
        const found = result.problems.filter((p) => p.code === 'nameEmpty');
        assert.deepEqual(
          found.map((p) => p.errcode),
          [40018, 40025],
        );
        assert.equal(covered(source, found[0] as MenuProblem), JSON.stringify(name));
      }
    });

    it('warns about leading or trailing spaces, without blocking', () => {
      for (const name of [' A', 'A ', '\tA']) {
        const { result } = validate(menu(click(name)));
        assert.equal(only(result, 'nameSpaces').severity, 'warning');
        assert.ok(canUpload(result));
      }
    });

    it('rejects a name that is not a string', () => {
      const { source, result } = validate(menu(click('A', 'K', { name: 42 })));
      assert.equal(covered(source, only(result, 'notString')), '42');
    });

    const top = BYTE_LIMITS.name.top.maxBytes;
    const sub = BYTE_LIMITS.name.sub.maxBytes;
    const nameCases: { label: string; name: string; bytes: number }[] = [
      { label: 'ASCII at the top limit', name: ascii(top), bytes: 16 },
      { label: 'ASCII one over the top limit', name: ascii(top + 1), bytes: 17 },
      { label: '5 Chinese characters', name: chinese(5), bytes: 15 },
      { label: '5 Chinese characters + 1 ASCII', name: `${chinese(5)}a`, bytes: 16 },
      { label: '6 Chinese characters', name: chinese(6), bytes: 18 },
      { label: '4 emoji', name: emoji(4), bytes: 16 },
      { label: '4 emoji + 1 ASCII', name: `${emoji(4)}a`, bytes: 17 },
      { label: 'an emoji and 4 Chinese characters (seen in real menus)', name: `${emoji(1)}${chinese(4)}`, bytes: 16 },
      { label: 'an emoji, 4 Chinese characters and 1 ASCII', name: `${emoji(1)}${chinese(4)}a`, bytes: 17 },
    ];
    for (const c of nameCases) {
      it(`top-level name: ${c.label} (${c.bytes} bytes) ${c.bytes <= top ? 'passes' : 'fails with 40018'}`, () => {
        const { source, result } = validate(menu(click(c.name)));
        if (c.bytes <= top) {
          assert.deepEqual(result.problems, []);
          return;
        }
        const p = only(result, 'nameTooLongTop');
        assert.equal(p.errcode, 40018);
        assert.equal(p.offset, valueOffset(source, ['button', 0, 'name']));
        assert.equal(covered(source, p), JSON.stringify(c.name));
        assert.equal(
          message(p),
          `Name is ${c.bytes} bytes; a top-level button allows at most 16 bytes (UTF-8: a Chinese character is 3 bytes).`,
        );
      });
    }

    const subCases: { label: string; name: string; bytes: number }[] = [
      { label: 'ASCII at the sub limit', name: ascii(sub), bytes: 60 },
      { label: 'ASCII one over', name: ascii(sub + 1), bytes: 61 },
      { label: '20 Chinese characters', name: chinese(20), bytes: 60 },
      { label: '20 Chinese characters + 1 ASCII', name: `${chinese(20)}a`, bytes: 61 },
      { label: '15 emoji', name: emoji(15), bytes: 60 },
      { label: '15 emoji + 1 ASCII', name: `${emoji(15)}a`, bytes: 61 },
    ];
    for (const c of subCases) {
      it(`sub-button name: ${c.label} (${c.bytes} bytes) ${c.bytes <= sub ? 'passes' : 'fails with 40025'}`, () => {
        const { source, result } = validate(menu(parent('P', [click(c.name)])));
        if (c.bytes <= sub) {
          assert.deepEqual(result.problems, []);
          return;
        }
        const p = only(result, 'nameTooLongSub');
        assert.equal(p.errcode, 40025);
        assert.equal(p.offset, valueOffset(source, ['button', 0, 'sub_button', 0, 'name']));
        assert.match(message(p), new RegExp(`^Name is ${c.bytes} bytes; a sub-button allows at most 60 bytes`));
      });
    }

    it('counts bytes of a long sub-button name that would fail at the top level', () => {
      const { result } = validate(menu(parent('P', [click(chinese(6))])));
      assert.deepEqual(result.problems, []);
    });
  });

  describe('key and url byte limits', () => {
    const keyLimit = BYTE_LIMITS.key.top.maxBytes;
    const keyCases = [
      { label: 'ASCII at the limit', key: ascii(keyLimit), bytes: 128 },
      { label: 'ASCII one over', key: ascii(keyLimit + 1), bytes: 129 },
      { label: '42 Chinese + 2 ASCII', key: `${chinese(42)}aa`, bytes: 128 },
      { label: '43 Chinese', key: chinese(43), bytes: 129 },
      { label: '32 emoji', key: emoji(32), bytes: 128 },
      { label: '32 emoji + 1 ASCII', key: `${emoji(32)}a`, bytes: 129 },
    ];
    for (const c of keyCases) {
      it(`key: ${c.label} (${c.bytes} bytes)`, () => {
        const { source, result } = validate(menu(click('A', c.key), parent('P', [click('B', `${c.key}`)])));
        const found = result.problems.filter((p) => p.code === 'keyTooLong');
        if (c.bytes <= keyLimit) {
          assert.deepEqual(found, []);
          return;
        }
        assert.deepEqual(
          found.map((p) => p.errcode),
          [40019, 40026],
        );
        assert.equal((found[0] as MenuProblem).offset, valueOffset(source, ['button', 0, 'key']));
        assert.equal(message(found[0] as MenuProblem), `Key is ${c.bytes} bytes; WeChat allows at most 128 bytes.`);
      });
    }

    const urlLimit = BYTE_LIMITS.url.top.maxBytes;
    const base = 'https://example.com/';
    const urlCases = [
      { label: 'ASCII at the limit', url: base + ascii(urlLimit - base.length), bytes: 1024 },
      { label: 'ASCII one over', url: base + ascii(urlLimit - base.length + 1), bytes: 1025 },
      { label: 'Chinese path at the limit', url: base + chinese(100) + ascii(urlLimit - base.length - 300), bytes: 1024 },
      { label: 'Chinese path one over', url: base + chinese(100) + ascii(urlLimit - base.length - 299), bytes: 1025 },
      { label: 'emoji path at the limit', url: base + emoji(251), bytes: 1024 },
      { label: 'emoji path one emoji over', url: base + emoji(252), bytes: 1028 },
    ];
    for (const c of urlCases) {
      it(`url: ${c.label} (${c.bytes} bytes)`, () => {
        const { source, result } = validate(menu(view('A', c.url), parent('P', [view('B', c.url)])));
        const found = result.problems.filter((p) => p.code === 'urlTooLong');
        if (c.bytes <= urlLimit) {
          assert.deepEqual(found, []);
          return;
        }
        assert.deepEqual(
          found.map((p) => p.errcode),
          [40020, 40027],
        );
        assert.equal((found[1] as MenuProblem).offset, valueOffset(source, ['button', 1, 'sub_button', 0, 'url']));
        assert.match(message(found[0] as MenuProblem), new RegExp(`^Url is ${c.bytes} bytes; WeChat allows at most 1024 bytes\\.`));
      });
    }
  });

  describe('button types and required fields', () => {
    it('flags a leaf without type (65308) at its name', () => {
      const { source, result } = validate(menu({ name: 'Orphan' }));
      const p = only(result, 'typeMissing');
      assert.equal(p.errcode, 65308);
      assert.equal(covered(source, p), '"Orphan"');
      assert.deepEqual(p.path, ['button', 0, 'type']);
    });

    it('flags a leaf with "sub_button": [] and no type', () => {
      const { result } = validate(menu({ name: 'Orphan', sub_button: [] }));
      assert.ok(codes(result).includes('typeMissing'));
    });

    it("rejects an unknown type with the level's errcode and lists valid types", () => {
      const { source, result } = validate(menu({ type: 'link', name: 'A' }, parent('P', [{ type: 'news', name: 'B' }])));
      const found = result.problems.filter((p) => p.code === 'typeUnknown');
      assert.deepEqual(
        found.map((p) => p.errcode),
        [40017, 40024],
      );
      assert.equal(covered(source, found[0] as MenuProblem), '"link"');
      assert.match(message(found[0] as MenuProblem), /Unknown button type "link"\. Valid types: click, view, miniprogram/);
    });

    it('rejects a type that is not a string', () => {
      const { result } = validate(menu({ type: 1, name: 'A' }));
      assert.deepEqual(codes(result), ['notString']);
    });

    it('warns about a type on a button with sub-buttons', () => {
      const { source, result } = validate(menu(parent('P', [click()], { type: 'click' })));
      const p = only(result, 'typeWithSubButtons');
      assert.equal(p.severity, 'warning');
      assert.equal(covered(source, p), '"click"');
    });

    for (const type of BUTTON_TYPE_NAMES) {
      for (const field of BUTTON_TYPES[type].requires) {
        it(`${type} needs ${field}; missing → at the type value, empty → at the value`, () => {
          const b = buttonOfType(type);
          delete b[field];
          const missing = validate(menu(b));
          const p = only(missing.result, 'fieldRequired');
          assert.deepEqual(p.path, ['button', 0, field]);
          assert.equal(covered(missing.source, p), JSON.stringify(type));
          assert.equal(message(p), `A "${type}" button needs "${field}".`);
          const expected = field === 'key' ? 40019 : field === 'url' ? 40020 : undefined;
          assert.equal(p.errcode, expected);

          const empty = validate(menu({ ...buttonOfType(type), [field]: '' }));
          const q = only(empty.result, 'fieldEmpty');
          assert.equal(covered(empty.source, q), '""');
        });
      }
    }

    it('uses the sub-button errcodes for missing key and url in a sub-menu', () => {
      const { result } = validate(
        menu(
          parent('P', [
            { type: 'click', name: 'A' },
            { type: 'view', name: 'B' },
          ]),
        ),
      );
      assert.deepEqual(
        result.problems.map((p) => p.errcode),
        [40026, 40027],
      );
    });
  });

  describe('extra fields (common in real menus: warn, do not block)', () => {
    it('warns about a key on a view button, at the property name', () => {
      const { source, result } = validate(menu(view('A', undefined, { key: 'K' })));
      const p = only(result, 'fieldIgnored');
      assert.equal(p.severity, 'warning');
      assert.equal(covered(source, p), '"key"');
      assert.deepEqual(p.path, ['button', 0, 'key']);
      assert.ok(canUpload(result));
    });

    it('warns about a url on a click button', () => {
      const { result } = validate(menu(click('A', 'K', { url: 'https://example.com/' })));
      assert.match(message(only(result, 'fieldIgnored')), /"url" is not used by a "click" button/);
    });

    it('warns about a key on a button with sub-buttons', () => {
      const { result } = validate(menu(parent('P', [click()], { key: 'K' })));
      assert.match(message(only(result, 'fieldIgnoredWithSub')), /not used on a button with sub-buttons/);
    });

    it('warns about unknown fields, e.g. a live-menu "value"', () => {
      const { source, result } = validate(menu(click('A', 'K', { value: 'x' })));
      assert.equal(covered(source, only(result, 'fieldUnknown')), '"value"');
    });

    it('warns when a property appears twice in one object (the last one counts)', () => {
      const source = '{"button": [{"type": "click", "name": "A", "name": "B", "key": "K"}]}';
      const p = only(validateMenu(source), 'duplicateProperty');
      assert.equal(p.offset, source.indexOf('"name"'));
    });
  });

  describe('urls', () => {
    it('rejects a scheme other than http(s): 40055 on the menu bar, 40054 in a sub-menu', () => {
      const { source, result } = validate(menu(view('A', 'ftp://example.com/file')));
      const p = only(result, 'urlScheme');
      assert.equal(p.errcode, 40055);
      const sub = validate(menu(parent('P', [view('B', 'ftp://example.com/file')])));
      assert.equal(only(sub.result, 'urlScheme').errcode, 40054);
      assert.equal(covered(source, p), '"ftp://example.com/file"');
      assert.match(message(p), /not ftp:/);
    });

    it('rejects a url without its http(s) scheme as WeChat does (40055)', () => {
      // "https:example.com" and "https:/example.com" too: URL() reads them, WeChat does not (found by fuzzing against the fake).
      for (const url of ['example.com/page', 'http//example.com', 'www.example.com', 'https:example.com/', 'https:/example.com/']) {
        const { result } = validate(menu(view('A', url)));
        const p = only(result, 'urlScheme');
        assert.equal(p.errcode, 40055, url);
        assert.match(message(p), /must start with http:\/\/ or https:\/\//);
      }
    });

    it('rejects an http(s) url without a host (65317)', () => {
      for (const url of ['https://', 'http://']) {
        const { result } = validate(menu(view('A', url)));
        assert.equal(only(result, 'urlInvalid').errcode, 65317, url);
      }
    });

    it('rejects a host that has no registrable domain (65317): a single label, a bare public suffix', () => {
      for (const url of ['https://localhost/', 'https://com.cn/', 'http://gd.cn/x', 'https://a..example.com/']) {
        const { result } = validate(menu(view('A', url)));
        const p = only(result, 'urlHost');
        assert.equal(p.errcode, 65317, url);
        assert.match(message(p), /is not a domain name WeChat can link to/);
      }
    });

    it('warns about spaces in a url, without blocking', () => {
      for (const url of ['https://example.com/a b', ' https://example.com/']) {
        const { result } = validate(menu(view('A', url)));
        assert.deepEqual(codes(result), ['urlSpaces'], url);
        assert.ok(canUpload(result));
      }
    });

    it('checks the fallback url of a miniprogram button too', () => {
      const { result } = validate(menu(miniprogram('M', { url: 'weixin://dl/business' })));
      assert.deepEqual(codes(result), ['urlScheme']);
    });
  });

  describe('the 3-domain rule (65316)', () => {
    it('counts registrable domains, not hosts (a real, working menu)', () => {
      const urls = [
        'https://ly.example.net/a',
        'https://r.example.net/b',
        'https://example.net/',
        'https://mp.weixin.qq.com/s/abc',
        'https://support.qq.com/product/1',
      ];
      const { result } = validate(
        menu(
          parent(
            'A',
            urls.slice(0, 3).map((u, i) => view(`V${i}`, u)),
          ),
          parent(
            'B',
            urls.slice(3).map((u, i) => view(`W${i}`, u)),
          ),
        ),
      );
      assert.deepEqual(result.problems, []);
    });

    it('treats two-level public suffixes as one domain', () => {
      const { result } = validate(
        menu(
          parent('A', [
            view('a', 'https://a.example.com.cn/'),
            view('b', 'https://b.example.com.cn/'),
            view('c', 'https://shop.example.co.uk/'),
            view('d', 'https://other.com.hk/'),
          ]),
        ),
      );
      assert.deepEqual(result.problems, []);
    });

    it('counts hosts under a province suffix (gd.cn) as separate domains', () => {
      const { result } = validate(
        menu(
          parent('A', [
            view('a', 'https://x.gd.cn/'),
            view('b', 'https://y.gd.cn/'),
            view('c', 'https://z.sh.cn/'),
            view('d', 'https://example.com/'),
          ]),
        ),
      );
      assert.deepEqual(codes(result), ['tooManyDomains']);
    });

    it('flags every url of the 4th and later domains, over the whole menu', () => {
      const { source, result } = validate(
        menu(
          view('a', 'https://a.com/'),
          parent('P', [
            view('b', 'https://b.com/'),
            miniprogram('c', { url: 'https://c.com/' }),
            view('d', 'https://www.d.com/x'),
            view('e', 'https://d.com/y'),
          ]),
          view('f', 'https://a.com/again'),
        ),
      );
      const found = result.problems.filter((p) => p.code === 'tooManyDomains');
      assert.deepEqual(
        found.map((p) => p.path),
        [
          ['button', 1, 'sub_button', 2, 'url'],
          ['button', 1, 'sub_button', 3, 'url'],
        ],
      );
      const p = found[0] as MenuProblem;
      assert.equal(p.errcode, 65316);
      assert.equal(p.offset, valueOffset(source, p.path));
      assert.equal(message(p), 'The menu links to 4 domains (a.com, b.com, c.com, d.com); WeChat allows at most 3. This url adds d.com.');
    });

    it('ignores urls on buttons whose type does not use them', () => {
      const { result } = validate(
        menu(
          view('a', 'https://a.com/'),
          view('b', 'https://b.com/'),
          parent('P', [view('c', 'https://c.com/'), click('d', 'K', { url: 'https://d.com/' })]),
        ),
      );
      assert.deepEqual(codes(result), ['fieldIgnored']);
    });
  });

  describe('duplicate keys', () => {
    it('warns on the second use of a key, naming the first button', () => {
      const { source, result } = validate(menu(click('First', 'SAME'), parent('P', [click('Second', 'SAME')])));
      const p = only(result, 'keyDuplicate');
      assert.equal(p.severity, 'warning');
      assert.equal(p.offset, valueOffset(source, ['button', 1, 'sub_button', 0, 'key']));
      assert.equal(message(p), 'Key "SAME" is also used by the button "First"; your server cannot tell them apart.');
    });

    it('counts keys across event types, but not ignored keys', () => {
      const { result } = validate(
        menu(click('A', 'K'), { type: 'scancode_push', name: 'B', key: 'K' }, view('C', undefined, { key: 'K' })),
      );
      assert.deepEqual(codes(result).sort(), ['fieldIgnored', 'keyDuplicate']);
    });
  });

  describe('matchrule', () => {
    const conditional = (rule: unknown) => validate(withMatchRule(menu(click()), rule));

    it('accepts tag_id and client_platform_type', () => {
      for (const rule of [{ tag_id: '2' }, { client_platform_type: '1' }, { tag_id: '2', client_platform_type: '3' }]) {
        assert.deepEqual(conditional(rule).result.problems, [], JSON.stringify(rule));
      }
    });

    it('rejects an empty match rule (65304)', () => {
      for (const rule of [{}, { tag_id: '', country: '' }]) {
        const { source, result } = conditional(rule);
        const p = only(result, 'matchruleEmpty');
        assert.equal(p.errcode, 65304);
        assert.equal(covered(source, p)[0], '{');
      }
    });

    it('rejects a match rule that is not an object', () => {
      assert.deepEqual(codes(conditional('tag 2').result), ['matchruleNotObject']);
    });

    it('suggests renaming group_id to tag_id (hint, accepted)', () => {
      const { source, result } = conditional({ group_id: '2' });
      const p = only(result, 'matchruleRenamed');
      assert.equal(p.severity, 'hint');
      assert.equal(covered(source, p), '"group_id"');
      assert.ok(canUpload(result));
    });

    it('needs country for province (65310) and province for city (65311)', () => {
      const a = conditional({ province: '广东' });
      const p = only(a.result, 'matchruleNeeds');
      assert.equal(p.errcode, 65310);
      assert.equal(covered(a.source, p), '"广东"');

      const b = conditional({ country: '中国', city: '广州' });
      assert.equal(only(b.result, 'matchruleNeeds').errcode, 65311);

      const c = conditional({ country: '中国', province: '广东', city: '广州' });
      assert.ok(!codes(c.result).includes('matchruleNeeds'));
    });

    it('marks the older personal-data fields with a hint about 65320', () => {
      const { result } = conditional({ country: '中国' });
      const p = only(result, 'matchruleLegacy');
      assert.equal(p.severity, 'hint');
      assert.match(message(p), /65320/);
    });

    it('checks client_platform_type values', () => {
      const { source, result } = conditional({ client_platform_type: '4' });
      const p = only(result, 'matchruleValue');
      assert.equal(p.severity, 'error');
      assert.equal(covered(source, p), '"4"');
      assert.equal(message(p), '"client_platform_type" must be one of: 1 (iOS), 2 (Android), 3 (Others).');
    });

    it('accepts a number with a hint to write it as a string', () => {
      const { result } = conditional({ client_platform_type: 2 });
      assert.deepEqual(codes(result), ['matchruleNumber']);
      assert.ok(canUpload(result));
    });

    it('warns about unknown sex and language values', () => {
      const { result } = conditional({ sex: '3', language: 'xx' });
      assert.deepEqual(
        result.problems.filter((p) => p.code === 'matchruleLegacyValue').map((p) => p.severity),
        ['warning', 'warning'],
      );
    });

    it('warns about unknown match rule fields', () => {
      const { result } = conditional({ tag_id: '1', vip: true });
      assert.deepEqual(codes(result), ['fieldUnknown']);
    });
  });

  describe('positions', () => {
    it('points value problems exactly at the value node of their path', () => {
      const { source, result } = validate(
        menu(
          click(chinese(6), ascii(129)),
          parent('P', [view(' x', 'ftp://a'), { type: 'nope', name: 'n' }, click('D', 'K', { name: emoji(16) })]),
          view('Q', 'https://q.com/ a'),
        ),
      );
      const valueCodes = new Set(['nameTooLongTop', 'nameTooLongSub', 'keyTooLong', 'nameSpaces', 'urlScheme', 'typeUnknown', 'urlSpaces']);
      const checked = result.problems.filter((p) => valueCodes.has(p.code));
      assert.equal(checked.length, 7);
      for (const p of checked) {
        assert.equal(p.offset, valueOffset(source, p.path), `${p.code} at ${JSON.stringify(p.path)}`);
      }
    });

    it('returns problems sorted by offset', () => {
      const { result } = validate(menu(click(chinese(6), ''), { name: '' }, parent('P', many(6))));
      const offsets = result.problems.map((p) => p.offset);
      assert.deepEqual(
        offsets,
        [...offsets].sort((a, b) => a - b),
      );
    });
  });

  describe('localisation', () => {
    it('leaves the text to problemMessage, which passes the English template and arguments to localize', () => {
      const result = validateMenu(text(menu(click(chinese(6)))));
      assert.deepEqual(
        result.problems.map((p) => [p.code, p.args]),
        [['nameTooLongTop', [18, 16]]],
      );
      const calls: { template: string; args: MessageArg[] }[] = [];
      const shown = problemMessage(result.problems[0]!, (template, ...args) => {
        calls.push({ template, args });
        return `zh:${template}`;
      });
      const template = 'Name is {0} bytes; a top-level button allows at most {1} bytes (UTF-8: a Chinese character is 3 bytes).';
      assert.deepEqual(calls, [{ template, args: [18, 16] }]);
      assert.equal(shown, `zh:${template}`);
    });

    it('localises the labels of allowed values inside a message', () => {
      const { result } = validate(withMatchRule(menu(click()), { client_platform_type: '9' }));
      const shown = problemMessage(
        only(result, 'matchruleValue'),
        (m, ...a) => `[${m.replace(/\{(\d+)\}/g, (_, i: string) => String(a[Number(i)]))}]`,
      );
      assert.equal(shown, '["client_platform_type" must be one of: [1 ([iOS])], [2 ([Android])], [3 ([Others])].]');
    });
  });
});

describe('isMenuDocument', () => {
  it('recognises a top-level object with "button", even mid-edit', () => {
    assert.equal(isMenuDocument('{"button": []}'), true);
    assert.equal(isMenuDocument('{\n  "matchrule": {},\n  "button": [{"name": '), true);
  });

  it('rejects other JSON', () => {
    for (const source of ['', '[]', '{"buttons": []}', '{"menu": {"button": []}}', '"button"', '{"a": {"button": 1}}']) {
      assert.equal(isMenuDocument(source), false, source);
    }
  });
});
