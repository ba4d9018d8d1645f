// "Show WeChat Server IPs": the API entry addresses (what a server's outbound firewall must allow
// to reach api.weixin.qq.com) and the addresses WeChat pushes callbacks from (what the inbound
// rules of the callback server must allow). WeChat changes both and advises fetching them daily,
// so the result carries when it was fetched.
import type { TokenCall } from '../../../../wechat/client';
import { API_DOMAIN_IP, CALLBACK_IP, Endpoint } from '../../../../wechat/endpoints';
import { UnexpectedAnswerError } from './unexpectedAnswer';

export interface ServerIps {
  /** get_api_domain_ip: the API entry IPs (outbound rules). */
  readonly apiIps: readonly string[];
  /** getcallbackip: where WeChat's pushes come from (inbound rules). */
  readonly callbackIps: readonly string[];
  /** ms epoch when both lists had arrived. */
  readonly fetchedAt: number;
}

/** Fetches both lists, one after the other so a stale token is refreshed once, not twice. */
export async function fetchServerIps(call: TokenCall, now: () => number): Promise<ServerIps> {
  const apiIps = await ipList(call, API_DOMAIN_IP);
  const callbackIps = await ipList(call, CALLBACK_IP);
  return { apiIps, callbackIps, fetchedAt: now() };
}

async function ipList(call: TokenCall, endpoint: Endpoint): Promise<string[]> {
  const answer = await call<{ ip_list?: unknown }>(endpoint);
  const list = answer.ip_list;
  if (!Array.isArray(list) || !list.every((ip): ip is string => typeof ip === 'string')) {
    throw new UnexpectedAnswerError(endpoint.path, 'ip_list');
  }
  // The lists hold a few hundred entries, some repeated across answers: one of each, in order.
  return [...new Set(list.map((ip) => ip.trim()).filter((ip) => ip.length > 0))];
}
