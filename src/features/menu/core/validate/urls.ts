// Url checks: each view/miniprogram url on its own, then the whole menu's domains (at most three
// registrable domains, errcode 65316), which needs every url first.

import type { Node } from 'jsonc-parser';

import type { JsonPath } from '../model';
import { registrableDomain, URL_DOMAIN_RULE, URL_RULE } from '../rules/domains';
import type { ButtonLevel } from '../rules/limits';
import type { Prop } from './jsonTree';
import type { ProblemReporter } from './reporter';

export interface UrlUse {
  readonly domain: string;
  readonly node: Node;
  readonly path: JsonPath;
}

/** Checks one url (already known to be a non-empty string); a usable one is added to `urls`. */
export function checkUrl(prop: Prop, raw: string, level: ButtonLevel, report: ProblemReporter, urls: UrlUse[]): void {
  if (/\s/.test(raw)) {
    report.at(prop.value, prop.path, 'urlSpaces');
  }
  // WeChat answers "invalid button url domain" (40055, 40054 in a sub-menu) for a url that does
  // not start with http:// or https:// — the usual mistake is leaving the scheme out.
  // The two slashes count too: "https:example.com" is read by URL() but refused by WeChat.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw.trim())?.[1]?.toLowerCase();
  const web = scheme !== undefined && (URL_RULE.schemes as readonly string[]).includes(`${scheme}:`);
  if (!web || !/^[a-z]+:\/\//i.test(raw.trim())) {
    const shown = scheme === undefined || web ? raw.trim().slice(0, 20) : `${scheme}:`;
    report.at(prop.value, prop.path, 'urlScheme', [shown], { level });
    return;
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    report.at(prop.value, prop.path, 'urlInvalid');
    return;
  }
  if (url.hostname === '') {
    report.at(prop.value, prop.path, 'urlInvalid');
    return;
  }
  const domain = registrableDomain(url.hostname);
  if (domain === undefined) {
    report.at(prop.value, prop.path, 'urlHost', [url.hostname]);
    return;
  }
  urls.push({ domain, node: prop.value, path: prop.path });
}

/** Marks every url whose domain goes beyond the first URL_DOMAIN_RULE.max ones. */
export function checkDomains(urls: readonly UrlUse[], report: ProblemReporter): void {
  const domains: string[] = [];
  for (const use of urls) {
    if (!domains.includes(use.domain)) {
      domains.push(use.domain);
    }
  }
  if (domains.length <= URL_DOMAIN_RULE.max) {
    return;
  }
  const allowed = new Set(domains.slice(0, URL_DOMAIN_RULE.max));
  for (const use of urls) {
    if (!allowed.has(use.domain)) {
      report.at(use.node, use.path, 'tooManyDomains', [domains.length, domains.join(', '), URL_DOMAIN_RULE.max, use.domain]);
    }
  }
}
