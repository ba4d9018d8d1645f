// Which team connections a settings change invalidates: a new Redis or service URL takes a new
// connection, and another layout or key (wechat.accounts) forgets what was read from the old one,
// its rate limit included. `affects` is ConfigurationChangeEvent.affectsConfiguration.
export type TeamKind = 'redis' | 'url';

export function teamSourcesToClose(affects: (section: string) => boolean): ReadonlySet<TeamKind> {
  const close = new Set<TeamKind>();
  if (affects('wechat.redis') || affects('wechat.accounts')) close.add('redis');
  if (affects('wechat.tokenService') || affects('wechat.accounts')) close.add('url');
  return close;
}
