// The team token sources of this window: at most one Redis connection and one token-service
// reader, created on the first read of an account that needs them, closed when no active account
// needs them any more (switching away), reopened when their URL or credentials change, and closed
// on deactivate.
import * as vscode from 'vscode';

import { Clock } from '../../common/clock';
import { Logger } from '../../common/logger';
import { WeChatConfig } from '../../config';
import { Account } from '../../token/accounts';
import type { CredentialHostGuard } from '../../token/sources/credentialHost';
import type { RedisClientModule } from '../../token/sources/redis/connection';
import type { TeamTokenSource } from '../../token/sources/source';
import { TeamSourceReader } from '../../token/sources/teamSource';
import { HttpTransport } from '../../wechat/http';
import { ActiveAccount } from '../account/activeAccount';
import { TeamCredentials } from '../account/teamCredentials';
import { lazyRequire } from '../lazyRequire';
import type { TeamModule } from './teamBundle';

export interface TeamSourcesDeps {
  readonly extensionUri: vscode.Uri;
  readonly config: () => WeChatConfig;
  readonly accounts: ActiveAccount;
  readonly credentials: TeamCredentials;
  /** The WeChat client's lazily loaded transport (proxy settings included). */
  readonly transport: () => Promise<HttpTransport>;
  readonly clock: Clock;
  readonly log: Logger;
  /** The modal: send the `kind` credential, bound to `from`, to `to`? (CredentialHostGuard) */
  readonly confirmCredentialHost: (kind: 'redis' | 'url', from: string, to: string) => Promise<boolean>;
}

import type { TeamKind } from '../../token/sources/settingsChange';

export class TeamSources implements vscode.Disposable {
  private readonly readers = new Map<TeamKind, TeamSourceReader>();
  /** Shared by both sources (one pending question per credential and host); made with the team bundle. */
  private guard: CredentialHostGuard | undefined;

  constructor(private readonly deps: TeamSourcesDeps) {}

  /** The reader of an AppID whose account reads from the team; undefined for WeChat accounts. */
  readerFor(appId: string): TeamSourceReader | undefined {
    const account = this.deps.accounts.find(appId);
    if (!account || account.tokenSource === 'wechat') return undefined;
    return this.reader(account.tokenSource);
  }

  /** The key or URL an account reads (for the switcher and Show Token Source). */
  describe(account: Account): string {
    return this.readerFor(account.appId)?.describe(account.appId) ?? '';
  }

  /** Closes the connections the active account does not use. */
  closeUnused(active: Account | undefined): void {
    for (const kind of [...this.readers.keys()]) {
      if (active?.tokenSource !== kind) this.close(kind);
    }
  }

  /** Drops a connection so the next read opens one with the current URL and credentials. */
  close(kind: TeamKind): void {
    const reader = this.readers.get(kind);
    if (!reader) return;
    this.readers.delete(kind);
    reader.dispose().catch((error: unknown) => this.deps.log.warn(`closing the team ${kind} source: ${String(error)}`));
  }

  dispose(): void {
    for (const kind of [...this.readers.keys()]) this.close(kind);
  }

  private reader(kind: TeamKind): TeamSourceReader {
    let reader = this.readers.get(kind);
    if (!reader) {
      const { clock, config } = this.deps;
      reader = new TeamSourceReader(
        kind === 'redis' ? this.redisSource() : this.tokenService(),
        clock,
        () => config().teamMinReadIntervalSeconds * 1000,
      );
      this.readers.set(kind, reader);
    }
    return reader;
  }

  /** dist/team.js, required on the first team account only. */
  private team(): TeamModule {
    return lazyRequire<TeamModule>(this.deps.extensionUri, 'team.js');
  }

  private credentialHosts(): CredentialHostGuard {
    this.guard ??= this.team().createCredentialHostGuard({ memory: this.deps.credentials, confirm: this.deps.confirmCredentialHost });
    return this.guard;
  }

  private redisSource(): TeamTokenSource {
    const { config, accounts, credentials, clock, log, extensionUri } = this.deps;
    return this.team().createRedisSource({
      url: () => config().redisUrl,
      keySettings: (appId) => accounts.find(appId)?.redis ?? {},
      credentials: () => credentials.redis(),
      beforeSending: this.credentialHosts().forSource('redis'),
      // ioredis lives in dist/redis.js, required on the first read of a Redis account only.
      connect: (options) => lazyRequire<RedisClientModule>(extensionUri, 'redis.js').connectRedis(options),
      clock,
      log,
    });
  }

  private tokenService(): TeamTokenSource {
    const { config, credentials, clock, log, transport } = this.deps;
    return this.team().createTokenServiceSource({
      url: () => config().tokenServiceUrl,
      credential: async () => credentials.tokenService(),
      beforeSending: this.credentialHosts().forSource('url'),
      transport,
      clock,
      timeoutMs: () => config().requestTimeoutSeconds * 1000,
      log,
    });
  }
}
