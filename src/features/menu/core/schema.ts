// JSON Schema for menu files, generated from the rules table (src/menu/rules/), so
// completion and hover in VS Code show every field and button type with its description.
//
// VS Code does not localise schemas contributed through `jsonValidation` (no %key% substitution,
// microsoft/vscode#78737). So the schema is built at runtime with `vscode.l10n.t` as `localize` and
// served from a TextDocumentContentProvider under MENU_SCHEMA_URI, which `jsonValidation` points at
// (the approach VS Code's JSON maintainers recommend, microsoft/vscode#67189). The English build is
// committed as media/wechat-menu.schema.json (scripts/generate-menu-schema.mjs; a unit test keeps
// it in step) for other editors and as a fallback.
//
// The schema does what JSON Schema does well — types, enums, required fields per type, list sizes —
// and leaves byte limits, url and domain rules to the validator, which counts UTF-8 bytes.

import { formatMessage, type Localize } from '../../../common/localize';
import { BUTTON_TYPE_NAMES, BUTTON_TYPES, describeButtonField, LEAF_FIELDS } from './rules/buttons';
import { BUTTON_COUNT, type ButtonLevel } from './rules/limits';
import { MATCHRULE_FIELD_NAMES, MATCHRULE_FIELDS } from './rules/matchRule';
import { problemMessage } from './validate/problems';

export { MENU_SCHEMA_FILE, MENU_SCHEMA_SCHEME, MENU_SCHEMA_URI } from './schemaUri';

export interface JsonSchemaSnippet {
  label: string;
  description?: string;
  body: unknown;
}

/** The subset of JSON Schema (draft-07 plus VS Code's extensions) this file produces. */
export interface JsonSchema {
  $schema?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  minProperties?: number;
  enum?: string[];
  /** VS Code: one description per enum value, shown in completion. */
  enumDescriptions?: string[];
  const?: string;
  not?: JsonSchema;
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  /** VS Code: shown as a strike-through warning when the property is used. */
  deprecationMessage?: string;
  /** VS Code: completion proposals that insert a whole object. */
  defaultSnippets?: JsonSchemaSnippet[];
}

/** English texts that only the schema uses (keys of the zh-cn bundle). */
export const SCHEMA_MESSAGES = {
  title: 'WeChat custom menu',
  description: 'A WeChat Official Account custom menu: {0} to {1} top-level buttons. With "matchrule" it is a conditional menu.',
  button: 'Top-level buttons, {0} to {1}. Each has either a type or sub-buttons.',
  subButtonOfSub: 'Sub-buttons cannot have sub-buttons of their own.',
  matchrule: 'Makes this a conditional menu: only users who match see it. Set at least one field.',
  topButton: 'A menu bar button: either a type, or {0} to {1} sub-buttons.',
  subButton: 'A sub-menu button.',
  snippetWithSubMenu: 'Button with sub-menu',
  snippetWithSubMenuDescription: 'A top-level button that opens a sub-menu.',
  /** A button type's label and description in completion lists. */
  labelled: '{0}: {1}',
} as const;

function buttonProperties(level: ButtonLevel, localize: Localize): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = {
    name: { type: 'string', minLength: 1, description: describeButtonField('name', localize) },
    type: {
      type: 'string',
      description: describeButtonField('type', localize),
      enum: [...BUTTON_TYPE_NAMES],
      enumDescriptions: BUTTON_TYPE_NAMES.map((t) =>
        localize(SCHEMA_MESSAGES.labelled, localize(BUTTON_TYPES[t].label), localize(BUTTON_TYPES[t].description)),
      ),
    },
  };
  for (const field of LEAF_FIELDS) {
    properties[field] = { type: 'string', minLength: 1, description: describeButtonField(field, localize) };
  }
  properties.sub_button =
    level === 'top'
      ? {
          type: 'array',
          description: describeButtonField('sub_button', localize),
          maxItems: BUTTON_COUNT.sub.max,
          items: { $ref: '#/definitions/subButton' },
        }
      : { type: 'array', description: localize(SCHEMA_MESSAGES.subButtonOfSub), maxItems: 0 };
  return properties;
}

