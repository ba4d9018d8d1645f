// The fields of a conditional menu's `matchrule`: their accepted values, the older names WeChat
// still accepts, and which field needs which (with the errcode the server answers). vscode-free;
// texts are English templates (keys of the zh-cn bundle).

export type MatchRuleField = 'tag_id' | 'group_id' | 'client_platform_type' | 'sex' | 'country' | 'province' | 'city' | 'language';

export interface MatchRuleValue {
  readonly value: string;
  /** English label, when the value is a code that needs one. */
  readonly label?: string;
}

export interface MatchRuleFieldRule {
  readonly field: MatchRuleField;
  readonly description: string;
  /** The accepted values, when the set is closed. */
  readonly values?: readonly MatchRuleValue[];
  /** The newer name of this field (group_id → tag_id). */
  readonly renamedTo?: MatchRuleField;
  /** An older field: still accepted but based on personal data (see errcode 65320). */
  readonly legacy?: boolean;
  /** Fields that must be present when this one is set, with the errcode the server answers. */
  readonly needs?: { readonly field: MatchRuleField; readonly errcode: number };
}

export const MATCHRULE_FIELDS: Readonly<Record<MatchRuleField, MatchRuleFieldRule>> = {
  tag_id: { field: 'tag_id', description: 'User tag id: only users with this tag see the menu.' },
  group_id: { field: 'group_id', description: 'Older name of tag_id.', renamedTo: 'tag_id' },
  client_platform_type: {
    field: 'client_platform_type',
    description: 'Client platform: 1 iOS, 2 Android, 3 others.',
    values: [
      { value: '1', label: 'iOS' },
      { value: '2', label: 'Android' },
      { value: '3', label: 'Others' },
    ],
  },
  sex: {
    field: 'sex',
    description: 'Older field: user gender, 1 male, 2 female.',
    legacy: true,
    values: [
      { value: '1', label: 'Male' },
      { value: '2', label: 'Female' },
    ],
  },
  country: { field: 'country', description: 'Older field: country, as in the user profile (e.g. 中国).', legacy: true },
  province: {
    field: 'province',
    description: 'Older field: province (e.g. 广东). Needs country.',
    legacy: true,
    needs: { field: 'country', errcode: 65310 },
  },
  city: {
    field: 'city',
    description: 'Older field: city (e.g. 广州). Needs province and country.',
    legacy: true,
    needs: { field: 'province', errcode: 65311 },
  },
  language: {
    field: 'language',
    description: 'Older field: client language, e.g. zh_CN.',
    legacy: true,
    values: [
      'zh_CN',
      'zh_TW',
      'zh_HK',
      'en',
      'id',
      'ms',
      'es',
      'ko',
      'it',
      'ja',
      'pl',
      'pt',
      'ru',
      'th',
      'vi',
      'ar',
      'hi',
      'he',
      'tr',
      'de',
      'fr',
    ].map((value) => ({ value })),
  },
};

export const MATCHRULE_FIELD_NAMES = Object.keys(MATCHRULE_FIELDS) as MatchRuleField[];

/** A match rule must set at least one field. */
export const MATCHRULE_EMPTY_ERRCODE = 65304;
/** Match rule based on personal data that the platform no longer allows. */
export const MATCHRULE_PRIVACY_ERRCODE = 65320;
