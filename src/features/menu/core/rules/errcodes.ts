// The menu errcodes: what the server means and what the user should do, in the shape of the
// general errcode table (src/wechat/errcodes.ts). This is the only list of them: the menu feature
// registers it with the errcode lookup when it loads (registerErrcodes), so WeChatApiError explains
// a failed menu request like any other error, and the problem table of the validator names the same
// numbers. Limits in the fixes come from the rules files through `fixArgs`, never retyped.
// Texts are English templates (keys of the zh-cn bundle). vscode-free.

import type { MessageArg } from '../../../../common/localize';
import type { ErrcodeInfo } from '../../../../wechat/errcodes';
import { URL_DOMAIN_RULE } from './domains';
import { BUTTON_COUNT, BYTE_LIMITS } from './limits';

/** The request body is not valid JSON: what the server answers for a syntax error. */
export const MALFORMED_JSON_ERRCODE = 47001;
/** "No menu data": menu/get when the account has no menu made through the API. */
export const NO_MENU_ERRCODE = 46003;
/** trymatch when the user would see no menu. */
export const NO_MATCH_ERRCODE = 46002;

/** Nothing local checks can do makes a retry succeed: every menu errcode needs the user. */
function info(errcode: number, meaning: string, fix: string, ...fixArgs: MessageArg[]): readonly [number, ErrcodeInfo] {
  return [errcode, { meaning, fix, ...(fixArgs.length > 0 ? { fixArgs } : {}), reaction: 'report' }];
}

/** Every errcode a menu request can return, with what it means and how to fix it. */
export const MENU_ERRCODES: Readonly<Record<number, ErrcodeInfo>> = Object.fromEntries([
  info(40015, 'Invalid menu type.', 'Use one of the documented button types.'),
  info(40016, 'Invalid number of buttons.', 'Use {0} to {1} top-level buttons.', BUTTON_COUNT.top.min, BUTTON_COUNT.top.max),
  info(40017, 'Invalid button type.', 'Give every top-level button without sub-buttons a documented type.'),
  info(
    40018,
    'Top-level button name too long or empty.',
    'Keep top-level names between 1 and {0} bytes (a Chinese character is 3 bytes).',
    BYTE_LIMITS.name.top.maxBytes,
  ),
  info(40019, 'Top-level button key too long or empty.', 'Keep keys between 1 and {0} bytes.', BYTE_LIMITS.key.top.maxBytes),
  info(40020, 'Top-level button url too long or empty.', 'Keep urls between 1 and {0} bytes.', BYTE_LIMITS.url.top.maxBytes),
  info(40021, 'Invalid menu version.', 'Download the current menu and upload it again.'),
  info(40022, 'Sub-menus are nested too deeply.', 'Sub-buttons cannot have sub-buttons of their own.'),
  info(
    40023,
    'Invalid number of sub-buttons.',
    'Use {0} to {1} sub-buttons per top-level button.',
    BUTTON_COUNT.sub.min,
    BUTTON_COUNT.sub.max,
  ),
  info(40024, 'Invalid sub-button type.', 'Give every sub-button a documented type.'),
  info(
    40025,
    'Sub-button name too long or empty.',
    'Keep sub-button names between 1 and {0} bytes (a Chinese character is 3 bytes).',
    BYTE_LIMITS.name.sub.maxBytes,
  ),
  info(40026, 'Sub-button key too long or empty.', 'Keep keys between 1 and {0} bytes.', BYTE_LIMITS.key.sub.maxBytes),
  info(40027, 'Sub-button url too long or empty.', 'Keep urls between 1 and {0} bytes.', BYTE_LIMITS.url.sub.maxBytes),
  info(40054, 'Sub-button url domain not allowed.', 'Use an http(s) url on a domain the account may link to.'),
  info(40055, 'Top-level button url domain not allowed.', 'Use an http(s) url on a domain the account may link to.'),
  info(
    40155,
    'The url points at the home page of another official account.',
    'Link to a page of this account or to your own site instead.',
  ),
  info(
    45064,
    'The account may not use this mini program in its menu.',
    'Link the mini program to the official account in the MP console (Mini Programs → Mini Program management), then upload again. Local checks cannot detect this.',
  ),
  info(NO_MATCH_ERRCODE, 'The menu version does not exist.', 'Download the current menu and upload it again.'),
  info(NO_MENU_ERRCODE, 'There is no menu data.', 'The account has no menu created through the API yet; upload one first.'),
  info(MALFORMED_JSON_ERRCODE, 'The request body is not valid JSON.', 'Fix the JSON syntax errors shown in the editor.'),
  info(65301, 'No conditional menu with this menuid.', 'Download the menus again and pick an existing conditional menu.'),
  info(65302, 'No such user.', 'Check the openid or WeChat id.'),
  info(65303, 'There is no default menu, so a conditional menu cannot be created.', 'Upload a default menu (without matchrule) first.'),
  info(65304, 'The match rule is empty.', 'Set at least one matchrule field, e.g. tag_id or client_platform_type.'),
  info(65305, 'Too many conditional menus.', 'Delete conditional menus you no longer need, then try again.'),
  info(65306, 'This account does not support conditional menus.', 'Conditional menus need a verified account.'),
  info(65307, 'The conditional menu is empty.', 'Add buttons to the conditional menu.'),
  info(65308, 'A button has no response type.', 'Give every button without sub-buttons a type.'),
  info(65309, 'Conditional menus are switched off for this account.', 'Switch conditional menus on in the MP console.'),
  info(65310, 'Province or city is set without a country.', 'Add country to the match rule.'),
  info(65311, 'City is set without a province.', 'Add province to the match rule.'),
  info(65312, 'Unknown country.', 'Use the country name as WeChat shows it in user profiles.'),
  info(65313, 'Unknown province.', 'Use the province name as WeChat shows it in user profiles.'),
  info(65314, 'Unknown city.', 'Use the city name as WeChat shows it in user profiles.'),
  info(65315, 'The user does not follow this account.', 'Try match with a follower of this account.'),
  info(
    65316,
    'The menu links to too many domains.',
    'Point all view and miniprogram urls at no more than {0} registrable domains.',
    URL_DOMAIN_RULE.max,
  ),
  info(65317, 'Invalid url.', 'Use a complete http:// or https:// url.'),
  info(65318, 'The request must be UTF-8.', 'Send the menu as UTF-8 JSON.'),
  info(65319, 'The account may not create menus.', 'Check the account status and permissions in the MP console.'),
  info(
    65320,
    'The match rule uses personal data that is no longer allowed.',
    'Match on tag_id or client_platform_type instead of sex, region or language.',
  ),
]);
