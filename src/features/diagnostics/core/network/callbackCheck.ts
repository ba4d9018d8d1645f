// "Check Callback Network": WeChat's servers resolve the account's callback URL (dns) and/or ping
// it (ping) from the chosen operator's network, and report per address. It answers the question
// "WeChat says my server is unreachable — is it DNS, the route from one operator, or my server?".
import type { TokenCall } from '../../../../wechat/client';
import { CALLBACK_CHECK } from '../../../../wechat/endpoints';
import { UnexpectedAnswerError } from './unexpectedAnswer';

/** What WeChat checks: resolve the callback domain, ping it, or both. */
export const CHECK_ACTIONS = ['all', 'dns', 'ping'] as const;
export type CheckAction = (typeof CHECK_ACTIONS)[number];

/** From which network: China Telecom, China Unicom, Tencent's own (CAP), or chosen by the IP. */
export const CHECK_OPERATORS = ['DEFAULT', 'CHINANET', 'UNICOM', 'CAP'] as const;
export type CheckOperator = (typeof CHECK_OPERATORS)[number];

export const isCheckAction = (value: string): value is CheckAction => (CHECK_ACTIONS as readonly string[]).includes(value);
export const isCheckOperator = (value: string): value is CheckOperator => (CHECK_OPERATORS as readonly string[]).includes(value);

export interface DnsResult {
  readonly ip: string;
  /** The operator the resolved IP belongs to. */
  readonly realOperator: string;
}

export interface PingResult {
  readonly ip: string;
  /** The operator network the ping was sent from. */
  readonly fromOperator: string;
  /** As WeChat writes it, e.g. "0%". */
  readonly packageLoss: string;
  /** As WeChat writes it, e.g. "23.079ms". */
  readonly time: string;
}

export interface CallbackCheckResult {
  readonly action: CheckAction;
  readonly operator: CheckOperator;
  readonly dns: readonly DnsResult[];
  readonly ping: readonly PingResult[];
  /** ms epoch of the answer. */
  readonly checkedAt: number;
}

/** Runs the check; 40201 (no callback URL), 40202, 40203 come back as WeChatApiError. */
export async function checkCallback(
  call: TokenCall,
  action: CheckAction,
  operator: CheckOperator,
  now: () => number,
): Promise<CallbackCheckResult> {
  const { path } = CALLBACK_CHECK;
  const answer = await call<Record<string, unknown>>(CALLBACK_CHECK, { body: { action, check_operator: operator } });
  const dns = action === 'ping' ? [] : entries(answer, 'dns', path).map(dnsResult);
  const ping = action === 'dns' ? [] : entries(answer, 'ping', path).map(pingResult);
  return { action, operator, dns, ping, checkedAt: now() };
}

/** The share of lost packets as a number (0–100), or undefined when WeChat wrote something else. */
export function packetLossPercent(result: PingResult): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(result.packageLoss);
  return match ? Number(match[1]) : undefined;
}

/** The list the action asked for; an absent list is empty (nothing resolved), a non-list is wrong. */
function entries(answer: Record<string, unknown>, field: 'dns' | 'ping', path: string): Record<string, unknown>[] {
  const value = answer[field];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new UnexpectedAnswerError(path, field);
  return value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item));
}

function dnsResult(item: Record<string, unknown>): DnsResult {
  return { ip: text(item['ip']), realOperator: text(item['real_operator']) };
}

function pingResult(item: Record<string, unknown>): PingResult {
  return {
    ip: text(item['ip']),
    fromOperator: text(item['from_operator']),
    packageLoss: text(item['package_loss']),
    time: text(item['time']),
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
