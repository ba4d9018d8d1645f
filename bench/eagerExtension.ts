// Naive baseline for the bundle benchmark: the same extension with the HTTP stack and the Redis
// client imported at the top, as a straightforward implementation would do it.
export * from '../src/extension';
export * from '../src/token/sources/redis/redisClient';
export * from '../src/wechat/undiciTransport';
