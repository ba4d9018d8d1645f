// A request that produced no answer, as a TeamSourceError. undici reports the interesting part as
// a `code` on the error, its `cause`, or — when a host has several addresses — on the members of
// an AggregateError, so every code along that chain is looked at.
import { Redactor } from '../../../wechat/redact';
import { TeamSourceError, TeamSourceFailure } from '../teamSourceError';
import { safeText } from './safeText';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
/** Node's TLS and OpenSSL codes: certificate checks (CERT_*, UNABLE_TO_*, *SELF_SIGNED*) and handshakes. */
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|ERR_OSSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|EPROTO$|HOSTNAME_MISMATCH$)/;
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED',
]);

/** Maps a transport error (not a timeout of ours, not a cancellation) to the failure table. */
export function networkFailure(error: unknown, where: string, redactor: Redactor): TeamSourceError {
  const codes = errorCodes(error);
  const pick = (failure: TeamSourceFailure, test: (code: string) => boolean): TeamSourceError | undefined => {
    const code = codes.find(test);
    return code === undefined ? undefined : new TeamSourceError(failure, 'url', where, code);
  };
  return (
    pick('dns', (code) => DNS_CODES.has(code)) ??
    pick('tls', (code) => TLS_CODE.test(code)) ??
    pick('timeout', (code) => TIMEOUT_CODES.has(code)) ??
    pick('unreachable', (code) => UNREACHABLE_CODES.has(code)) ??
    // Unknown: still "could not connect", with the (redacted) message so the log shows what it was.
    new TeamSourceError('unreachable', 'url', where, safeText(innermostMessage(error), redactor, 120) || 'network error')
  );
}

/** Every string `code` on the error, its causes and aggregated errors, outermost first (bounded). */
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 16; seen++) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null) continue;
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') codes.push(code);
    if (cause !== undefined) queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return codes;
}

function innermostMessage(error: unknown): string {
  let current = error;
  for (let depth = 0; depth < 8; depth++) {
    const cause = current instanceof Error ? (current as Error & { cause?: unknown }).cause : undefined;
    if (!(cause instanceof Error)) break;
    current = cause;
  }
  return current instanceof Error ? current.message : String(error);
}
