// The CallbackSimulator over the project's HttpTransport: builds what WeChat would push (signed,
// encrypted in compatible and safe mode), posts it to the developer's server and reads the answer
// with WeChat's rules. Clock and randomness are injected, so tests are deterministic.
import { Clock, systemClock } from '../../../common/clock';
import { HttpTransport } from '../../../wechat/http';
import { AesKey, encryptMessage } from './crypto/messageCrypto';
import { msgSignature, urlSignature } from './crypto/signature';
import { checkEndpoint } from './endpointCheck';
import { blamesToken, handshakeProblems, noAnswerProblem } from './handshake';
import { problem } from './problems';
import { randomDigits, RandomSource, systemRandom } from './random';
import { readReply } from './reply/readReply';
import { newsLimit } from './reply/replyMessage';
import { signedUrl } from './signedUrl';
import { timedRequest } from './timedRequest';
import {
  CallbackEndpoint,
  CallbackSimulator,
  HandshakeResult,
  hasMsgId,
  RawExchange,
  SentMessage,
  SimulationProblem,
  SimulationRequest,
  SimulationResult,
} from './types';
import { buildInboundXml } from './xml/inboundXml';
import { postedBody } from './xml/postedBody';

/** WeChat waits this long for a reply before it counts none and retries. */
export const WECHAT_REPLY_DEADLINE_MS = 5_000;
/** After a missed deadline WeChat pushes the same message up to this many more times. */
export const WECHAT_RETRIES = 3;
/** How long the simulator waits at most, so a late reply can still be shown for what it was. */
export const DEFAULT_SIMULATOR_TIMEOUT_MS = 15_000;

export interface SimulatorOptions {
  readonly clock?: Clock;
  readonly random?: RandomSource;
  /** Abort the request after this long (default 15 s); replies after 5 s count as late anyway. */
  readonly timeoutMs?: number;
}

const FAILED = { kind: 'none', why: 'failed' } as const;

export class HttpCallbackSimulator implements CallbackSimulator {
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly timeoutMs: number;

  constructor(
    private readonly endpoint: CallbackEndpoint,
    private readonly transport: HttpTransport,
    options: SimulatorOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? systemRandom;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_SIMULATOR_TIMEOUT_MS;
  }

  async send(request: SimulationRequest, signal?: AbortSignal): Promise<SimulationResult> {
    const sent = this.message(request);
    const check = checkEndpoint(this.endpoint, true);
    if (!check.ok) return this.unsent(sent, check.problems);
    const push = this.signedPush(sent, request.openId, check.aes);
    const exchange = await timedRequest(
      this.transport,
      this.clock,
      { method: 'POST', url: push.requestUrl, body: push.postedBody, headers: { 'Content-Type': 'text/xml' } },
      this.timeoutMs,
      signal,
    );
    if (exchange.outcome !== 'response') {
      // No answer in time is what WeChat calls late; no answer at all is a failed push.
      const reply = exchange.outcome === 'timeout' ? ({ kind: 'none', why: 'late' } as const) : FAILED;
      const problems = [noAnswerProblem(exchange, push.requestUrl, this.timeoutMs)];
      return { sent, reply, problems, elapsedMs: exchange.elapsedMs, exchange: { ...push, responseBody: '' } };
    }
    const { response, elapsedMs } = exchange;
    const raw: RawExchange = { ...push, status: response.status, responseBody: response.body };
    if (response.status !== 200) {
      return { sent, reply: FAILED, problems: [await this.diagnoseRejection(response.status, signal)], elapsedMs, exchange: raw };
    }
    const read = readReply(response.body, {
      mode: this.endpoint.mode,
      token: this.endpoint.token,
      appId: this.endpoint.appId,
      ...(check.aes ? { aes: check.aes } : {}),
      openId: request.openId,
      accountUserName: this.endpoint.accountUserName,
      maxArticles: newsLimit(request.inbound),
    });
    const exchangeRecord = read.decryptedXml !== undefined ? { ...raw, decryptedReplyXml: read.decryptedXml } : raw;
    // A late reply is still read, so its other problems show too, but the follower never sees it.
    if (elapsedMs > WECHAT_REPLY_DEADLINE_MS) {
      return {
        sent,
        reply: { kind: 'none', why: 'late' },
        problems: [problem('late', elapsedMs), ...read.problems],
        elapsedMs,
        exchange: exchangeRecord,
      };
    }
    return { sent, reply: read.reply, problems: read.problems, elapsedMs, exchange: exchangeRecord };
  }

