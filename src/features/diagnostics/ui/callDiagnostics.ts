// The call-diagnostics commands behind one object in the commands bundle.
import { Invocation } from '../../../ui/invocation';
import { CallDiagnosticsHost } from './callDiagnosticsHost';
import { QuotaReset } from './quotaReset';
import { QuotaView } from './quotaView';
import { RequestLookup } from './requestLookup';

export class CallDiagnostics {
  private readonly lookup: RequestLookup;
  private readonly quota: QuotaView;
  private readonly reset: QuotaReset;

  constructor(host: CallDiagnosticsHost) {
    this.lookup = new RequestLookup(host);
    this.quota = new QuotaView(host);
    this.reset = new QuotaReset(host);
  }

  lookUpRequest(invocation?: Invocation): Promise<boolean> {
    return this.lookup.lookUp(invocation);
  }

  showApiQuota(invocation?: Invocation): Promise<boolean> {
    return this.quota.show(invocation);
  }

  clearApiQuota(invocation?: Invocation): Promise<boolean> {
    return this.reset.clear(invocation);
  }
}
