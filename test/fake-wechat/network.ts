// Network diagnostics: get_api_domain_ip, getcallbackip and callback/check, with the platform's
// errcodes for the check (40201 no callback URL configured, 40202 invalid action, 40203 invalid
// check_operator). Written from WeChat's documentation, independently of src/.
//
// The callback check answers from fixed, plausible data: the callback URL's host "resolves" to two
// documentation addresses (RFC 5737) of two operators, each pinged without loss. Whether an account
// has a callback URL is per account (`FakeAccount.callbackUrl`, changeable with setCallbackUrl).

import { jsonBody, Replies } from './replies';
import { E, isRecord } from './rules';
import type { AccountState, Reply, RequestContext } from './types';

/** The check's errcodes, as WeChat's Network_Detection page lists them. */
export const NETWORK_ERRCODES = {
  NO_CALLBACK_URL: 40201,
  INVALID_ACTION: 40202,
  INVALID_CHECK_OPERATOR: 40203,
} as const;

const ERRMSG: Readonly<Record<number, string>> = {
  [NETWORK_ERRCODES.NO_CALLBACK_URL]: 'invalid url, please set callback url first',
  [NETWORK_ERRCODES.INVALID_ACTION]: 'invalid action',
  [NETWORK_ERRCODES.INVALID_CHECK_OPERATOR]: 'invalid check operator',
};

/** Accounts without a `callbackUrl` setting have this one configured. */
export const DEFAULT_CALLBACK_URL = 'https://callback.example.com/wechat';

/** API entry addresses (get_api_domain_ip): WeChat's own, in the shape the platform lists them. */
export const FAKE_API_DOMAIN_IPS: readonly string[] = [
  '101.89.47.18',
  '101.91.34.103',
  '101.226.212.27',
  '109.244.145.163',
  '112.60.20.142',
  '112.65.193.174',
  '183.3.224.120',
  '183.47.103.43',
];

/** Where WeChat's pushes come from (getcallbackip). */
export const FAKE_CALLBACK_IPS: readonly string[] = [
  '106.55.206.146',
  '113.96.233.143',
  '119.147.6.203',
  '121.51.130.112',
  '121.51.162.100',
  '183.47.98.28',
];

const ACTIONS = new Set(['dns', 'ping', 'all']);
const OPERATORS = new Set(['CHINANET', 'UNICOM', 'CAP', 'DEFAULT']);

/** What the callback host resolves to, with the operator each address belongs to. */
const RESOLVED: ReadonlyArray<{ ip: string; operator: string }> = [
  { ip: '203.0.113.10', operator: 'CHINANET' },
  { ip: '198.51.100.20', operator: 'UNICOM' },
];

export class Network {
  constructor(private readonly replies: Replies) {}

  /** GET /cgi-bin/get_api_domain_ip */
  apiDomainIp(): Reply {
    return this.replies.data({ ip_list: [...FAKE_API_DOMAIN_IPS] });
  }

  /** GET /cgi-bin/getcallbackip */
  callbackIp(): Reply {
    return this.replies.data({ ip_list: [...FAKE_CALLBACK_IPS] });
  }

  /** The account's configured callback URL, or undefined when none is configured. */
  callbackUrlOf(st: AccountState): string | undefined {
    const url = st.account.callbackUrl;
    return url === null ? undefined : (url ?? DEFAULT_CALLBACK_URL);
  }

  /** POST /cgi-bin/callback/check {action, check_operator}: the values first, then the account's URL. */
  check(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const action = body['action'];
    const operator = body['check_operator'];
    if (typeof action !== 'string' || !ACTIONS.has(action)) return this.err(NETWORK_ERRCODES.INVALID_ACTION);
    if (typeof operator !== 'string' || !OPERATORS.has(operator)) return this.err(NETWORK_ERRCODES.INVALID_CHECK_OPERATOR);
    if (this.callbackUrlOf(st) === undefined) return this.err(NETWORK_ERRCODES.NO_CALLBACK_URL);
    const answer: Record<string, unknown> = {};
    if (action !== 'ping') answer['dns'] = RESOLVED.map((r) => ({ ip: r.ip, real_operator: r.operator }));
    if (action !== 'dns') {
      answer['ping'] = RESOLVED.map((r, index) => ({
        ip: r.ip,
        // DEFAULT: the platform pings each address from its own operator's network.
        from_operator: operator === 'DEFAULT' ? r.operator : operator,
        package_loss: '0%',
        time: `${(operator === 'DEFAULT' || operator === r.operator ? 12.5 : 31.25) + index}ms`,
      }));
    }
    return this.replies.data(answer);
  }

  private err(errcode: number): Reply {
    return this.replies.err(errcode, ERRMSG[errcode]);
  }
}

/** Checks what tests hand to setCallbackUrl. */
export function checkCallbackUrlSetting(url: unknown): string | null {
  if (url === null) return null;
  if (typeof url === 'string' && /^https?:\/\/\S+$/.test(url)) return url;
  throw new Error(`setCallbackUrl: expected an http(s) URL or null, got ${isRecord(url) ? 'an object' : String(url)}`);
}
