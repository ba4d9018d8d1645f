// Entry point of dist/team.js: the team token sources (Redis and token service: key layouts,
// value decoding, answer shapes, failure mapping). Required on the first use of an account whose
// token comes from the team, so WeChat-only users never load it. The Redis client itself is in
// dist/redis.js, loaded later still, on the first connect.
import { CredentialHostGuard, CredentialHostGuardOptions } from '../../token/sources/credentialHost';
import { RedisTokenSource, RedisTokenSourceOptions } from '../../token/sources/redis/redisTokenSource';
import { TeamTokenSource } from '../../token/sources/source';
import { TokenServiceSource, TokenServiceSourceOptions } from '../../token/sources/tokenService/tokenServiceSource';

export interface TeamModule {
  createRedisSource(options: RedisTokenSourceOptions): TeamTokenSource;
  createTokenServiceSource(options: TokenServiceSourceOptions): TeamTokenSource;
  createCredentialHostGuard(options: CredentialHostGuardOptions): CredentialHostGuard;
}

export function createRedisSource(options: RedisTokenSourceOptions): TeamTokenSource {
  return new RedisTokenSource(options);
}

export function createTokenServiceSource(options: TokenServiceSourceOptions): TeamTokenSource {
  return new TokenServiceSource(options);
}

export function createCredentialHostGuard(options: CredentialHostGuardOptions): CredentialHostGuard {
  return new CredentialHostGuard(options);
}
