// The keyword values of category templates (类目模板), shared by message/template/send,
// message/subscribe/bizsend and message/subscribe/send: `data` maps keys like `thing1` to
// `{value}`, and the key's prefix sets the value's limit. Sources: ../../../../shared/wechat-api-more.md §4
// (mp:server/API/mp-message-management/subscribe-message/api_sendmessage). WeChat answers 47003
// (argument invalid, the errmsg naming `data.thing1.value`) for a value over its limit.
import type { ObjectSchema, PatternProperty, StringSchema } from './schema';

export const TEMPLATE_VALUE_ERRCODE = 47003;

function keyword(kind: string, value: Omit<StringSchema, 'type' | 'errcode'>): PatternProperty {
  return {
    pattern: `^${kind}\\d+$`,
    schema: {
      type: 'object',
      errcode: TEMPLATE_VALUE_ERRCODE,
      required: ['value'],
      properties: { value: { type: 'string', errcode: TEMPLATE_VALUE_ERRCODE, ...value } },
    },
  };
}

/** Older templates' keys (`first`, `keyword1`, `remark`) match none of these and are not limited. */
export const TEMPLATE_DATA: ObjectSchema = {
  type: 'object',
  description: 'The keyword values, e.g. {"thing1": {"value": "…"}}: the key without ".DATA".',
  patternProperties: [
    keyword('thing', { maxLength: 20, description: 'Text, at most 20 characters.' }),
    keyword('number', { maxLength: 32, pattern: '[0-9]+(\\.[0-9]+)?', patternText: 'digits, optionally with decimals' }),
    keyword('letter', { maxLength: 32, pattern: '[A-Za-z]+', patternText: 'letters only' }),
    keyword('symbol', { maxLength: 5 }),
    keyword('character_string', {
      maxLength: 32,
      pattern: '[\\x21-\\x7e]+',
      patternText: 'digits, letters or symbols (no Chinese, no spaces)',
    }),
    keyword('phone_number', { maxLength: 17 }),
    keyword('car_number', { maxLength: 8 }),
    // WeChat: at most 10 Chinese characters or 20 letters; only the looser bound is checked here.
    keyword('name', { maxLength: 20, description: 'At most 10 Chinese characters or 20 letters.' }),
    keyword('phrase', { maxLength: 5 }),
    keyword('const', { maxLength: 20 }),
  ],
};
