// One phone's exchanges with the developer's server, and WeChat's retries of a late one: resolve
// the endpoint, send through the core, record the result in the conversation. vscode-free (`t`,
// the endpoints, the simulator factory and the log are injected), so the retry flow is unit-tested
// with a hand-driven clock instead of waiting 5 s per attempt.
import { errorMessage } from '../../../../common/errorMessage';
import type { Localize } from '../../../../common/localize';
import type { Logger } from '../../../../common/logger';
import type { ExchangeView } from '../../../menu';
import type { CallbackEndpoint, CallbackSimulator, SentMessage, SimulatedInbound } from '../types';
import { isCallbackHostRefused } from './callbackHost';
import { hostRefusedProblem, missingProblem } from './chatTexts';
import { type Conversation, type ExchangeRecord, WECHAT_RETRIES } from './conversation';
import type { EndpointState } from './endpointState';

export interface ExchangeHost {
  readonly endpoints: { resolve(): Promise<EndpointState> };
  readonly simulators: { create(endpoint: CallbackEndpoint): Promise<CallbackSimulator> };
  readonly openId: () => Promise<string>;
  readonly log: Pick<Logger, 'info' | 'error'>;
}

export interface RunnerHooks {
  /** Called with the Token and key of every endpoint used, so what is shown blanks them. */
  readonly remember: (...secrets: (string | undefined)[]) => void;
  /** Posts the chat view again (the exchange started, the reply came). */
  readonly refresh: () => Promise<void>;
  /** The panel closed: nothing more is sent. */
  readonly signal: AbortSignal;
}

export class ExchangeRunner {
  constructor(
    private readonly host: ExchangeHost,
    private readonly conversation: Conversation,
    private readonly t: Localize,
    private readonly hooks: RunnerHooks,
  ) {}

  async exchange(
    outgoing: string,
    inbound: SimulatedInbound,
    retry?: { readonly sent: SentMessage; readonly n: number },
  ): Promise<ExchangeView> {
    const record = this.conversation.start(outgoing, inbound, retry?.n);
    void this.hooks.refresh();
    await this.run(record, inbound, retry?.sent);
    await this.hooks.refresh();
    return this.conversation.exchangeView(record);
  }

  /** WeChat's retries of a late message: three more posts of the same message, one after another. */
  async retry(exchangeId: string): Promise<ExchangeView[]> {
    const first = this.conversation.get(exchangeId);
    const sent = this.conversation.sentOf(exchangeId);
    // The page only says which exchange; whether WeChat would retry it is decided here.
    if (!first?.inbound || !sent || !this.conversation.canRetry(first)) return [];
    first.retried = true;
    const views: ExchangeView[] = [];
    for (let n = 1; n <= WECHAT_RETRIES && !this.hooks.signal.aborted; n++) {
      views.push(await this.exchange(first.outgoing, first.inbound, { sent, n }));
    }
    return views;
  }

  private async run(record: ExchangeRecord, inbound: SimulatedInbound, retryOf: SentMessage | undefined): Promise<void> {
    const t = this.t;
    try {
      const state = await this.host.endpoints.resolve();
      if (!state.ok) {
        record.failure = missingProblem(state, t);
        return;
      }
      this.hooks.remember(state.endpoint.token, state.endpoint.encodingAesKey);
      const simulator = await this.host.simulators.create(state.endpoint);
      const openId = await this.host.openId();
      record.result = await simulator.send({ inbound, openId, ...(retryOf ? { retryOf } : {}) }, this.hooks.signal);
      this.host.log.info(
        `simulator: ${record.id} → ${state.endpoint.url} (${state.endpoint.mode}) ${record.result.exchange.status ?? 'no answer'} in ${record.result.elapsedMs} ms`,
      );
    } catch (error) {
      if (isCallbackHostRefused(error)) {
        this.host.log.info(`simulator: ${record.id} not sent: ${error.message}`);
        record.failure = hostRefusedProblem(error.from, error.to, t);
        return;
      }
      this.host.log.error(`simulator: ${record.id} failed: ${errorMessage(error)}`);
      record.failure = {
        message: this.conversation.scrub(t('The message could not be sent: {0}', errorMessage(error))),
        fix: t('See the log ("WeChat: Show Log") for details; check that the server is running and the URL is right.'),
      };
    }
  }
}
