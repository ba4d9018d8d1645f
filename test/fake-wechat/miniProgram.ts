// Mini program endpoints and the two AppSecret exchanges: wxa/getwxacodeunlimit (a PNG, or JSON on
// failure: 40169 bad scene, 41030 page not in the published version, 40097 width out of 280–1280),
// wxa/generatescheme and wxa/generate_urllink (≤30 days, query ≤1024 characters), wxa/msg_sec_check
// (scene 1–4 else 40129, unknown openid 43104, content ≤2500), sns/oauth2/access_token and
// sns/jscode2session (no token: appid + secret + a code issued by the test, single use: 40029, 40163).
import { randomBytes } from 'node:crypto';

import type { Accounts } from './accounts';
import { apiErr, isInt } from './apiReply';
import { AE, API_LIMITS, charLength } from './apiRules';
import type { ApiState } from './apiState';
import { patternPng } from './png';
import { jsonBody, type Replies } from './replies';
import { E, isRecord } from './rules';
import type { AccountState, Reply, RequestContext } from './types';

/** Pages of the fake's "published" mini program. */
export const PUBLISHED_PAGES: readonly string[] = ['pages/index/index', 'pages/detail/detail'];
const ENV_VERSIONS: readonly string[] = ['release', 'trial', 'develop'];

export class MiniProgram {
  /** Codes a test issued (issueCode), by code: whose, and whether used. */
  private readonly codes = new Map<string, { appId: string; openid: string; used: boolean }>();

  constructor(
    private readonly state: ApiState,
    private readonly accounts: Accounts,
    private readonly replies: Replies,
  ) {}

  /** A web-authorisation or wx.login code for a user of the account, as WeChat would hand the page. */
  issueCode(appId: string, openid: string): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { appId, openid, used: false });
    return code;
  }

  wxacodeUnlimited(ctx: RequestContext): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const scene = body['scene'];
    if (typeof scene !== 'string' || charLength(scene) > API_LIMITS.wxacodeSceneMax || !API_LIMITS.wxacodeScene.test(scene))
      return apiErr(this.replies, AE.INVALID_SCENE);
    const bad = this.checkPage(body['page'], body['check_path'] !== false, body['env_version']);
    if (bad) return bad;
    const width = body['width'];
    if (width !== undefined && (!isInt(width) || width < API_LIMITS.wxacodeWidthMin || width > API_LIMITS.wxacodeWidthMax))
      return apiErr(this.replies, AE.INVALID_ARGS);
    return { status: 200, body: patternPng(`wxacode:${scene}`), contentType: 'image/png' };
  }

  generateScheme(ctx: RequestContext): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const jump = body['jump_wxa'];
    if (jump !== undefined && !isRecord(jump)) return apiErr(this.replies, AE.INVALID_ARGS);
    const bad = this.checkLink(isRecord(jump) ? jump : {}, body);
    return bad ?? this.replies.ok({ openlink: `weixin://dl/business/?t=${randomBytes(8).toString('base64url')}` });
  }

  generateUrlLink(ctx: RequestContext): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    return this.checkLink(body, body) ?? this.replies.ok({ url_link: `https://wxaurl.cn/${randomBytes(6).toString('base64url')}` });
  }

  msgSecCheck(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    if (body['version'] !== 2) return apiErr(this.replies, AE.INVALID_ARGS);
    const scene = body['scene'];
    if (!isInt(scene) || scene < 1 || scene > 4) return apiErr(this.replies, AE.INVALID_SEC_SCENE);
    if (!this.state.follower(st.account.appId, body['openid'])) return apiErr(this.replies, AE.OPENID_APPID_MISMATCH);
    const content = body['content'];
    if (typeof content !== 'string' || charLength(content) > API_LIMITS.secCheckContentMax) return apiErr(this.replies, AE.INVALID_ARGS);
    return this.replies.ok({ trace_id: randomBytes(12).toString('hex'), result: { suggest: 'pass', label: 100 }, detail: [] });
  }

  oauthAccessToken(ctx: RequestContext): Reply {
    const user = this.exchange(ctx, ctx.query['code']);
    if (!('openid' in user)) return user;
    return this.replies.data({
      access_token: `sns_${randomBytes(24).toString('base64url')}`,
      expires_in: 7200,
      refresh_token: `ref_${randomBytes(24).toString('base64url')}`,
      openid: user.openid,
      scope: 'snsapi_base',
    });
  }

  jscode2session(ctx: RequestContext): Reply {
    const user = this.exchange(ctx, ctx.query['js_code']);
    if (!('openid' in user)) return user;
    return this.replies.data({ openid: user.openid, session_key: randomBytes(16).toString('base64') });
  }

  /** appid and secret like the token endpoints (41002/41004/40013/40125), then the single-use code. */
  private exchange(ctx: RequestContext, code: string | undefined): { openid: string } | Reply {
    const appId = ctx.query['appid'];
    const secret = ctx.query['secret'];
    if (!appId) return this.replies.err(E.APPID_MISSING);
    if (!secret) return this.replies.err(E.APPSECRET_MISSING);
    const st = this.accounts.find(appId);
    if (!st) return this.replies.err(E.INVALID_APPID);
    if (st.account.secret !== secret) return this.replies.err(E.INVALID_APPSECRET);
    const issued = code === undefined ? undefined : this.codes.get(code);
    if (!issued || issued.appId !== appId) return apiErr(this.replies, AE.INVALID_CODE);
    if (issued.used) return apiErr(this.replies, AE.CODE_USED);
    issued.used = true;
    return { openid: issued.openid };
  }

  private checkLink(target: Record<string, unknown>, body: Record<string, unknown>): Reply | undefined {
    const bad = this.checkPage(target['path'], true, target['env_version']);
    if (bad) return bad;
    const query = target['query'];
    if (query !== undefined && (typeof query !== 'string' || charLength(query) > API_LIMITS.linkQueryMax))
      return apiErr(this.replies, AE.INVALID_ARGS);
    const days = body['expire_interval'];
    if (days !== undefined && (!isInt(days) || days < 1 || days > API_LIMITS.linkMaxDays)) return apiErr(this.replies, AE.INVALID_ARGS);
    return undefined;
  }

  /** A page must be published (unless check_path is false or the version is not release), without "/" or query. */
  private checkPage(page: unknown, checkPath: boolean, env: unknown): Reply | undefined {
    if (env !== undefined && (typeof env !== 'string' || !ENV_VERSIONS.includes(env))) return apiErr(this.replies, AE.INVALID_ARGS);
    if (page === undefined || page === '') return undefined;
    if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) return apiErr(this.replies, AE.INVALID_PAGE);
    if (checkPath && (env === undefined || env === 'release') && !PUBLISHED_PAGES.includes(page))
      return apiErr(this.replies, AE.INVALID_PAGE);
    return undefined;
  }
}