  async verifyUrl(signal?: AbortSignal): Promise<HandshakeResult> {
    const check = checkEndpoint(this.endpoint, false);
    if (!check.ok) return { ok: false, problems: check.problems, requestUrl: this.endpoint.url, responseBody: '', elapsedMs: 0 };
    const timestamp = this.timestamp();
    const nonce = randomDigits(this.random, 10);
    const echostr = randomDigits(this.random, 19);
    const requestUrl = signedUrl(this.endpoint.url, {
      signature: urlSignature(this.endpoint.token, timestamp, nonce),
      echostr,
      timestamp,
      nonce,
    });
    const exchange = await timedRequest(this.transport, this.clock, { method: 'GET', url: requestUrl }, this.timeoutMs, signal);
    const problems = handshakeProblems(exchange, echostr, requestUrl, this.timeoutMs);
    const response = exchange.outcome === 'response' ? exchange.response : undefined;
    return {
      ok: problems.length === 0,
      problems,
      requestUrl,
      ...(response ? { status: response.status } : {}),
      responseBody: response?.body ?? '',
      elapsedMs: exchange.elapsedMs,
    };
  }

  /** The message to push: the retried one unchanged, or a new one stamped now. */
  private message(request: SimulationRequest): SentMessage {
    if (request.retryOf) return request.retryOf;
    const createTime = Math.floor(this.clock.now() / 1000);
    // 18 digits: a MsgId is a 64-bit integer, and 18 digits always fit in a signed one.
    const msgId = hasMsgId(request.inbound) ? randomDigits(this.random, 18) : undefined;
    const xml = buildInboundXml(request.inbound, {
      toUserName: this.endpoint.accountUserName,
      fromUserName: request.openId,
      createTime,
      ...(msgId !== undefined ? { msgId } : {}),
    });
    return { ...(msgId !== undefined ? { msgId } : {}), createTime, xml };
  }

  /** The signed URL and body of one push; a retry gets a fresh timestamp, nonce and ciphertext. */
  private signedPush(sent: SentMessage, openId: string, aes: AesKey | undefined): Omit<RawExchange, 'responseBody'> {
    const { endpoint } = this;
    const timestamp = this.timestamp();
    const nonce = randomDigits(this.random, 10);
    const params: Record<string, string> = { signature: urlSignature(endpoint.token, timestamp, nonce), timestamp, nonce, openid: openId };
    let encrypt: string | undefined;
    if (endpoint.mode !== 'plaintext' && aes) {
      encrypt = encryptMessage(sent.xml, endpoint.appId, aes, this.random);
      params['encrypt_type'] = 'aes';
      params['msg_signature'] = msgSignature(endpoint.token, timestamp, nonce, encrypt);
    }
    return {
      requestUrl: signedUrl(endpoint.url, params),
      requestXml: sent.xml,
      postedBody: postedBody(endpoint.mode, sent.xml, endpoint.accountUserName, encrypt),
    };
  }

  private timestamp(): string {
    return String(Math.floor(this.clock.now() / 1000));
  }

  private unsent(sent: SentMessage, problems: readonly SimulationProblem[]): SimulationResult {
    const exchange = { requestUrl: this.endpoint.url, requestXml: sent.xml, postedBody: '', responseBody: '' };
    return { sent, reply: FAILED, problems, elapsedMs: 0, exchange };
  }

  /**
   * A push the server refused says little on its own; the URL check tells the Token apart from
   * the key: if the server accepts the check, the Token matches and the encryption is to blame.
   */
  private async diagnoseRejection(status: number, signal?: AbortSignal): Promise<SimulationProblem> {
    if (status < 400) return problem('httpStatus', status);
    const probe = await this.verifyUrl(signal);
    if (probe.ok) {
      return this.endpoint.mode === 'plaintext'
        ? problem('httpStatus', status)
        : problem('rejectedEncrypted', status, this.endpoint.appId, this.endpoint.mode);
    }
    return blamesToken(probe.problems) ? problem('rejectedToken', status) : problem('httpStatus', status);
  }
}
