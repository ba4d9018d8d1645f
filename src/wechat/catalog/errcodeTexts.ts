// What the catalog's endpoints answer besides the general errcodes (src/wechat/errcodes.ts): the
// meaning and the fix of each, in the shape of the general table, so an ErrcodeCatalog can join it
// when the code that calls these endpoints loads. A module of its own so that none of these texts
// is loaded at activation. English templates; the UI localises them (zh-cn bundle).
// Sources: ../../../../shared/wechat-api-more.md §1–§6 and the endpoints' errcode lists.
import type { ErrcodeInfo, ErrcodeTable } from '../errcodes';

const report = (meaning: string, fix: string): ErrcodeInfo => ({ meaning, fix, reaction: 'report' });

export const CATALOG_ERRCODES: ErrcodeTable = {
  40003: report(
    'Invalid openid: the user does not follow this account, or the openid belongs to another account or mini program.',
    'Use an openid from this account (user/get lists its followers); an openid of another AppID is never valid here.',
  ),
  40004: report('Invalid media type.', 'Use one of image, video, voice or news.'),
  40007: report('Invalid media_id.', 'Use the media_id of a permanent material of this account (material/batchget_material lists them).'),
  40008: report(
    'Invalid message type.',
    'Set msgtype to a supported type (text, image, voice, video, music, news, mpnews, msgmenu, wxcard, miniprogrampage) with its matching field.',
  ),
  40029: report(
    'Invalid or expired code.',
    'A code is single-use and lives 5 minutes: get a new one from the page or wx.login and exchange it once.',
  ),
  40032: report(
    'Invalid openid list size.',
    'Send between 1 and the documented maximum of openids (50 for batchtagging, 100 for user/info/batchget).',
  ),
  40037: report(
    'Invalid template_id.',
    'Use a template id of this account (template/get_all_private_template); template-message and subscription-message ids are not interchangeable.',
  ),
  40097: report(
    'Invalid argument.',
    "Check the request body against the endpoint's documented fields and ranges; the errmsg often names the field.",
  ),
  40129: report('Invalid scene for the content check.', 'Set scene to 1 (profile), 2 (comment), 3 (forum) or 4 (social log).'),
  40163: report(
    'The code has been used.',
    'Exchange each code once: a page refresh or a second consumer reuses it. Start the authorisation again for a new code.',
  ),
  40169: report(
    'Invalid scene for the mini program code.',
    "Use at most 32 characters of 0-9, A-Z, a-z and !#$&'()*+,/:;=?@-._~ for scene.",
  ),
  40226: report(
    'High-risk user: WeChat refused the login.',
    "Nothing to fix in the request; the user is blocked by WeChat's risk control.",
  ),
  41030: report(
    'Invalid page: it does not exist in the published mini program.',
    'Use a page of the published version without a leading "/", or set check_path to false (or env_version) for an unpublished page.',
  ),
  43004: report('The receiver does not follow the account.', 'Template messages reach followers only: check that the user still follows.'),
  43101: report(
    'The user refused the subscription, or its one-time authorisation is used up.',
    'Each acceptance allows one message: ask the user to subscribe again.',
  ),
  43104: report('The openid does not belong to this AppID.', 'Use an openid of a user of this mini program, active in the last 2 hours.'),
  45015: report(
    'Reply time limit exceeded: the user has not messaged the account within the last 48 hours.',
    "Customer-service messages may be sent only within 48 hours of the user's last message; use a template message otherwise.",
  ),
  45047: report(
    "Too many customer-service messages: the window's allowance is used up.",
    'Wait for the user to write again (5 messages per 48 hours after a message).',
  ),
  45056: report('Too many tags: an account has at most 100.', 'Delete a tag you no longer use before creating a new one.'),
  45057: report(
    'The tag has more than 100,000 followers and cannot be deleted.',
    'Remove the tag from followers first (tags/members/batchuntagging), then delete it.',
  ),
  45058: report('System tags (ids 0, 1 and 2) cannot be changed.', 'Create a tag of your own instead.'),
  45059: report('A follower holds too many tags (at most 20).', 'Remove a tag from the follower first.'),
  45157: report('A tag with this name already exists.', 'Choose another name, or use the existing tag (tags/get lists them).'),
  45158: report(
    'The tag name is too long: at most 30 bytes.',
    'Shorten the name: Chinese characters take 3 bytes each, so at most 10 of them.',
  ),
  45159: report(
    'Invalid tag id.',
    'Use an id that tags/get lists; tagging the same users in parallel can also answer this, so retry one request at a time.',
  ),
  47003: report(
    'Invalid argument value: the errmsg names the field (e.g. data.thing1.value).',
    'Fit the value to its keyword type: thing at most 20 characters, number digits, phrase at most 5 characters, and so on.',
  ),
  53600: report('Invalid article_id.', 'Use an article_id that freepublish/batchget lists.'),
  85079: report('The mini program has no published version.', 'Publish a version first, or use a trial/develop env_version.'),
  87014: report('The content is risky.', 'The text was refused by the content check; change it.'),
};
