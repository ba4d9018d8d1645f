// Every way reading the team's token can fail, each with a message that names the source, the key
// or URL looked up, and what to do — never a credential or the token. One table states the text,
// the scheduler's reaction and the notification's actions per failure.
import { FixAction } from '../../common/fixAction';
import { formatMessage, Localize } from '../../common/localize';
import { ErrcodeReaction } from '../../wechat/errcodes';
import { WeChatError } from '../../wechat/errors';
import type { TeamTokenSource, TokenSourceKind } from './source';

export type TeamSourceFailure =
  /** The key does not exist (production has not fetched yet, or another prefix/layout). */
  | 'keyMissing'
  /** A value that is neither a token, a JSON-quoted token nor a JSON object with one. */
  | 'unknownFormat'
  /** Connection refused or reset. */
  | 'unreachable'
  /** The host name does not resolve. */
  | 'dns'
  /** No answer in time (connect or command). */
  | 'timeout'
  /** NOAUTH / WRONGPASS, or HTTP 401/403 from a token service. */
  | 'auth'
  /** NOPERM: the ACL user may not run a read command (GET, PTTL) on that key. */
  | 'noPermission'
  /** Certificate or handshake failure (rediss:// or https). */
  | 'tls'
  /** SELECT failed: the db number does not exist. */
  | 'wrongDb'
  /** A token service answered with an HTTP error. */
  | 'httpStatus'
  /** A token service answered with something that is not JSON (an HTML login page, a proxy). */
  | 'notJson'
  /** A token service answered JSON without an access_token (or with WeChat's errcode shape). */
  | 'noToken'
  /** WeChat rejected the team's token (40001/40014/42001) and a fresh read returned the same one. */
  | 'stale'
  /** The settings cannot work (no URL, a password inside the URL, http to a non-loopback host…). */
  | 'misconfigured'
  /** Force Refresh: a team source never asks WeChat for a new token. */
  | 'forceNotOffered'
  /** The credential was not sent: the URL points to another origin (host, port or scheme) than the one it was stored for. */
  | 'credentialHost'
  /** The credential was not sent: it is bound to no host yet, and only a command's read may bind it. */
  | 'credentialUnbound'
  /** A value in the token's place that is not one (shell syntax, too long, a 10 MB value, an expiry years ahead): refused, never stored. */
  | 'badToken';

interface FailureInfo {
  /** English template: {0} the source's name ("Redis", "token service"), {1} where (key or URL), {2} detail. */
  readonly message: string;
  readonly reaction: ErrcodeReaction;
  readonly actions: readonly FixAction[];
}

