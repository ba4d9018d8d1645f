// fast-check arbitraries for the menu fuzz tests: hostile JSON texts (reserved keys, deep
// nesting, huge strings) and plausible menus that sit around WeChat's limits (byte lengths with
// CJK and emoji, button counts, url schemes and domains, match rules).
import fc from 'fast-check';

import { BUTTON_TYPE_NAMES } from '../../../../../../src/features/menu/core/rules/buttons';

/** Property names a hostile document would use, mixed with menu fields and random ones. */
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const MENU_KEYS = ['button', 'sub_button', 'matchrule', 'name', 'type', 'key', 'url', 'media_id', 'tag_id', 'country', 'province'];

const keyArb = fc.oneof(fc.constantFrom(...HOSTILE_KEYS, ...MENU_KEYS), fc.string({ maxLength: 8 }));

/** A JSON text built by hand, so a `__proto__` key survives (JSON.stringify of an object would lose it). */
export const hostileJsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v) ?? 'null'),
    fc.array(tie('value'), { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(keyArb, tie('value')), { maxLength: 6 })
      .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).value;

/** A menu-shaped text whose parts are hostile: the root always has a button list, so the checks run. */
export const hostileMenuText: fc.Arbitrary<string> = fc
  .tuple(fc.array(hostileJsonText, { maxLength: 4 }), fc.array(fc.tuple(keyArb, hostileJsonText), { maxLength: 3 }))
  .map(([buttons, extra]) => `{"button":[${buttons.join(',')}]${extra.map(([k, v]) => `,${JSON.stringify(k)}:${v}`).join('')}}`);

/** Brackets nested `depth` levels, optionally unbalanced, around a menu or inside one. */
export const deepText: fc.Arbitrary<string> = fc
  .record({ depth: fc.integer({ min: 1, max: 20_000 }), open: fc.constantFrom('[', '{"a":', '{"button":'), balanced: fc.boolean() })
  .map(({ depth, open, balanced }) => {
    const close = open === '[' ? ']' : '}';
    return `{"button":${open.repeat(depth)}1${balanced ? close.repeat(depth) : ''}}`;
  });

/** A very long string value (up to ~400 KB) in a button, across the document size limit. */
export const hugeStringText: fc.Arbitrary<string> = fc
  .record({ unit: fc.constantFrom('a', '菜', '😀', '\\u0000', '"', '\\"'), count: fc.integer({ min: 1, max: 140_000 }) })
  .map(({ unit, count }) => {
    const value = unit === '"' ? 'x' : unit.repeat(count);
    return `{"button":[{"type":"click","name":"${value.slice(0, 64)}","key":"${value}"}]}`;
  });

// ---------------------------------------------------------------------------------------------
// Plausible menus

/** Characters of 1, 2, 3 and 4 UTF-8 bytes, spaces included, so lengths fall on both sides of a byte limit. */
const textUnit = fc.constantFrom('a', 'Z', '7', ' ', '_', 'é', '菜', '单', '😀', '👍');

/** A string of up to `maxUnits` units: with 1–4 bytes each it straddles a limit of about 2×maxUnits bytes. */
const text = (maxUnits: number, minUnits = 0): fc.Arbitrary<string> =>
  fc.string({ unit: textUnit, minLength: minUnits, maxLength: maxUnits });

// The documented types from our table: what is generated needs no independence, only the fake's verdict does.
const TYPES: readonly string[] = BUTTON_TYPE_NAMES;

/** Mostly documented types, sometimes an unknown or console-only one. */
const typeArb = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...TYPES) },
  { weight: 1, arbitrary: fc.constantFrom('text', 'news', '', 'CLICK') },
);

/**
 * Hosts with clear registrable domains on both sides: one-label suffixes, two-level suffixes both
 * tables list (com.cn, co.uk, …) and the Chinese province suffixes (gd.cn, …), IPv4.
 */
const hostArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('example.com', 'www.example.com', 'm.example.com', 'a.example.com.cn', 'b.example.com.cn') },
  fc.constantFrom('example.com', 'www.example.com', 'm.example.com', 'example.net', 'ly.example.net', 'mp.weixin.qq.com', 'support.qq.com'),
  fc.constantFrom(
    'a.example.com.cn',
    'b.example.com.cn',
    'shop.example.co.uk',
    'example.co.jp',
    'x.gd.cn',
    'y.gd.cn',
    'z.sh.cn',
    'site.org.cn',
  ),
  fc.constantFrom('w1.example.org', 'w2.example.io', 'w3.test.dev', 'w4.example.cn', '192.168.1.10'),
  // Edges: a single label, a bare public suffix, suffixes only one side may list, odd labels.
  fc.constantFrom(
    'localhost',
    'com.cn',
    'gd.cn',
    'shop.co.kr',
    'n.example.net.au',
    'a.b.idv.tw',
    'x.game.tw',
    'x.gov.cn',
    'EXAMPLE.COM',
    'example.com.',
    'xn--fiqs8s',
    '例子.中国',
    '[::1]',
  ),
  {
    weight: 2,
    arbitrary: fc
      .string({ unit: fc.constantFrom('a', 'b', 'c', '1', '-'), minLength: 1, maxLength: 6 })
      .map((label) => `${label}.example.com`),
  },
);

const schemeArb = fc.oneof(
  { weight: 18, arbitrary: fc.constantFrom('https://', 'http://') },
  { weight: 2, arbitrary: fc.constantFrom('HTTPS://', 'ftp://', 'javascript:', '', 'https:', 'www.', ' https://', 'https:/') },
);

/** Paths of 0–1100 bytes, so urls cross the 1024-byte limit now and then. */
const pathArb = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('/', '/page?id=1', '/a/b#frag', '') },
  { weight: 1, arbitrary: fc.integer({ min: 980, max: 1030 }).map((n) => `/${'p'.repeat(n)}`) },
  { weight: 1, arbitrary: text(8).map((s) => `/${s}`) },
);

export const urlArb: fc.Arbitrary<string> = fc.tuple(schemeArb, hostArb, pathArb).map(([scheme, host, path]) => `${scheme}${host}${path}`);

const keyTextArb = fc.oneof(
  { weight: 8, arbitrary: text(30) },
  fc.integer({ min: 120, max: 135 }).map((n) => 'k'.repeat(n)),
);
const idArb = fc.oneof(fc.constant(''), fc.string({ unit: fc.constantFrom('a', 'B', '1', '_'), minLength: 1, maxLength: 12 }));

type Json = Record<string, unknown>;

/** The fields each type needs, as the test writes them down (WeChat's documented table). */
const NEEDS: Readonly<Record<string, readonly string[]>> = {
  click: ['key'],
  view: ['url'],
  miniprogram: ['url', 'appid', 'pagepath'],
  scancode_push: ['key'],
  scancode_waitmsg: ['key'],
  pic_sysphoto: ['key'],
  pic_photo_or_album: ['key'],
  pic_weixin: ['key'],
  location_select: ['key'],
  media_id: ['media_id'],
  view_limited: ['media_id'],
  article_id: ['article_id'],
  article_view_limited: ['article_id'],
};

const rarely = fc.integer({ min: 0, max: 29 }).map((n) => n === 0);
const often = rarely.map((drop) => !drop);
const FIELDS = ['key', 'url', 'media_id', 'article_id', 'appid', 'pagepath'] as const;

/**
 * A leaf button: usually a documented type with the fields it needs (each left out now and then)
 * and now and then a field it does not use; rarely no type at all.
 */
