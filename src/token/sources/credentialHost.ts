// Where the team's credentials may go. `wechat.redis.url` and `wechat.tokenService.url` are
// machine-scoped, so in a remote window (SSH, dev container, WSL) they come from the remote
// machine's settings — which a repository's dev container configuration can set — while the Redis
// password and the token service's credential come from the local keychain. Each credential is
// bound to the origin of the URL it was stored for — scheme included, so rediss:// → redis:// (TLS
// dropped) is a change too; before a read sends it anywhere else the user is asked (both origins
// named), and a background read never asks and never sends: it fails with a TeamSourceError the
// status bar shows. Same rule as the AppSecret's (src/wechat/secretHost.ts).
import { SharedAnswers } from '../../common/sharedAnswer';
import { bindingCovers, isUnencryptedDowngrade } from './credentialOrigin';
import type { TokenSourceKind } from './source';
import { TeamSourceError } from './teamSourceError';

export type TeamKind = Exclude<TokenSourceKind, 'wechat'>;

/** The origin each team credential is bound to, kept in SecretStorage beside the credential. */
export interface CredentialOriginMemory {
  credentialOrigin(kind: TeamKind): Promise<string | undefined>;
  rememberCredentialOrigin(kind: TeamKind, origin: string): Promise<void>;
}

export interface CredentialHostGuardOptions {
  readonly memory: CredentialOriginMemory;
  /** The modal: true when the user chose to send the `kind` credential (bound to `from`) to `to`. */
  readonly confirm: (kind: TeamKind, from: string, to: string) => Promise<boolean>;
}

/** What a source calls right before its credential leaves for `origin`; throws to stop it. */
export type BeforeSendingCredential = (origin: string, background: boolean) => Promise<void>;

export class CredentialHostGuard {
  /** One question per credential and host at a time: concurrent reads wait for the same answer. */
  private readonly answers = new SharedAnswers<void>();

  constructor(private readonly options: CredentialHostGuardOptions) {}

  /** The hook one source gets: its credential may go to `origin`, or a TeamSourceError says why not. */
  forSource(kind: TeamKind): BeforeSendingCredential {
    return (origin, background) => this.check(kind, origin, background);
  }

  async check(kind: TeamKind, origin: string, background: boolean): Promise<void> {
    const from = await this.options.memory.credentialOrigin(kind);
    if (from === undefined) {
      // A credential stored before origins were remembered (or while the URL did not parse): only
      // a command binds it, to the host it reads from; a timer or a focus never sends it anywhere.
      if (background) throw new TeamSourceError('credentialUnbound', kind, origin);
      await this.options.memory.rememberCredentialOrigin(kind, origin);
      return;
    }
    if (from === origin) return;
    if (bindingCovers(kind, from, origin)) {
      // The same Redis host and port, now over TLS: bound to the new scheme, so going back asks.
      await this.options.memory.rememberCredentialOrigin(kind, origin);
      return;
    }
    if (background) {
      const why = isUnencryptedDowngrade(from, origin)
        ? 'a background read never sends it without TLS'
        : 'a background read never sends it to a new host';
      throw refused(kind, from, origin, why);
    }
    return this.answers.get(`${kind}\u0000${origin}`, () => this.ask(kind, from, origin));
  }

  private async ask(kind: TeamKind, from: string, to: string): Promise<void> {
    if (!(await this.options.confirm(kind, from, to))) throw refused(kind, from, to, 'you declined');
    await this.options.memory.rememberCredentialOrigin(kind, to);
  }
}

function refused(kind: TeamKind, from: string, to: string, why: string): TeamSourceError {
  return new TeamSourceError('credentialHost', kind, to, `${from}; ${why}`);
}
