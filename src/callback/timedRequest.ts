// One HTTP exchange with the developer's server, bounded in time and classified: a response, or
// why there was none (timeout, connection refused, another network failure). The caller's own
// cancellation is not a result: it rejects, as cancellation does everywhere else.
import { Clock } from '../common/clock';
import { HttpRequest, HttpResponse, HttpTransport } from '../wechat/http';

export type Exchange =
  | { readonly outcome: 'response'; readonly response: HttpResponse; readonly elapsedMs: number }
  | { readonly outcome: 'timeout'; readonly elapsedMs: number }
  | { readonly outcome: 'refused' | 'network'; readonly detail: string; readonly elapsedMs: number };

/** Error codes along an error's cause chain (undici wraps socket errors). */
function codesOf(err: unknown): string[] {
  const codes: string[] = [];
  for (let cur: unknown = err, depth = 0; cur && typeof cur === 'object' && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    cur = (cur as { cause?: unknown }).cause;
  }
  return codes;
}

export async function timedRequest(
  transport: HttpTransport,
  clock: Clock,
  request: Omit<HttpRequest, 'signal'>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Exchange> {
  signal?.throwIfAborted();
  const controller = new AbortController();
  let timedOut = false;
  const timer = clock.setTimer(() => {
    timedOut = true;
    controller.abort(new Error(`no answer within ${timeoutMs} ms`));
  }, timeoutMs);
  const onAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const started = clock.now();
  try {
    const response = await transport.request({ ...request, signal: controller.signal });
    return { outcome: 'response', response, elapsedMs: clock.now() - started };
  } catch (err) {
    const elapsedMs = clock.now() - started;
    if (timedOut) return { outcome: 'timeout', elapsedMs };
    if (signal?.aborted) throw err;
    if (codesOf(err).includes('ECONNREFUSED')) return { outcome: 'refused', detail: 'ECONNREFUSED', elapsedMs };
    const detail = err instanceof Error ? err.message : String(err);
    return { outcome: 'network', detail: [...new Set(codesOf(err))].join(', ') || detail, elapsedMs };
  } finally {
    timer.cancel();
    signal?.removeEventListener('abort', onAbort);
  }
}
