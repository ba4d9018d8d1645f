// A request that produced no answer, as a TeamSourceError. What the network stack reported is
// classified by the WeChat layer's one table (src/wechat/networkFault.ts); this file only maps
// its faults onto the team-source failures.
import { WeChatNetworkError } from '../../../wechat/networkErrors';
import { classifyNetworkError, innermostMessage, NetworkFault } from '../../../wechat/networkFault';
import { Redactor } from '../../../wechat/redact';
import { TeamSourceError, TeamSourceFailure } from '../teamSourceError';
import { safeText } from './safeText';

const FAILURE_OF: Readonly<Record<NetworkFault, TeamSourceFailure>> = {
  dns: 'dns',
  tls: 'tls',
  timeout: 'timeout',
  refused: 'unreachable',
  reset: 'unreachable',
  proxy: 'unreachable',
  badProxy: 'misconfigured',
  unreachable: 'unreachable',
};

/** Maps a transport error (not a timeout of ours, not a cancellation) to the failure table. */
export function networkFailure(error: unknown, where: string, redactor: Redactor): TeamSourceError {
  // The real transport has classified what it saw already; another transport (tests) has not.
  const wrapped = error instanceof WeChatNetworkError;
  const classified = wrapped ? error.fault : classifyNetworkError(error);
  if (classified) return new TeamSourceError(FAILURE_OF[classified.fault], 'url', where, classified.code);
  // Unknown: still "could not connect", with the (redacted) message so the log shows what it was.
  const detail = wrapped ? error.detail : innermostMessage(error);
  return new TeamSourceError('unreachable', 'url', where, safeText(detail, redactor, 120) || 'network error');
}
