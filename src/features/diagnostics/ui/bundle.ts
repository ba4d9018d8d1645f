// Entry point of dist/diagnostics.js: "why did my call fail?" — Look Up Request, Show / Clear API
// Quota — the network checks and the JS-SDK signature, built from the feature context.
import type { FeatureContext } from '../../../ui/feature';
import { SecretCredentialStore } from '../../../ui/secretCredentialStore';
import { JSAPI_TICKET_KEY_PREFIX } from '../../../ui/secretKeys';
import { accountsFeature } from '../../accounts';
import { QuotaResetLedger } from '../core/quotaResets';
import { parseCachedTicket } from '../core/ticket/ticket';
import { TicketManager } from '../core/ticket/ticketManager';
import { CallDiagnostics } from './callDiagnostics';
import { JsSdkSignatureCommand } from './jsSdkSignature';
import { NetworkCommands } from './networkCommands';

export interface Diagnostics {
  readonly calls: CallDiagnostics;
  readonly network: NetworkCommands;
  readonly jsSdk: JsSdkSignatureCommand;
}

export function create(context: FeatureContext): Diagnostics {
  const presenter = context.presenter();
  const accountCommands = context.load(accountsFeature).commands;
  const ensureCredentials = (): Promise<boolean> => accountCommands.ensureCredentials();
  const activeLabel = (): string => {
    const account = context.accounts.current;
    return account ? context.labelOf(account.appId) : '';
  };
  const tickets = new TicketManager({
    store: new SecretCredentialStore(context.secrets, JSAPI_TICKET_KEY_PREFIX, parseCachedTicket),
    clock: context.clock,
    tokens: context.manager,
    api: context.client,
    onTicket: (ticket) => context.log.redactor.addSecret(ticket),
    log: context.log,
  });
  return {
    calls: new CallDiagnostics({
      client: context.client,
      manager: context.manager,
      accounts: context.accounts,
      appSecrets: context.appSecrets,
      confirmations: context.confirmations,
      log: context.log,
      clock: context.clock,
      errcodes: context.errcodes,
      quotaPaths: () => context.quotaPaths(),
      presenter,
      accountCommands,
      resets: new QuotaResetLedger(context.globalState, () => context.clock.now()),
    }),
    network: new NetworkCommands({
      callFor: (appId) => context.callFor(appId),
      appId: () => context.accounts.current?.appId,
      manager: context.manager,
      presenter,
      clock: context.clock,
      accountLabel: activeLabel,
      ensureCredentials,
    }),
    jsSdk: new JsSdkSignatureCommand({
      tickets,
      account: () => context.accounts.current,
      clock: context.clock,
      presenter,
      ensureCredentials,
      describeSource: (account) => context.describeSource(account),
      tokenMode: () => context.config().tokenMode,
    }),
  };
}