const TEXTS: Readonly<Record<TeamSourceFailure, FailureInfo>> = {
  keyMissing: {
    message:
      'The team\'s {0} has no token at {1}. Production may not have fetched one yet, or it uses another key prefix or layout: check the account\'s redis.layout / redis.key in "wechat.accounts".',
    reaction: 'wait',
    actions: ['accountsSetting', 'showTokenSource'],
  },
  unknownFormat: {
    message:
      "The value at {1} in the team's {0} is not a token format the extension knows ({2}). Expected a plain token, a JSON-quoted token or a JSON object with access_token.",
    reaction: 'report',
    actions: ['accountsSetting', 'showTokenSource'],
  },
  unreachable: {
    message:
      'Could not connect to the team\'s {0} for {1} ({2}). Check "wechat.redis.url" / "wechat.tokenService.url" and your network or VPN.',
    reaction: 'wait',
    actions: ['redisSettings', 'tokenServiceSettings'],
  },
  dns: {
    message:
      'The host of the team\'s {0} does not resolve ({2}). Check the host name in "wechat.redis.url" / "wechat.tokenService.url", or your VPN.',
    reaction: 'wait',
    actions: ['redisSettings', 'tokenServiceSettings'],
  },
  timeout: {
    message: "The team's {0} did not answer in time for {1}. Check the network or VPN; the last token is kept while it is valid.",
    reaction: 'wait',
    actions: ['redisSettings', 'tokenServiceSettings'],
  },
  auth: {
    message: "The team's {0} refused the credentials for {1} ({2}). Set the user name and password again.",
    reaction: 'report',
    actions: ['setRedisPassword', 'setTokenServiceCredential'],
  },
  noPermission: {
    message: 'The Redis user may not read {1} ({2}). Ask for an ACL that allows +get +pttl on that key.',
    reaction: 'report',
    actions: ['setRedisPassword', 'showTokenSource'],
  },
  tls: {
    message:
      "The TLS connection to the team's {0} failed ({2}). Check rediss:// / https, the port, and the certificate (NODE_EXTRA_CA_CERTS for a private CA).",
    reaction: 'report',
    actions: ['redisSettings', 'tokenServiceSettings'],
  },
  wrongDb: {
    message: 'The team\'s Redis has no database {2}. Fix the /db part of "wechat.redis.url".',
    reaction: 'report',
    actions: ['redisSettings'],
  },
  httpStatus: {
    message: "The team's token service answered {1} with HTTP {2}.",
    reaction: 'wait',
    actions: ['tokenServiceSettings', 'showTokenSource'],
  },
  notJson: {
    message:
      'The team\'s token service answered {1} with something that is not JSON ({2}). A login page or proxy may be in the way; check "wechat.tokenService.url".',
    reaction: 'report',
    actions: ['tokenServiceSettings'],
  },
  noToken: {
    message: "The team's token service answered {1} without an access_token ({2}).",
    reaction: 'report',
    actions: ['tokenServiceSettings', 'showTokenSource'],
  },
  stale: {
    message:
      "WeChat rejected the team's shared token from {1}, and reading the {0} again returned the same token. Production's token is stale: ask whoever runs the backend to refresh it.",
    reaction: 'report',
    actions: ['showTokenSource'],
  },
  misconfigured: {
    message: "The team's {0} is not set up correctly: {2}",
    reaction: 'report',
    actions: ['accountsSetting', 'redisSettings', 'tokenServiceSettings'],
  },
  forceNotOffered: {
    message:
      'This account reads its token from the team\'s {0} ({1}): the extension never asks WeChat for a new one, so it cannot force a refresh. Use "Refresh Access Token" to read it again; a leaked token must be replaced by production.',
    reaction: 'report',
    actions: ['showTokenSource'],
  },
  credentialHost: {
    message:
      'The credential of the team\'s {0} was not sent to {1}: it was stored for {2}. In a remote window (SSH, dev container, WSL) the URL setting comes from the remote machine. Run "Refresh Access Token" to be asked, or set the credential again for the new host.',
    reaction: 'report',
    actions: ['redisSettings', 'tokenServiceSettings', 'setRedisPassword', 'setTokenServiceCredential'],
  },
  badToken: {
    message:
      "The value at {1} in the team's {0} was refused: {2}. WeChat's access tokens are at most 512 characters of A-Z, a-z, 0-9, _ and -, and expire within two days. Nothing was used or stored; ask whoever runs the backend what wrote it.",
    reaction: 'report',
    actions: ['showTokenSource', 'accountsSetting'],
  },
  credentialUnbound: {
    message:
      'The credential of the team\'s {0} is not bound to a host yet, and a background read does not send it to {1}. If {1} is the team\'s server, run "Refresh Access Token": the credential is sent and kept for that host. Otherwise fix "wechat.redis.url" / "wechat.tokenService.url" first.',
    reaction: 'report',
    actions: ['redisSettings', 'tokenServiceSettings'],
  },
};

/** Which actions fit a source: Redis failures do not offer the token service's settings, and back. */
const ACTIONS_OF: Readonly<Record<Exclude<TokenSourceKind, 'wechat'>, ReadonlySet<FixAction>>> = {
  redis: new Set(['accountsSetting', 'redisSettings', 'setRedisPassword', 'showTokenSource', 'switchAccount']),
  url: new Set(['accountsSetting', 'tokenServiceSettings', 'setTokenServiceCredential', 'showTokenSource', 'switchAccount']),
};

export class TeamSourceError extends WeChatError {
  static override readonly brand: string = 'TeamSourceError';
  constructor(
    readonly failure: TeamSourceFailure,
    readonly source: Exclude<TokenSourceKind, 'wechat'>,
    /** The key (with db) or URL looked up, without credentials. */
    readonly where: string,
    /** A short, secret-free detail: the server's error code, HTTP status, the shape seen. */
    readonly detail = '',
  ) {
    super(`team ${source} ${failure} at ${where}${detail ? `: ${detail}` : ''}`);
    this.name = 'TeamSourceError';
  }

  override get reaction(): ErrcodeReaction {
    return TEXTS[this.failure].reaction;
  }

  override get actions(): readonly FixAction[] {
    return TEXTS[this.failure].actions.filter((action) => ACTIONS_OF[this.source].has(action));
  }

  describe(localize: Localize = formatMessage): string {
    const sourceName = this.source === 'redis' ? localize('Redis') : localize('token service');
    return localize(TEXTS[this.failure].message, sourceName, this.where, this.detail);
  }
}

/** Every English template, for the l10n test. */
export const TEAM_SOURCE_TEXTS: readonly string[] = Object.values(TEXTS).map((info) => info.message);

/** TeamTokenSource.refusal for every source: the failure, named with the source's key or URL. */
export function refusalOf(source: TeamTokenSource, kind: 'forceNotOffered' | 'stale', appId: string, detail?: string): TeamSourceError {
  return new TeamSourceError(kind, source.kind, source.describe(appId), detail);
}
