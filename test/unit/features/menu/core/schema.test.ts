import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { BUTTON_TYPE_NAMES, BUTTON_TYPES } from '../../../../../src/features/menu/core/rules/buttons';
import { BUTTON_COUNT } from '../../../../../src/features/menu/core/rules/limits';
import { MATCHRULE_FIELD_NAMES } from '../../../../../src/features/menu/core/rules/matchRule';
import { buildMenuSchema, type JsonSchema, MENU_SCHEMA_FILE, serializeMenuSchema } from '../../../../../src/features/menu/core/schema';
import { repoRoot } from '../../../helpers/repoRoot';

function definition(schema: JsonSchema, name: string): JsonSchema {
  const d = schema.definitions?.[name];
  assert.ok(d, name);
  return d;
}

/** Every description-like text in the schema. */
function texts(schema: unknown, out: string[] = []): string[] {
  if (Array.isArray(schema)) {
    schema.forEach((s) => texts(s, out));
  } else if (typeof schema === 'object' && schema !== null) {
    for (const [k, v] of Object.entries(schema)) {
      if ((k === 'description' || k === 'title' || k === 'deprecationMessage' || k === 'label') && typeof v === 'string') {
        out.push(v);
      } else if (k === 'enumDescriptions' && Array.isArray(v)) {
        out.push(...v.filter((x): x is string => typeof x === 'string'));
      } else if (k !== 'body') {
        texts(v, out);
      }
    }
  }
  return out;
}

describe('menu JSON schema', () => {
  it(`the committed ${MENU_SCHEMA_FILE} is what buildMenuSchema() produces (npm run generate:menu-schema)`, () => {
    const committed = readFileSync(join(repoRoot, MENU_SCHEMA_FILE), 'utf8');
    assert.equal(committed, serializeMenuSchema(buildMenuSchema()));
  });

  it('takes list sizes from the rules table', () => {
    const schema = buildMenuSchema();
    const button = schema.properties?.button;
    assert.equal(button?.minItems, BUTTON_COUNT.top.min);
    assert.equal(button?.maxItems, BUTTON_COUNT.top.max);
    assert.equal(definition(schema, 'topButton').properties?.sub_button?.maxItems, BUTTON_COUNT.sub.max);
    assert.equal(definition(schema, 'subButton').properties?.sub_button?.maxItems, 0);
  });

  it("offers every button type with a description, and requires each type's fields", () => {
    const schema = buildMenuSchema();
    for (const level of ['topButton', 'subButton']) {
      const def = definition(schema, level);
      const type = def.properties?.type;
      assert.deepEqual(type?.enum, [...BUTTON_TYPE_NAMES]);
      assert.equal(type?.enumDescriptions?.length, BUTTON_TYPE_NAMES.length);
      for (const t of BUTTON_TYPE_NAMES) {
        const rule = def.allOf?.find((s) => s.if?.properties?.type?.const === t);
        assert.deepEqual(rule?.then?.required, [...BUTTON_TYPES[t].requires], `${level} ${t}`);
      }
      for (const [name, prop] of Object.entries(def.properties ?? {})) {
        assert.ok(prop.description, `${level}.${name} has a description`);
      }
      assert.ok((def.defaultSnippets?.length ?? 0) >= BUTTON_TYPE_NAMES.length);
    }
  });

  it('describes every match rule field and marks group_id as renamed', () => {
    const matchrule = definition(buildMenuSchema(), 'matchrule');
    assert.deepEqual(Object.keys(matchrule.properties ?? {}), MATCHRULE_FIELD_NAMES);
    assert.deepEqual(matchrule.properties?.client_platform_type?.enum, ['1', '2', '3']);
    assert.match(matchrule.properties?.group_id?.deprecationMessage ?? '', /tag_id/);
  });

  it('mentions the byte limits in the name description', () => {
    const name = definition(buildMenuSchema(), 'topButton').properties?.name?.description ?? '';
    assert.match(name, /16 bytes/);
    assert.match(name, /60 bytes/);
  });

  it('passes every text through localize', () => {
    const schema = buildMenuSchema((m, ...args) => `«${m.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]))}`);
    const all = texts(schema);
    assert.ok(all.length > 40);
    for (const t of all) {
      // enumDescriptions of codes without a label (languages) are the codes themselves
      assert.ok(t.startsWith('«') || /^[a-z]{2}(_[A-Z]{2})?$/.test(t), t);
    }
  });
});
