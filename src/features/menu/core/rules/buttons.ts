// Button types and the fields each one needs, with the English texts completion and hover show.
// The validator, the schema and the preview read the types from here, so a new type is added in one
// place. Texts are English templates (keys of the zh-cn bundle); pass them through a `Localize`.
// vscode-free.

import { formatMessage, type Localize, type MessageArg } from '../../../../common/localize';
import { BUTTON_COUNT, type ButtonLevel, BYTE_LIMITS, type ByteLimitedField } from './limits';

export type ButtonField = 'type' | 'name' | 'key' | 'url' | 'media_id' | 'article_id' | 'appid' | 'pagepath' | 'sub_button';

export interface ButtonFieldRule {
  readonly field: ButtonField;
  /** English description (schema hover, UI). */
  readonly description: string;
  /** Values for the `{n}` placeholders of `description`. */
  readonly descriptionArgs?: readonly MessageArg[];
  /** Set for the fields with a byte limit (see BYTE_LIMITS). */
  readonly byteLimited?: ByteLimitedField;
}

export const BUTTON_FIELDS: Readonly<Record<ButtonField, ButtonFieldRule>> = {
  type: { field: 'type', description: 'What the button does when tapped. Leave it out on a button that has sub-buttons.' },
  name: {
    field: 'name',
    description:
      'Button title. At most {0} bytes on the menu bar and {1} bytes in a sub-menu (UTF-8: a Chinese character is 3 bytes, an emoji 4).',
    descriptionArgs: [BYTE_LIMITS.name.top.maxBytes, BYTE_LIMITS.name.sub.maxBytes],
    byteLimited: 'name',
  },
  key: {
    field: 'key',
    description: 'Event key pushed to your server when the button is used. At most {0} bytes.',
    descriptionArgs: [BYTE_LIMITS.key.top.maxBytes],
    byteLimited: 'key',
  },
  url: {
    field: 'url',
    description:
      'Web page to open (http or https). At most {0} bytes. For miniprogram buttons: the page opened by clients that cannot open mini programs.',
    descriptionArgs: [BYTE_LIMITS.url.top.maxBytes],
    byteLimited: 'url',
  },
  media_id: { field: 'media_id', description: 'media_id of a permanent material (media_id and view_limited buttons).' },
  article_id: { field: 'article_id', description: 'article_id of a published article (article_id and article_view_limited buttons).' },
  appid: { field: 'appid', description: 'AppID of the mini program to open. It must be linked to this official account.' },
  pagepath: { field: 'pagepath', description: 'Page of the mini program to open, e.g. pages/index/index.' },
  sub_button: {
    field: 'sub_button',
    description: 'Sub-menu: {0} to {1} sub-buttons. A button with sub-buttons has no type of its own. An empty list means no sub-menu.',
    descriptionArgs: [BUTTON_COUNT.sub.min, BUTTON_COUNT.sub.max],
  },
};

export const BUTTON_TYPE_NAMES = [
  'click',
  'view',
  'miniprogram',
  'scancode_push',
  'scancode_waitmsg',
  'pic_sysphoto',
  'pic_photo_or_album',
  'pic_weixin',
  'location_select',
  'media_id',
  'view_limited',
  'article_id',
  'article_view_limited',
] as const;

export type ButtonType = (typeof BUTTON_TYPE_NAMES)[number];

export interface ButtonTypeRule {
  readonly type: ButtonType;
  /** Fields this type needs besides `type` and `name`. */
  readonly requires: readonly ButtonField[];
  /** Short English label (pick lists, preview). */
  readonly label: string;
  /** English description (schema hover, UI). */
  readonly description: string;
  /** A tap sends an event to the developer's server (click, view, scancode_*, …); the rest WeChat answers itself. */
  readonly sendsEvent: boolean;
}

