// The one table from what the network stack reports to what went wrong. undici says little by
// itself ("fetch failed", "other side closed"); the interesting part is a `code` on the error, its
// `cause`, or — when a host has several addresses — on the members of an AggregateError, so every
// code along that chain is looked at. Both the WeChat client and the token-service source use it.

/**
 * What a request that produced no answer ran into, in the words the user can act on. `badProxy`
 * is decided before any connection (a proxy URL that is not http(s)), not from an error code.
 */
export type NetworkFault = 'dns' | 'tls' | 'refused' | 'reset' | 'timeout' | 'proxy' | 'badProxy' | 'unreachable';

export interface ClassifiedFault {
  readonly fault: NetworkFault;
  /** The code (or proxy status) that decided it, for the message and the log: never a secret. */
  readonly code: string;
}

const set = (...codes: string[]): ((code: string) => boolean) => {
  const known = new Set(codes);
  return (code) => known.has(code);
};

/** First match wins, so the more telling faults come first (a DNS failure is also "unreachable"). */
const FAULTS: ReadonlyArray<readonly [NetworkFault, (code: string) => boolean]> = [
  ['dns', set('ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA')],
  // Node's TLS and OpenSSL codes: certificate checks (CERT_*, UNABLE_TO_*, *SELF_SIGNED*) and handshakes.
  [
    'tls',
    (code) =>
      /^(ERR_TLS_|ERR_SSL_|ERR_OSSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|EPROTO$|HOSTNAME_MISMATCH$)/.test(
        code,
      ),
  ],
  ['proxy', (code) => code.startsWith('PROXY_')],
  ['timeout', set('UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT')],
  ['refused', set('ECONNREFUSED')],
  // "other side closed" is UND_ERR_SOCKET; a body cut short is a content-length mismatch.
  ['reset', set('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'ECONNABORTED')],
  ['unreachable', set('EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL')],
];

/** undici's tunnel failure has no code of its own, only this message. */
const PROXY_STATUS = /^Proxy response \((\d{3})\) !== 200/;

/** Classifies a transport error, or undefined when nothing in it is known. */
export function classifyNetworkError(error: unknown): ClassifiedFault | undefined {
  const codes = errorCodes(error);
  for (const [fault, test] of FAULTS) {
    const code = codes.find(test);
    if (code !== undefined) return { fault, code };
  }
  return undefined;
}

/** Every code along the error's causes and aggregated errors, outermost first (bounded). */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 16; seen++) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null) continue;
    const { code, cause, errors, message } = current as { code?: unknown; cause?: unknown; errors?: unknown; message?: unknown };
    const status = typeof message === 'string' ? PROXY_STATUS.exec(message)?.[1] : undefined;
    if (status) codes.push(`PROXY_${status}`);
    if (typeof code === 'string') codes.push(code);
    if (cause !== undefined) queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return codes;
}

/** undici's outer message is "fetch failed"; the innermost cause says what happened. */
export function innermostMessage(error: unknown): string {
  let current = error;
  for (let depth = 0; depth < 8 && current instanceof Error && current.cause instanceof Error; depth++) current = current.cause;
  return current instanceof Error ? current.message : String(error);
}
