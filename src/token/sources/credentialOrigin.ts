// The origin a team credential is bound to (CredentialHostGuard), computed the same way when the
// credential is stored (the UI, at activation's bundle) and when a read is about to send it (the
// team bundle): so this file imports nothing.

/**
 * Redis: host and port (the password goes to whoever listens there, redis:// or rediss://); the
 * token service: scheme, host and port. Undefined when the URL does not parse (nothing is sent then).
 */
export function credentialOriginOf(kind: 'redis' | 'url', url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (kind === 'url') return parsed.origin;
  // WHATWG keeps IPv6 literals bracketed, so "[::1]:6379" stays unambiguous.
  return `${parsed.hostname}:${parsed.port === '' ? '6379' : parsed.port}`;
}
