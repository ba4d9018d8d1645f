// The `redis` and `url` sources as TokenManager sees them: a read of what production holds, never
// a fetch from WeChat, and never more often than once per interval per window, so a team of fifty
// developers does not hammer the production Redis. Force Refresh is refused with the reason.
import { Clock } from '../../common/clock';
import type { ManagedSource, ObtainRequest } from './managedSource';
import type { SourcedToken, TeamTokenSource } from './source';

export class TeamSourceReader implements ManagedSource {
  private readonly lastRead = new Map<string, { readonly at: number; readonly token: SourcedToken }>();

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
    const last = this.lastRead.get(appId);
    if (last && !request.afterRejection && now - last.at < this.minIntervalMs()) return last.token;
    const token = await this.source.read(appId);
    this.lastRead.set(appId, { at: this.clock.now(), token });
    return token;
  }

  staleError(appId: string, detail: string): Error {
    return this.source.refusal('stale', appId, detail);
  }

  /** How the value was stored at the last read ("plain string", …), for Show Token Source. */
  lastFormat(appId: string): string | undefined {
    return this.lastRead.get(appId)?.token.format;
  }

  /** When the last read happened, for focus re-reads (undefined: never read in this window). */
  lastReadAt(appId: string): number | undefined {
    return this.lastRead.get(appId)?.at;
  }

  dispose(): Promise<void> {
    this.lastRead.clear();
    return this.source.dispose();
  }
}
