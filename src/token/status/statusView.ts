// What the status-bar item shows for a token state: a pure mapping, so the state machine is
// tested without VS Code. statusBar.ts turns the view into a StatusBarItem and redraws only
// when the text (or colour) actually changes.
import type { FixAction } from '../../common/fixAction';
import { formatMessage, Localize } from '../../common/localize';
import { describeError, WeChatError } from '../../wechat/errors';
import { MissingCredentialsError } from '../../wechat/refusals';
import { TokenState } from '../manager';
import { isExpired, remainingMs } from '../policy';
import { CachedToken, TokenMode } from '../store';
import { formatRemaining, msUntilTextChanges } from './countdown';

export type StatusTone = 'normal' | 'warning' | 'error';

export type StatusKind = 'setup' | 'empty' | 'fetching' | 'valid' | 'expiring' | 'expired' | 'failed';

export interface StatusView {
  readonly kind: StatusKind;
  readonly text: string;
  readonly tone: StatusTone;
  readonly details: StatusDetails;
  /** When the text will change by itself (countdown); undefined if it will not. */
  readonly nextChangeInMs: number | undefined;
}

export interface StatusDetails {
  readonly appId?: string;
  readonly accountName?: string;
  readonly mode: TokenMode;
  readonly teamSource?: TeamSourceLabel;
  /** false: the source gave no expiry (a Redis key without TTL). */
  readonly expiryKnown?: boolean;
  readonly expiresAt?: number;
  readonly obtainedAt?: number;
  readonly lastError?: string;
  /** What the last error offers to fix it (the tooltip links to those it can); absent when none. */
  readonly lastErrorActions?: readonly FixAction[];
}

export interface StatusContext {
  readonly now: number;
  readonly marginMs: number;
  readonly mode: TokenMode;
  readonly accountName?: string;
  /** A team source the account reads from (shown instead of the mode): its kind and key or URL. */
  readonly teamSource?: TeamSourceLabel;
  readonly localize?: Localize;
}

export interface TeamSourceLabel {
  readonly kind: 'redis' | 'url';
  /** The key (with db) or URL read. */
  readonly where: string;
}

export function statusView(state: TokenState, context: StatusContext): StatusView {
  const localize = context.localize ?? formatMessage;
  const base = { mode: context.mode, accountName: context.accountName, teamSource: context.teamSource };
  if (state.kind === 'setup' || (state.kind === 'failed' && state.error instanceof MissingCredentialsError && !state.token)) {
    const appId = state.kind === 'failed' ? state.appId : undefined;
    return fixed('setup', localize('$(key) Set up WeChat'), 'normal', { ...base, appId });
  }
  if (state.kind === 'empty') return fixed('empty', localize('$(key) No token'), 'normal', { ...base, appId: state.appId });

  const token = state.token;
  const lastError = state.kind === 'failed' ? describeError(state.error, localize) : undefined;
  const actions = state.kind === 'failed' && state.error instanceof WeChatError ? state.error.actions : [];
  const details: StatusDetails = {
    ...base,
    appId: state.appId,
    ...tokenTimes(token),
    lastError,
    ...(actions.length > 0 ? { lastErrorActions: actions } : {}),
  };
  if (state.kind === 'fetching') {
    const countdown = token && !isExpired(token, context.now) ? ` ${formatRemaining(remainingMs(token, context.now), localize)}` : '';
    return fixed('fetching', `$(sync~spin)${countdown || ` ${localize('Fetching token…')}`}`, 'normal', details);
  }
  if (!token) return fixed('failed', localize('$(error) Token failed'), 'error', details);
  const left = remainingMs(token, context.now);
  if (left <= 0) {
    return fixed(state.kind === 'failed' ? 'failed' : 'expired', localize('$(key) Expired'), 'error', details);
  }
  if (token.expiryKnown === false) {
    // No countdown to show: the source said nothing about expiry (re-read periodically).
    const text = state.kind === 'failed' ? localize('$(error) expiry unknown') : localize('$(key) expiry unknown');
    return fixed(state.kind === 'failed' ? 'failed' : 'valid', text, state.kind === 'failed' ? 'error' : 'normal', details);
  }
  const countdown = formatRemaining(left, localize);
  const nextChangeInMs = Math.min(msUntilTextChanges(left), Math.max(1, left - context.marginMs + 1));
  if (state.kind === 'failed') {
    return { kind: 'failed', text: `$(error) ${countdown}`, tone: 'error', details, nextChangeInMs: msUntilTextChanges(left) };
  }
  const expiring = left <= context.marginMs;
  return {
    kind: expiring ? 'expiring' : 'valid',
    text: `$(key) ${countdown}`,
    tone: expiring ? 'warning' : 'normal',
    details,
    nextChangeInMs: expiring ? msUntilTextChanges(left) : nextChangeInMs,
  };
}

function tokenTimes(token: CachedToken | undefined): Pick<StatusDetails, 'expiresAt' | 'obtainedAt' | 'expiryKnown'> {
  if (!token) return {};
  return token.expiryKnown === false
    ? { obtainedAt: token.obtainedAt, expiryKnown: false }
    : { expiresAt: token.expiresAt, obtainedAt: token.obtainedAt };
}

function fixed(kind: StatusKind, text: string, tone: StatusTone, details: StatusDetails): StatusView {
  return { kind, text, tone, details, nextChangeInMs: undefined };
}
