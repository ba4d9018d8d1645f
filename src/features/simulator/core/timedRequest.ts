// One HTTP exchange with the developer's server, bounded in time and classified: a response, or
// why there was none (timeout, connection refused, another network failure). The caller's own
// cancellation is not a result: it rejects, as cancellation does everywhere else.
import { Clock } from '../../../common/clock';
import { HttpRequest, HttpResponse, HttpTransport } from '../../../wechat/http';
import { ClassifiedFault, classifyNetworkError } from '../../../wechat/networkFault';

export type Exchange =
  | { readonly outcome: 'response'; readonly response: HttpResponse; readonly elapsedMs: number }
  | { readonly outcome: 'timeout'; readonly elapsedMs: number }
  | { readonly outcome: 'refused' | 'network'; readonly detail: string; readonly elapsedMs: number };

/**
 * What the network stack ran into. The transport already classified it (WeChatNetworkError carries
 * `fault`); a raw error from another transport is classified with the same table.
 */
function faultOf(err: unknown): ClassifiedFault | undefined {
  const carried = (err as { fault?: ClassifiedFault } | null)?.fault;
  return typeof carried === 'object' && carried !== null ? carried : classifyNetworkError(err);
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
    const fault = faultOf(err);
    if (fault?.fault === 'refused') return { outcome: 'refused', detail: fault.code, elapsedMs };
    return { outcome: 'network', detail: fault?.code ?? (err instanceof Error ? err.message : String(err)), elapsedMs };
  } finally {
    timer.cancel();
    signal?.removeEventListener('abort', onAbort);
  }
}
