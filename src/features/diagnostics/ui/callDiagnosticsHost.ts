// What the call-diagnostics commands (Look Up Request, Show / Clear API Quota) work with, all
// built once by the composition root or the commands bundle.
import type { Clock } from '../../../common/clock';
import type { TokenManager } from '../../../token/manager';
import type { ActiveAccount } from '../../../ui/account/activeAccount';
import type { AppSecrets } from '../../../ui/account/appSecrets';
import type { Confirmations } from '../../../ui/confirm';
import type { ErrorPresenter } from '../../../ui/errorPresenter';
import type { RedactingLog } from '../../../ui/log';
import type { WeChatApi } from '../../../wechat/client';
import type { ErrcodeLookup } from '../../../wechat/errcodes';
import type { AccountCommands } from '../../accounts';
import type { QuotaResetLedger } from '../core/quotaResets';

export interface CallDiagnosticsHost {
  readonly client: WeChatApi;
  readonly manager: TokenManager;
  readonly accounts: ActiveAccount;
  /** Leads into setup when no account or AppSecret is there yet. */
  readonly accountCommands: AccountCommands;
  readonly appSecrets: AppSecrets;
  readonly confirmations: Confirmations;
  readonly presenter: ErrorPresenter;
  readonly log: RedactingLog;
  readonly clock: Clock;
  readonly errcodes: ErrcodeLookup;
  /** The quota-counted paths of the features' endpoints (Show API Quota lists them first). */
  readonly quotaPaths: () => readonly string[];
  /** Quota resets this machine made, per AppID and month (globalState). */
  readonly resets: QuotaResetLedger;
}