/** One `if type is X then X's fields are required` per button type. */
function requiredPerType(): JsonSchema[] {
  return BUTTON_TYPE_NAMES.map((t) => ({
    if: { properties: { type: { const: t } }, required: ['type'] },
    then: { required: [...BUTTON_TYPES[t].requires] },
  }));
}

function snippets(level: ButtonLevel, localize: Localize): JsonSchemaSnippet[] {
  const result: JsonSchemaSnippet[] = BUTTON_TYPE_NAMES.map((t) => {
    const body: Record<string, string> = { type: t, name: '$1' };
    BUTTON_TYPES[t].requires.forEach((field, i) => {
      body[field] = `$${i + 2}`;
    });
    return {
      label: localize(BUTTON_TYPES[t].label),
      description: localize(BUTTON_TYPES[t].description),
      body,
    };
  });
  if (level === 'top') {
    result.push({
      label: localize(SCHEMA_MESSAGES.snippetWithSubMenu),
      description: localize(SCHEMA_MESSAGES.snippetWithSubMenuDescription),
      body: { name: '$1', sub_button: [{ type: 'click', name: '$2', key: '$3' }] },
    });
  }
  return result;
}

function matchRuleSchema(localize: Localize): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of MATCHRULE_FIELD_NAMES) {
    const rule = MATCHRULE_FIELDS[field];
    const schema: JsonSchema = { type: 'string', description: localize(rule.description) };
    if (rule.values) {
      schema.enum = rule.values.map((v) => v.value);
      if (rule.values.some((v) => v.label)) {
        schema.enumDescriptions = rule.values.map((v) => (v.label ? localize(v.label) : v.value));
      }
    }
    if (rule.renamedTo) {
      schema.deprecationMessage = problemMessage({ code: 'matchruleRenamed', args: [field, rule.renamedTo] }, localize);
    }
    properties[field] = schema;
  }
  return { type: 'object', description: localize(SCHEMA_MESSAGES.matchrule), minProperties: 1, properties };
}

/** Builds the menu-file schema; texts go through `localize` (English by default). */
export function buildMenuSchema(localize: Localize = formatMessage): JsonSchema {
  const top = BUTTON_COUNT.top;
  const sub = BUTTON_COUNT.sub;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: localize(SCHEMA_MESSAGES.title),
    description: localize(SCHEMA_MESSAGES.description, top.min, top.max),
    type: 'object',
    required: ['button'],
    properties: {
      button: {
        type: 'array',
        description: localize(SCHEMA_MESSAGES.button, top.min, top.max),
        minItems: top.min,
        maxItems: top.max,
        items: { $ref: '#/definitions/topButton' },
      },
      matchrule: { $ref: '#/definitions/matchrule' },
    },
    definitions: {
      topButton: {
        type: 'object',
        description: localize(SCHEMA_MESSAGES.topButton, sub.min, sub.max),
        required: ['name'],
        properties: buttonProperties('top', localize),
        allOf: [
          {
            // Without a non-empty sub_button, the button needs a type.
            if: { not: { required: ['sub_button'], properties: { sub_button: { minItems: 1 } } } },
            then: { required: ['type'] },
          },
          ...requiredPerType(),
        ],
        defaultSnippets: snippets('top', localize),
      },
      subButton: {
        type: 'object',
        description: localize(SCHEMA_MESSAGES.subButton),
        required: ['name', 'type'],
        properties: buttonProperties('sub', localize),
        allOf: requiredPerType(),
        defaultSnippets: snippets('sub', localize),
      },
      matchrule: matchRuleSchema(localize),
    },
  };
}

/** The schema as file text: 2-space JSON with a final newline. */
export function serializeMenuSchema(schema: JsonSchema = buildMenuSchema()): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
