// Every English template the menu core can show: from its message catalogues and the rules
// table (catalogue), and as actually passed to localize while exercising the code (used).
// Shared by the menu translation tests and the extension-wide l10n test.
import type { Localize } from '../../../../../src/common/localize';
import { BACKUP_MESSAGES, MenuBackupStore } from '../../../../../src/features/menu/core/backups';
import { CONVERSION_MESSAGES, convertApiMenu, convertLiveMenu } from '../../../../../src/features/menu/core/convert';
import { BUTTON_FIELDS, BUTTON_TYPES } from '../../../../../src/features/menu/core/rules/buttons';
import { MENU_ERRCODES } from '../../../../../src/features/menu/core/rules/errcodes';
import { MATCHRULE_FIELDS } from '../../../../../src/features/menu/core/rules/matchRule';
import { buildMenuSchema, SCHEMA_MESSAGES } from '../../../../../src/features/menu/core/schema';
import { PROBLEM_RULES, problemMessage, validateMenu } from '../../../../../src/features/menu/core/validate';
import { VALUE_WITH_LABEL } from '../../../../../src/features/menu/core/validate/problems';
import { apiGet, chinese, click, live, many, menu, parent, text, view, withMatchRule } from './builders';
import { MemoryBackupStorage } from './memoryBackupStorage';

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    out.push(value);
  } else if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach((v) => strings(v, out));
  }
  return out;
}

/** Every English template the menu code can show, from the catalogues and the rules table. */
export function catalogue(): Set<string> {
  const all = new Set<string>([
    ...Object.values(PROBLEM_RULES).map((rule) => rule.message),
    VALUE_WITH_LABEL,
    ...strings(CONVERSION_MESSAGES),
    ...strings(BACKUP_MESSAGES),
    ...strings(SCHEMA_MESSAGES),
  ]);
  Object.values(BUTTON_FIELDS).forEach((f) => all.add(f.description));
  Object.values(BUTTON_TYPES).forEach((t) => all.add(t.label).add(t.description));
  for (const f of Object.values(MATCHRULE_FIELDS)) {
    all.add(f.description);
    f.values?.forEach((v) => v.label && all.add(v.label));
  }
  for (const e of Object.values(MENU_ERRCODES)) {
    all.add(e.meaning).add(e.fix);
  }
  return all;
}

/** Templates actually passed to localize while exercising the code. */
export async function used(): Promise<Set<string>> {
  const seen = new Set<string>();
  const record: Localize = (m) => {
    seen.add(m);
    return m;
  };
  buildMenuSchema(record);
  const bad = [
    '',
    '{',
    '{"button": [}',
    '[]',
    '{}',
    text({ button: 1 }),
    text(menu()),
    text(menu(...many(4))),
    text(
      menu(
        click(chinese(6), 'a'.repeat(200), { url: 'x', value: 1 }),
        parent('P', [...many(6), parent('Q', [click()]), view(' v ', 'ftp://x')], { type: 'click' }),
        { name: '', type: 'nope' },
      ),
    ),
    text(
      withMatchRule(
        menu(
          view('a', 'https://a.com'),
          view('b', 'https://b.com'),
          parent('P', [view('c', 'https://c.com'), view('d', 'https://d.com/ x')]),
        ),
        { group_id: 1, city: 'x', client_platform_type: '9', vip: 1 },
      ),
    ),
    text(withMatchRule(menu(click()), {})),
  ];
  bad.forEach((t) => validateMenu(t).problems.forEach((p) => problemMessage(p, record)));
  convertLiveMenu(
    live.response(
      [
        live.consoleButton('text', 't', 'v'),
        live.consoleButton('video', 'v', 'u'),
        live.news('n', 'm'),
        'x' as unknown as Record<string, unknown>,
      ],
      0,
    ),
    record,
  );
  convertApiMenu(apiGet(undefined, [{ button: [click()], matchrule: { group_id: 1 } }]), record);
  const store = new MenuBackupStore(new MemoryBackupStorage(), { now: () => 0 }, { localize: record });
  await store.read('x').catch(() => undefined);
  return seen;
}
