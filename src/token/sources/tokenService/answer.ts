// What a token service's answer means: a token with its expiry, or a TeamSourceError that says what
// came back (status, content type, the keys seen, an errcode) without a single value that could be
// a secret. Pure: the caller passes the time the request was sent.
import { Redactor } from '../../../wechat/redact';
import { accessTokenProblem, MAX_TOKEN_LIFETIME_MS } from '../../../wechat/tokenValue';
import type { SourcedToken } from '../source';
import { TeamSourceError, TeamSourceFailure } from '../teamSourceError';
import { keysSeen, safeText } from './safeText';

/** WeChat hands out 7200 s; anything beyond two days is a unit mix-up (ms for s) or garbage (the one cap, tokenValue.ts). */
const MAX_LIFETIME_S = MAX_TOKEN_LIFETIME_MS / 1000;
/** expires_at below this is seconds since the epoch (1e11 s is the year 5138, 1e11 ms is 1973). */
const SECONDS_LIMIT = 1e11;
/** `code` values that mean success in wrapped answers: 0 by convention, 200 in many Java backends. */
const OK_CODES = new Set(['0', '200']);

const TOKEN_KEYS = ['access_token', 'accessToken'] as const;
const EXPIRES_IN_KEYS = ['expires_in', 'expiresIn'] as const;
const EXPIRES_AT_KEYS = ['expires_at', 'expiresAt', 'expireTime'] as const;

export interface AnswerContext {
  /** The URL as shown (TeamSourceError.where). */
  readonly where: string;
  /** When the request was sent: expires_in counts from no later than this, so it errs early. */
  readonly sentAt: number;
  readonly redactor: Redactor;
}

export interface ServiceAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export function interpretAnswer(answer: ServiceAnswer, context: AnswerContext): SourcedToken {
  const fail = (failure: TeamSourceFailure, detail: string): TeamSourceError => new TeamSourceError(failure, 'url', context.where, detail);
  const json = parseJsonObject(answer.body);
  const summary = json ? errorSummary(json, context.redactor) : undefined;
  const { status } = answer;

  if (status === 401 || status === 403) throw fail('auth', `HTTP ${status}${summary ? `, ${summary}` : ''}`);
  // undici does not follow redirects, and a token service that redirects is sending a browser to SSO.
  if (status >= 300 && status < 400) throw fail('notJson', `HTTP ${status}, a redirect (not followed) — usually to a login page`);
  if (status < 200 || status >= 300) throw fail('httpStatus', `${status}${summary ? ` (${summary})` : ''}`);
  if (!json) throw fail('notJson', `HTTP ${status}, ${answer.contentType ? `content type ${answer.contentType}` : 'no content type'}`);
  return tokenFromJson(json, context, fail);
}

function tokenFromJson(
  json: Record<string, unknown>,
  context: AnswerContext,
  fail: (failure: TeamSourceFailure, detail: string) => TeamSourceError,
): SourcedToken {
  // WeChat's own error shape, passed through by a service that proxies /cgi-bin/token.
  const errcode = json['errcode'];
  if (errcode !== undefined && errcode !== null && errcode !== 0 && errcode !== '0') {
    throw fail('noToken', errorSummary(json, context.redactor) ?? 'an errcode');
  }

  let body = json;
  let wrapped = false;
  if (!TOKEN_KEYS.some((key) => key in json)) {
    const code = json['code'];
    if (code !== undefined && !OK_CODES.has(String(code))) {
      throw fail('noToken', errorSummary(json, context.redactor) ?? `code ${safeText(String(code), context.redactor, 20)}`);
    }
    const data = json['data'];
    if (!isObject(data)) throw fail('noToken', keysSeen(json));
    body = data;
    wrapped = true;
  }

  const tokenKey = TOKEN_KEYS.find((key) => key in body);
  if (tokenKey === undefined) throw fail('noToken', keysSeen(body, wrapped ? 'keys seen in data' : 'keys seen'));
  const token = body[tokenKey];
  // The one token check of every source: length and WeChat's character set, so no shell syntax.
  // A string that is not a token (too long, shell syntax) is refused as such; no string at all is "no token".
  const problem = accessTokenProblem(token);
  if (problem !== undefined || typeof token !== 'string') {
    throw fail(typeof token === 'string' && token !== '' ? 'badToken' : 'noToken', `${tokenKey} ${problem ?? 'is not a string'}`);
  }

  const expiry = readExpiry(body, context.sentAt, fail);
  const keys = `{${tokenKey}${expiry.key ? `, ${expiry.key}` : ''}}`;
  return {
    accessToken: token,
    expiresAt: expiry.expiresAt,
    format: wrapped ? `wrapped {code, data: ${keys}}` : `JSON ${keys}`,
  };
}

