// Every context key the extension sets (`when` clauses in package.json read them), declared once;
// each feature names the ones it sets in its Feature value. test/unit/manifest.test.ts holds the
// manifest's when-clauses to this list.
export const CONTEXT_KEYS = {
  /** An account is configured and active in this workspace. */
  hasAccount: 'wechat.hasAccount',
  /** The active account's token source: wechat, redis or url. */
  activeTokenSource: 'wechat.activeTokenSource',
  /** Some account reads the team's Redis (Set Redis Password is offered). */
  usesRedis: 'wechat.usesRedis',
  /** Some account reads the team's token service (Set Token Service Credential is offered). */
  usesTokenService: 'wechat.usesTokenService',
  /** The active editor shows a menu file: the editor-title Upload / Preview buttons. */
  menuFile: 'wechat.menuFile',
} as const;

/** The values of the kernel's keys for the settings and the active account. */
export function kernelContextKeys(
  accounts: ReadonlyArray<{ readonly tokenSource: string }>,
  active: { readonly tokenSource: string } | undefined,
): Readonly<Record<string, unknown>> {
  const sources = new Set(accounts.map((account) => account.tokenSource));
  return {
    [CONTEXT_KEYS.hasAccount]: active !== undefined,
    [CONTEXT_KEYS.activeTokenSource]: active?.tokenSource,
    [CONTEXT_KEYS.usesRedis]: sources.has('redis'),
    [CONTEXT_KEYS.usesTokenService]: sources.has('url'),
  };
}

/** Sets context keys through `setContext`, skipping values that did not change since the last call. */
export class ContextKeys {
  private readonly values = new Map<string, unknown>();

  constructor(private readonly setContext: (key: string, value: unknown) => void) {}

  set(keys: Readonly<Record<string, unknown>>): void {
    for (const [key, value] of Object.entries(keys)) {
      if (this.values.has(key) && this.values.get(key) === value) continue;
      this.values.set(key, value);
      this.setContext(key, value);
    }
  }
}
