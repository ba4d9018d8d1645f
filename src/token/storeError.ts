// A token was obtained but the shared store did not keep it: the write failed (no OS keyring,
// SecretStorage refused) or what was written does not read back as the token. Without it every
// window would fetch again at once; as an error with the 'wait' reaction it is retried with the
// scheduler's back-off instead, and the user is told what to check.
import { formatMessage, Localize } from '../common/localize';
import type { ErrcodeReaction } from '../wechat/errcodes';
import { WeChatError } from '../wechat/errors';

export class TokenNotStoredError extends WeChatError {
  static override readonly brand: string = 'TokenNotStoredError';
  constructor(
    /** 'write': the store threw; 'readBack': the entry written is not there (or not the token). */
    readonly step: 'write' | 'readBack',
  ) {
    super(step === 'write' ? 'the token could not be written to the token store' : 'the token written to the token store did not read back');
    this.name = 'TokenNotStoredError';
  }

  override get reaction(): ErrcodeReaction {
    return 'wait';
  }

  describe(localize: Localize = formatMessage): string {
    return localize(
      'The token was obtained but VS Code\'s secret storage did not keep it, so every window would fetch again. Check that the OS keyring (Keychain, Credential Manager, GNOME Keyring or KWallet) is unlocked; the extension tries again in a while.',
    );
  }
}