interface Expiry {
  readonly expiresAt: number | undefined;
  readonly key?: string;
}

function readExpiry(
  body: Record<string, unknown>,
  sentAt: number,
  fail: (failure: TeamSourceFailure, detail: string) => TeamSourceError,
): Expiry {
  // A relative lifetime first: it does not depend on the service's clock agreeing with ours.
  const inKey = EXPIRES_IN_KEYS.find((key) => body[key] !== undefined && body[key] !== null);
  if (inKey) {
    const seconds = numberOf(body[inKey]);
    if (seconds === undefined || seconds <= 0 || seconds > MAX_LIFETIME_S) {
      throw fail('noToken', `${inKey} ${describeNumber(body[inKey])} is not a lifetime between 1 and ${MAX_LIFETIME_S} seconds`);
    }
    return { expiresAt: sentAt + Math.round(seconds * 1000), key: inKey };
  }
  const atKey = EXPIRES_AT_KEYS.find((key) => body[key] !== undefined && body[key] !== null);
  if (atKey) {
    const value = numberOf(body[atKey]);
    const expiresAt = value === undefined ? undefined : value < SECONDS_LIMIT ? value * 1000 : value;
    if (expiresAt === undefined || expiresAt <= sentAt || expiresAt > sentAt + MAX_LIFETIME_S * 1000) {
      const when = expiresAt === undefined ? describeNumber(body[atKey]) : new Date(expiresAt).toISOString();
      throw fail('noToken', `${atKey} ${when} is not within the next ${MAX_LIFETIME_S / 3600} hours (check the clocks, and seconds vs ms)`);
    }
    return { expiresAt: Math.round(expiresAt), key: atKey };
  }
  // No expiry at all: the scheduler shows "expiry unknown" and re-reads periodically.
  return { expiresAt: undefined };
}

/** A finite number, or a string of digits (PHP and some gateways send numbers as strings). */
function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/** A lifetime value for a message: numbers as they are, anything else by its type only. */
function describeNumber(value: unknown): string {
  return typeof value === 'number' ? String(value) : `(${value === null ? 'null' : typeof value})`;
}

/**
 * `errcode N errmsg …` (WeChat's shape) or `code N msg …` (wrapped answers), redacted; undefined
 * when the body says neither.
 */
function errorSummary(json: Record<string, unknown>, redactor: Redactor): string | undefined {
  const text = (value: unknown): string => safeText(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''), redactor, 120);
  if (json['errcode'] !== undefined) {
    const message = json['errmsg'] ?? json['message'];
    return `errcode ${text(json['errcode'])}${message !== undefined ? ` errmsg ${text(message)}` : ''}`;
  }
  const code = json['code'];
  const message = json['msg'] ?? json['message'] ?? json['error'];
  if (code === undefined && message === undefined) return undefined;
  return [code !== undefined ? `code ${text(code)}` : '', message !== undefined ? `message ${text(message)}` : '']
    .filter(Boolean)
    .join(' ');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    // A BOM in front is what some Windows-hosted services send; JSON.parse rejects it.
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
