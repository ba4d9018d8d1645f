// A token was obtained but the shared store did not keep it: the write failed (no OS keyring,
// SecretStorage refused) or what was written does not read back as the token. Without it every
// window would fetch again at once; as an error with the 'wait' reaction it is retried with the
// scheduler's back-off instead, and the user is told what to check.
// persistToken is where that is found out.
import { errorMessage } from '../common/errorMessage';
import { formatMessage, Localize } from '../common/localize';
import type { Logger } from '../common/logger';
import type { ErrcodeReaction } from '../wechat/errcodes';
import { WeChatError } from '../wechat/errors';
import type { CachedToken, TokenStore } from './store';

export class TokenNotStoredError extends WeChatError {
  static override readonly brand: string = 'TokenNotStoredError';
  constructor(
    /** 'write': the store threw; 'readBack': the entry written is not there (or not the token). */
    readonly step: 'write' | 'readBack',
  ) {
    super(
      step === 'write' ? 'the token could not be written to the token store' : 'the token written to the token store did not read back',
    );
    this.name = 'TokenNotStoredError';
  }

  override get reaction(): ErrcodeReaction {
    return 'wait';
  }

  describe(localize: Localize = formatMessage): string {
    return localize(
      "The token was obtained but VS Code's secret storage did not keep it, so every window would fetch again. Check that the OS keyring (Keychain, Credential Manager, GNOME Keyring or KWallet) is unlocked; the extension tries again in a while.",
    );
  }
}

/**
 * Writes the token and reads it back: only a token the shared store really holds becomes 'ready'.
 * An entry that does not come back (a store that refuses or drops it) would leave every window with
 * nothing, fetching again at once; it fails with TokenNotStoredError, which the scheduler retries
 * with its back-off. Another window's fresh token read back instead is as good.
 */
export async function persistToken(
  store: Pick<TokenStore, 'read' | 'write'>,
  log: Logger,
  isFresh: (token: CachedToken) => boolean,
  token: CachedToken,
): Promise<CachedToken> {
  try {
    await store.write(token);
  } catch (error) {
    log.error(`storing the token failed: ${errorMessage(error)}`);
    throw new TokenNotStoredError('write');
  }
  const back = await store.read(token.appId);
  if (back?.accessToken === token.accessToken) return back;
  if (back && isFresh(back)) return back;
  log.error('the token written to the token store did not read back');
  throw new TokenNotStoredError('readBack');
}