function leafArb(nameUnits: number): fc.Arbitrary<Json> {
  return fc
    .record({
      type: fc.option(typeArb, { nil: undefined, freq: 15 }),
      name: fc.option(text(nameUnits, 1), { nil: undefined, freq: 20 }),
      values: fc.record({
        key: keyTextArb,
        url: urlArb,
        media_id: idArb,
        article_id: idArb,
        appid: fc.constantFrom('wx0123456789abcdef', 'wx0123456789abcdef', ''),
        pagepath: fc.constantFrom('pages/index/index', 'pages/index/index', ''),
      }),
      keep: fc.record({ key: often, url: often, media_id: often, article_id: often, appid: often, pagepath: often }),
      extra: fc.record({ key: rarely, url: rarely, media_id: rarely, article_id: rarely, appid: rarely, pagepath: rarely }),
    })
    .map(({ type, name, values, keep, extra }) => {
      const button: Json = {};
      if (type !== undefined) button['type'] = type;
      if (name !== undefined) button['name'] = name;
      const needs = (type !== undefined && Object.hasOwn(NEEDS, type) ? NEEDS[type] : undefined) ?? [];
      for (const field of FIELDS) {
        if (needs.includes(field) ? keep[field] : extra[field]) button[field] = values[field];
      }
      return button;
    });
}

/** A count mostly within min–max, now and then one below or up to two above (the limits' edges). */
function around(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.integer({ min: min - 1, max: max + 2 }) },
  );
}

/** Sub-buttons: a leaf, now and then one with its own (forbidden) sub-menu. */
const subButtonArb: fc.Arbitrary<Json> = fc.oneof(
  { weight: 30, arbitrary: leafArb(22) },
  { weight: 1, arbitrary: fc.tuple(leafArb(22), fc.array(leafArb(5), { maxLength: 2 })).map(([b, subs]) => ({ ...b, sub_button: subs })) },
);

/** Top-level buttons: leaves, or parents with 0–7 sub-buttons (the limit is 5). */
const topButtonArb: fc.Arbitrary<Json> = fc.oneof(
  leafArb(6),
  fc.record({ name: text(6, 1), sub_button: around(1, 5).chain((n) => fc.array(subButtonArb, { minLength: n, maxLength: n })) }),
);

const matchRuleArb: fc.Arbitrary<Json> = fc.record(
  {
    tag_id: fc.constantFrom('100', '2', ''),
    client_platform_type: fc.constantFrom('1', '2', '3', '4', ''),
    sex: fc.constantFrom('1', '2'),
    country: fc.constantFrom('中国', ''),
    province: fc.constantFrom('广东', ''),
    city: fc.constantFrom('广州', ''),
    language: fc.constantFrom('zh_CN', 'en'),
  },
  { requiredKeys: [] },
);

/**
 * Hosts around the 3-domain rule: several hosts per registrable domain, under suffixes of one and
 * two labels, so the two sides' suffix tables are compared where they matter.
 */
const domainHostArb = fc.constantFrom(
  'x.gd.cn',
  'y.gd.cn',
  'a.x.gd.cn',
  'z.sh.cn',
  'a.example.com.cn',
  'b.example.com.cn',
  'q.game.tw',
  'r.game.tw',
  'm.example.co.uk',
  'n.example.co.uk',
  'ly.example.net',
  'example.net',
  'w.example.org.cn',
  'example.com',
  'www.example.com',
);

/** A menu of view buttons only (up to 15 urls), to exercise the domain count. */
const urlHeavyMenu: fc.Arbitrary<Json> = fc
  .array(
    fc.record({
      name: fc.constantFrom('Links', '链接'),
      sub_button: fc.array(
        fc.record({ type: fc.constant('view'), name: fc.constantFrom('Page', '页面'), url: domainHostArb.map((h) => `https://${h}/`) }),
        { minLength: 1, maxLength: 5 },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((button) => ({ button }));

/** A plausible menu: 0–4 top-level buttons (the limit is 3), sometimes a match rule. */
const mixedMenu: fc.Arbitrary<Json> = fc
  .tuple(
    around(1, 3).chain((n) => fc.array(topButtonArb, { minLength: n, maxLength: n })),
    fc.option(matchRuleArb, { nil: undefined, freq: 3 }),
  )
  .map(([button, matchrule]) => (matchrule === undefined ? { button } : { button, matchrule }));

/** Plausible menus of both kinds. */
export const plausibleMenu: fc.Arbitrary<Json> = fc.oneof({ weight: 4, arbitrary: mixedMenu }, { weight: 1, arbitrary: urlHeavyMenu });
