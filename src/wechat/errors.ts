// The base of every typed error: its brand (instanceof across bundles), what it says to the user,
// what the user can do, how the client and scheduler react. The errors themselves are in
// apiErrors.ts (WeChat's answers and the transport's failures: they carry the errcode table's texts,
// so only the lazily loaded bundles hold them) and refusals.ts (what this machine refused or lacks).
// None ever contains the AppSecret or an access_token (see redact.ts).
import { errorMessage } from '../common/errorMessage';
import { formatMessage, Localize } from '../common/localize';
import type { ErrcodeReaction, FixAction } from './errcodes';

/**
 * The brands of an error's classes. The activation bundle and a lazily loaded one (dist/team.js)
 * each hold their own copy of these classes, so `instanceof` compares brands — registered
 * globally with Symbol.for — instead of prototypes: an error thrown by one bundle is recognised
 * by the other.
 */
const BRANDS = Symbol.for('wechat-token-menu/error-brands');

/**
 * `instanceof` by brand name, for code that must not import the class: its module would bring its
 * message table into the activation bundle (TeamSourceError's lives in dist/team.js).
 */
export function hasErrorBrand(value: unknown, brand: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const brands = (value as { [BRANDS]?: unknown })[BRANDS];
  return Array.isArray(brands) && brands.includes(brand);
}

/** The errcode of WeChat's answer (a WeChatApiError), for code that must not import apiErrors.ts and its table. */
export function errcodeOf(error: unknown): number | undefined {
  const errcode = hasErrorBrand(error, 'WeChatApiError') ? (error as { errcode?: unknown }).errcode : undefined;
  return typeof errcode === 'number' ? errcode : undefined;
}

export abstract class WeChatError extends Error {
  /** Each subclass names itself here (class names do not survive minification). */
  static readonly brand: string = 'WeChatError';

  constructor(message: string) {
    super(message);
    const brands: string[] = [];
    for (let type: unknown = new.target; typeof type === 'function' && type !== Error; type = Object.getPrototypeOf(type)) {
      if (Object.hasOwn(type, 'brand')) brands.push((type as unknown as { brand: string }).brand);
    }
    Object.defineProperty(this, BRANDS, { value: brands });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasErrorBrand(value, this.brand);
  }

  /** One-line explanation for notifications, in the user's language. */
  abstract describe(localize?: Localize): string;

  /** What the notification offers to fix it (besides "Show Log"). */
  get actions(): readonly FixAction[] {
    return [];
  }

  /** How the client and the scheduler react: only errors that pass with time are retried. */
  get reaction(): ErrcodeReaction {
    return 'report';
  }
}

/**
 * An error the transport raises before it knows which API was asked (it sees only a URL): the
 * caller names the API with `at`. The classes live in networkErrors.ts, bundled with the
 * transport (dist/transport.js), so their texts cost the activation bundle nothing; the brands
 * let this bundle recognise them.
 */
export interface RaisedByTransport {
  at(apiPath: string): WeChatError;
}

export function isRaisedByTransport(error: unknown): error is WeChatError & RaisedByTransport {
  return error instanceof WeChatError && typeof (error as Partial<RaisedByTransport>).at === 'function';
}

/** Any error as one line for the user, without secrets. */
export function describeError(error: unknown, localize: Localize = formatMessage): string {
  if (error instanceof WeChatError) return error.describe(localize);
  return errorMessage(error);
}