export const BUTTON_TYPES: Readonly<Record<ButtonType, ButtonTypeRule>> = {
  click: {
    type: 'click',
    sendsEvent: true,
    requires: ['key'],
    label: 'Click event',
    description: 'Sends a click event with the key to your server, which can reply with a message.',
  },
  view: { type: 'view', sendsEvent: true, requires: ['url'], label: 'Open web page', description: 'Opens the url in WeChat.' },
  miniprogram: {
    type: 'miniprogram',
    sendsEvent: true,
    requires: ['url', 'appid', 'pagepath'],
    label: 'Open mini program',
    description: 'Opens a page of a linked mini program; clients without mini program support open the url instead.',
  },
  scancode_push: {
    type: 'scancode_push',
    sendsEvent: true,
    requires: ['key'],
    label: 'Scan code',
    description: 'Opens the QR code scanner, shows the result and sends it with the key to your server.',
  },
  scancode_waitmsg: {
    type: 'scancode_waitmsg',
    sendsEvent: true,
    requires: ['key'],
    label: 'Scan code and wait for reply',
    description: 'Opens the scanner, sends the result with the key to your server and shows "receiving message" until it replies.',
  },
  pic_sysphoto: {
    type: 'pic_sysphoto',
    sendsEvent: true,
    requires: ['key'],
    label: 'Take photo',
    description: 'Opens the camera; the photo is sent to your server with the key.',
  },
  pic_photo_or_album: {
    type: 'pic_photo_or_album',
    sendsEvent: true,
    requires: ['key'],
    label: 'Photo or album',
    description: 'Lets the user take a photo or pick one from the album; it is sent to your server with the key.',
  },
  pic_weixin: {
    type: 'pic_weixin',
    sendsEvent: true,
    requires: ['key'],
    label: 'WeChat album',
    description: 'Lets the user pick a photo from the WeChat album; it is sent to your server with the key.',
  },
  location_select: {
    type: 'location_select',
    sendsEvent: true,
    requires: ['key'],
    label: 'Send location',
    description: 'Opens the location picker; the chosen location is sent to your server with the key.',
  },
  media_id: {
    type: 'media_id',
    sendsEvent: false,
    requires: ['media_id'],
    label: 'Send material',
    description: 'Sends the permanent material (image, voice, video or news) with this media_id to the user.',
  },
  view_limited: {
    type: 'view_limited',
    sendsEvent: false,
    requires: ['media_id'],
    label: 'Open news material',
    description: 'Opens the permanent news material with this media_id.',
  },
  article_id: {
    type: 'article_id',
    sendsEvent: false,
    requires: ['article_id'],
    label: 'Send article',
    description: 'Sends the published article with this article_id to the user.',
  },
  article_view_limited: {
    type: 'article_view_limited',
    sendsEvent: false,
    requires: ['article_id'],
    label: 'Open article',
    description: 'Opens the published article with this article_id.',
  },
};

/** The types whose tap sends an event to the developer's server (what the simulator can send). */
export type EventButtonType = Exclude<ButtonType, 'media_id' | 'view_limited' | 'article_id' | 'article_view_limited'>;
/** Read from `sendsEvent`; a unit test holds the type above to the same rule. */
export const EVENT_BUTTON_TYPES: readonly EventButtonType[] = BUTTON_TYPE_NAMES.filter(
  (type): type is EventButtonType => BUTTON_TYPES[type].sendsEvent,
);

/** Types whose url counts for the domain rule and must be http(s). */
export const URL_BUTTON_TYPES: readonly ButtonType[] = BUTTON_TYPE_NAMES.filter((t) => BUTTON_TYPES[t].requires.includes('url'));

export function isButtonType(value: string): value is ButtonType {
  return (BUTTON_TYPE_NAMES as readonly string[]).includes(value);
}

export type LeafField = Exclude<ButtonField, 'type' | 'name' | 'sub_button'>;

/**
 * Fields a leaf button may carry besides `type` and `name`, in the order they are written out;
 * which ones it needs depends on its type.
 */
export const LEAF_FIELDS: readonly LeafField[] = ['key', 'url', 'media_id', 'article_id', 'appid', 'pagepath'];

/** Errcode for an unknown or missing button type, per level. */
export const BUTTON_TYPE_ERRCODE: Readonly<Record<ButtonLevel, number>> = { top: 40017, sub: 40024 };

/** A leaf button (no sub-buttons) without a `type`. */
export const NO_RESPONSE_TYPE_ERRCODE = 65308;

/** A button field's description, localised, placeholders filled from the table. */
export function describeButtonField(field: ButtonField, localize: Localize = formatMessage): string {
  const rule = BUTTON_FIELDS[field];
  return localize(rule.description, ...(rule.descriptionArgs ?? []));
}
