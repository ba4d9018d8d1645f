// The url rules of a menu: http(s) only, and at most three registrable domains per menu
// ("最多跳转到3个域名的链接", errcode 65316). Counting hosts would refuse real menus that link to
// `ly.example.net` and `r.example.net`, so hosts are reduced to their registrable domain first.
// vscode-free.

import type { ButtonLevel } from './limits';

/** Accepted url schemes, and the errcode for a url that is not a valid http(s) url. */
export const URL_RULE = { schemes: ['http:', 'https:'] as const, errcode: 65317 } as const;

/**
 * All view/miniprogram urls of one menu may point at no more than `max` distinct registrable
 * domains.
 */
export const URL_DOMAIN_RULE = { max: 3, errcode: 65316 } as const;

/**
 * Errcode for a url whose domain the server refuses, per level. WeChat also answers it for a url
 * without an http(s) scheme — the usual mistake.
 */
export const URL_DOMAIN_ERRCODE: Readonly<Record<ButtonLevel, number>> = { top: 40055, sub: 40054 };

/**
 * Public suffixes with two labels that menus commonly use: `a.example.com.cn` and
 * `b.example.com.cn` are one registrable domain, `example.com.cn`. A compact list, not the full
 * Public Suffix List (which would weigh more than the whole menu feature); anything else is treated
 * as a one-label suffix (`example.com`).
 */
export const TWO_LEVEL_PUBLIC_SUFFIXES: ReadonlySet<string> = new Set([
  'com.cn',
  'net.cn',
  'org.cn',
  'gov.cn',
  'edu.cn',
  'ac.cn',
  'mil.cn',
  // The province-level suffixes of .cn (x.gd.cn and y.gd.cn belong to different owners).
  'bj.cn',
  'sh.cn',
  'tj.cn',
  'cq.cn',
  'he.cn',
  'sx.cn',
  'nm.cn',
  'ln.cn',
  'jl.cn',
  'hl.cn',
  'js.cn',
  'zj.cn',
  'ah.cn',
  'fj.cn',
  'jx.cn',
  'sd.cn',
  'ha.cn',
  'hb.cn',
  'hn.cn',
  'gd.cn',
  'gx.cn',
  'hi.cn',
  'sc.cn',
  'gz.cn',
  'yn.cn',
  'xz.cn',
  'sn.cn',
  'gs.cn',
  'qh.cn',
  'nx.cn',
  'xj.cn',
  'tw.cn',
  'hk.cn',
  'mo.cn',
  'com.hk',
  'net.hk',
  'org.hk',
  'edu.hk',
  'gov.hk',
  'idv.hk',
  'com.tw',
  'net.tw',
  'org.tw',
  'edu.tw',
  'gov.tw',
  'idv.tw',
  'game.tw',
  'ebiz.tw',
  'club.tw',
  'com.mo',
  'net.mo',
  'org.mo',
  'edu.mo',
  'gov.mo',
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'co.jp',
  'ne.jp',
  'or.jp',
  'ac.jp',
  'go.jp',
  'co.kr',
  'or.kr',
  'ac.kr',
  'go.kr',
  'com.au',
  'net.au',
  'org.au',
  'edu.au',
  'gov.au',
  'com.sg',
  'net.sg',
  'org.sg',
  'edu.sg',
  'gov.sg',
  'com.my',
  'net.my',
  'org.my',
  'co.nz',
  'org.nz',
  'com.br',
  'com.mx',
  'com.ar',
  'com.tr',
  'co.in',
  'co.id',
  'co.th',
  'com.vn',
  'com.ph',
]);

/**
 * The registrable domain of a host name: `ly.example.net` → `example.net`,
 * `a.example.com.cn` → `example.com.cn`. IP addresses are returned as they are. Undefined for a
 * host that has none — a single label (`localhost`), a bare public suffix (`com.cn`), an empty
 * label (`a..example.com`) — which WeChat refuses as an invalid url (65317).
 */
export function registrableDomain(host: string): string | undefined {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  if (h.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(h)) {
    return h;
  }
  const labels = h.split('.');
  if (labels.length < 2 || labels.some((l) => l.length === 0)) {
    return undefined;
  }
  const lastTwo = labels.slice(-2).join('.');
  const take = TWO_LEVEL_PUBLIC_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.length < take ? undefined : labels.slice(-take).join('.');
}
