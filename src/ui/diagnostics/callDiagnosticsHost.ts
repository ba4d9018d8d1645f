// What the call-diagnostics commands (Look Up Request, Show / Clear API Quota) work with, all
// built once by the composition root or the commands bundle.
import type { Clock } from '../../common/clock';
import type { TokenManager } from '../../token/manager';
import type { WeChatApi } from '../../wechat/client';
import type { ErrcodeLookup } from '../../wechat/errcodes';
import type { QuotaResetLedger } from '../../wechat/quotaResets';
import type { AccountCommands } from '../account/accountCommands';
import type { ActiveAccount } from '../account/activeAccount';
import type { AppSecrets } from '../account/appSecrets';
import type { Confirmations } from '../common/confirm';
import type { ErrorPresenter } from '../common/errorPresenter';
import type { RedactingLog } from '../common/log';

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
  /** Quota resets this machine made, per AppID and month (globalState). */
  readonly resets: QuotaResetLedger;
}
