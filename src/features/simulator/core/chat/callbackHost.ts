// Where the callback Token and EncodingAESKey may be used. `wechat.simulator.callbacks` is
// machine-scoped, so in a remote window (SSH, dev container, WSL) the URL comes from the remote
// machine's settings — which a repository's dev container configuration can set — while the Token
// and key come from the local keychain. Neither is sent as such, but every simulated message
// carries a signature over the Token with its timestamp and nonce, from which a short Token (3 to
// 32 characters) can be guessed offline, and in compatible and safe mode a text encrypted with the
// key. So each is bound to the origin of the callback URL it was stored for (Set Up Callback), and
// before a message or handshake goes to any other origin the person who tapped, typed or ran the
// command is asked, in a modal naming both. Nothing sends in the background. Same rule as the
// AppSecret's (src/wechat/secretHost.ts) and the team credentials' (token/sources/credentialHost.ts).
import { SharedAnswers } from '../../../../common/sharedAnswer';
import type { CallbackEndpoint, CallbackSimulator } from '../types';

export type CallbackSecretKind = 'token' | 'aesKey';

/** The origin each callback secret of an account is bound to, kept in SecretStorage beside it. */
export interface CallbackOriginMemory {
  boundOrigin(appId: string, kind: CallbackSecretKind): Promise<string | undefined>;
  bindOrigin(appId: string, kind: CallbackSecretKind, origin: string): Promise<void>;
}

/** What the modal names: the origin the secrets were stored for (none on record: stored before binding), and the new one. */
export interface CallbackHostQuestion {
  readonly appId: string;
  readonly from: string | undefined;
  readonly to: string;
}

/** The person declined (or was never asked): nothing was sent. */
export class CallbackHostRefusedError extends Error {
  constructor(
    readonly appId: string,
    readonly from: string | undefined,
    readonly to: string,
  ) {
    super(`callback secrets of ${appId} not used for ${to} (stored for ${from ?? 'no origin on record'}): not confirmed`);
    this.name = 'CallbackHostRefusedError';
  }
}

export function isCallbackHostRefused(error: unknown): error is CallbackHostRefusedError {
  return error instanceof Error && error.name === 'CallbackHostRefusedError' && 'to' in error;
}

/** "https://example.com", "http://127.0.0.1:3000": scheme, host and port of a callback URL. */
export function callbackOrigin(url: string): string {
  return new URL(url).origin;
}

export class CallbackHostGuard {
  /** One question per account and origin at a time: a tap and a retry wait for the same answer. */
  private readonly answers = new SharedAnswers<void>();

  constructor(
    private readonly memory: CallbackOriginMemory,
    /** The modal: true when the person chose to send to `to`. */
    private readonly confirm: (question: CallbackHostQuestion) => Promise<boolean>,
  ) {}

  /** Resolves when what `endpoint` signs (and encrypts) may go to its URL; throws CallbackHostRefusedError otherwise. */
  async check(endpoint: CallbackEndpoint): Promise<void> {
    const to = callbackOrigin(endpoint.url);
    const kinds: CallbackSecretKind[] = endpoint.encodingAesKey ? ['token', 'aesKey'] : ['token'];
    const bound = await Promise.all(kinds.map((kind) => this.memory.boundOrigin(endpoint.appId, kind)));
    const elsewhere = kinds.filter((_, i) => bound[i] !== to);
    if (elsewhere.length === 0) return;
    const from = bound.find((origin) => origin !== undefined && origin !== to);
    return this.answers.get(`${endpoint.appId}\u0000${to}`, () => this.ask({ appId: endpoint.appId, from, to }, elsewhere));
  }

  private async ask(question: CallbackHostQuestion, kinds: readonly CallbackSecretKind[]): Promise<void> {
    if (!(await this.confirm(question))) throw new CallbackHostRefusedError(question.appId, question.from, question.to);
    for (const kind of kinds) await this.memory.bindOrigin(question.appId, kind, question.to);
  }
}

export interface SimulatorFactory {
  create(endpoint: CallbackEndpoint): Promise<CallbackSimulator>;
}

/**
 * The simulators the chat and Verify Callback URL get: each checked against the guard for the
 * endpoint it is made for — the URL it will post to — so no route sends unchecked.
 */
export function guardedSimulators(simulators: SimulatorFactory, guard: CallbackHostGuard): SimulatorFactory {
  return {
    create: async (endpoint) => {
      await guard.check(endpoint);
      return simulators.create(endpoint);
    },
  };
}
