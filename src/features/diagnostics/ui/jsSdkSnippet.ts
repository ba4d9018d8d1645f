// The document "JS-SDK Signature for URL" opens: wx.config with the signed fields, ready to copy,
// headed by comments that say what was signed (ticket masked), with which account and token
// source, and why wx.config usually still fails ("invalid signature", "invalid url domain").
import * as vscode from 'vscode';

export interface SnippetFacts {
  readonly appId: string;
  /** "name (AppID)". */
  readonly account: string;
  /** Where the token that fetched the ticket came from. */
  readonly tokenSource: string;
  readonly url: string;
  readonly strippedFragment?: string;
  readonly browserForm?: string;
  readonly timestamp: number;
  readonly nonceStr: string;
  readonly signature: string;
  readonly maskedSigned: string;
  /** ISO time the jsapi_ticket expires. */
  readonly ticketExpires: string;
  readonly ticketFetched: boolean;
}

export function jsSdkSnippet(facts: SnippetFacts): string {
  const t = vscode.l10n.t;
  const header = [
    t('WeChat JS-SDK configuration for {0}', facts.url),
    t('Account: {0}. Token source: {1}.', facts.account, facts.tokenSource),
    facts.ticketFetched
      ? t('jsapi_ticket fetched now, valid until {0}; cached for every window.', facts.ticketExpires)
      : t('jsapi_ticket from the cache, valid until {0}.', facts.ticketExpires),
    ...(facts.strippedFragment ? [t('Removed the fragment "{0}": WeChat signs the page URL without "#…".', facts.strippedFragment)] : []),
    t('Signed string (ticket masked): {0}', facts.maskedSigned),
    t('signature = sha1(signed string). Keep timestamp and nonceStr exactly as below: they are part of what was signed.'),
    '',
    t('If wx.config reports "invalid signature" or "invalid url domain":'),
    t(
      "- The page must sign exactly location.href.split('#')[0]: http or https, a trailing slash, letter case and the order of query parameters all change the signature.",
    ),
    ...(facts.browserForm
      ? [t('- A browser spells this URL {0} (location.href): if your page signs location.href, sign that form.', facts.browserForm)]
      : []),
    t(
      "- The page's domain must be a JS interface safe domain: MP console → Settings → Official account settings → Function settings → JS interface safe domain.",
    ),
    t('- A single-page app on iOS WeChat: sign the URL the page was first opened with, not the current route.'),
    t('- The signature is only valid while its jsapi_ticket is: sign again after {0}.', facts.ticketExpires),
  ];
  const config = [
    'wx.config({',
    '  debug: false,',
    `  appId: ${JSON.stringify(facts.appId)},`,
    `  timestamp: ${facts.timestamp},`,
    `  nonceStr: ${JSON.stringify(facts.nonceStr)},`,
    `  signature: ${JSON.stringify(facts.signature)},`,
    '  jsApiList: [],',
    '});',
  ];
  return [...header.map((line) => (line ? `// ${line}` : '//')), ...config, ''].join('\n');
}
