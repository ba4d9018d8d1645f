// The `redis` and `url` sources as TokenManager sees them: a read of what production holds, never
// a fetch from WeChat, and never more often than once per interval per window, so a team of fifty
// developers does not hammer the production Redis. Force Refresh is refused with the reason.
import { Clock } from '../../common/clock';
import { hasErrorBrand } from '../../wechat/errors';
import type { ManagedSource, ObtainRequest } from './managedSource';
import type { SourcedToken, TeamTokenSource } from './source';
import type { TeamSourceError } from './teamSourceError';

export class TeamSourceReader implements ManagedSource {
  private readonly lastRead = new Map<string, { readonly at: number; readonly token: SourcedToken }>();
  /** The last failed read per AppID: a wrong password is not retried on every focus (auth lockouts). */
  private readonly lastFailure = new Map<string, { readonly at: number; readonly error: unknown }>();

  constructor(
    private readonly source: TeamTokenSource,
    private readonly clock: Clock,
    /** The least time between two reads of one AppID (wechat.teamSource.minReadIntervalSeconds). */
    private readonly minIntervalMs: () => number,
  ) {}

  get kind(): TeamTokenSource['kind'] {
    return this.source.kind;
  }

  describe(appId: string): string {
    return this.source.describe(appId);
  }

  async prepare(appId: string, request: ObtainRequest): Promise<void> {
    if (request.force) throw this.source.refusal('forceNotOffered', appId);
  }

  async obtain(appId: string, request: ObtainRequest): Promise<SourcedToken> {
    const now = this.clock.now();
    const limited = (at: number): boolean => !request.afterRejection && now - at < this.minIntervalMs();
    const failure = this.lastFailure.get(appId);
    if (failure && limited(failure.at)) throw failure.error;
    const last = this.lastRead.get(appId);
    if (last && limited(last.at)) return last.token;
    try {
      const token = await this.source.read(appId, { background: request.background });
      this.lastRead.set(appId, { at: this.clock.now(), token });
      this.lastFailure.delete(appId);
      return token;
    } catch (error) {
      // A background refusal to send a credential (new host, or none bound yet) is not kept: the next command must ask or bind.
      if (!isCredentialHostRefusal(error)) this.lastFailure.set(appId, { at: this.clock.now(), error });
      throw error;
    }
  }

  staleError(appId: string, detail: string): Error {
    return this.source.refusal('stale', appId, detail);
  }

  /** How the value was stored at the last read ("plain string", …), for Show Token Source. */
  lastFormat(appId: string): string | undefined {
    return this.lastRead.get(appId)?.token.format;
  }

  /** When this window last asked the source, successfully or not (undefined: never). */
  lastReadAt(appId: string): number | undefined {
    const times = [this.lastRead.get(appId)?.at, this.lastFailure.get(appId)?.at].filter((at): at is number => at !== undefined);
    return times.length > 0 ? Math.max(...times) : undefined;
  }

  dispose(): Promise<void> {
    this.lastRead.clear();
    this.lastFailure.clear();
    return this.source.dispose();
  }
}

/**
 * A background refusal to send the credential: to a new origin, or while it is bound to none.
 * Checked by brand, not `instanceof`: importing TeamSourceError would put its message table into
 * the activation bundle.
 */
export function isCredentialHostRefusal(error: unknown): boolean {
  if (!hasErrorBrand(error, 'TeamSourceError')) return false;
  const { failure } = error as TeamSourceError;
  return failure === 'credentialHost' || failure === 'credentialUnbound';
}
