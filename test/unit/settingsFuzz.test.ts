// Fuzzing the settings readers: settings.json can hold anything, of any type, at any
// key. parseConfig, parseAccounts and SettingsReader never throw, always return values of their
// declared types within their bounds, and name every setting they had to ignore in a warning.
import * as assert from 'node:assert/strict';

import fc from 'fast-check';

import { SettingsReader } from '../../src/common/settingsReader';
import { parseConfig, type WeChatConfig } from '../../src/settings';
import { type Account, isAccountAppId, parseAccounts } from '../../src/token/accounts';
import { hardeningCase } from '../hardening/ledger';

const SEED = 20261202;

/** Values of every type, including what JSON cannot hold (a settings provider might hand it over). */
const anyValue = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  maxDepth: 2,
});

const SETTING_KEYS = [
  'appId',
  'accountName',
  'tokenMode',
  'autoRefresh',
  'refreshMarginSeconds',
  'requestTimeoutSeconds',
  'apiBaseUrl',
  'statusBar.show',
  'accounts',
  'redis.url',
  'tokenService.url',
  'teamSource.minReadIntervalSeconds',
  'terminal.exposeToken',
] as const;

/** Mostly wrong types; now and then a value of the right type, so both paths run. */
const settingValue = fc.oneof(
  anyValue,
  fc.constantFrom(
    'wx0123456789abcdef',
    ' stable ',
    'classic',
    'always',
    'https://api.weixin.qq.com',
    'redis://r:6379/0',
    '',
    300,
    59,
    1e9,
    Number.NaN,
    true,
  ),
);

/** An account entry: right-looking fields with values of any type, or anything at all. */
const accountEntry = fc.oneof(
  anyValue,
  fc.record(
    {
      name: settingValue,
      appId: fc.oneof(fc.constantFrom('wx0123456789abcdef', 'wxfedcba9876543210', ' wx0123456789abcdef ', 'wx1'), anyValue),
      tokenSource: fc.oneof(fc.constantFrom('wechat', 'redis', 'url', 'WECHAT'), anyValue),
      redis: fc.oneof(fc.record({ layout: settingValue, prefix: settingValue, key: settingValue }, { requiredKeys: [] }), anyValue),
      __proto__: anyValue,
    },
    { requiredKeys: [] },
  ),
);

const accountsValue = fc.oneof(fc.array(accountEntry, { maxLength: 6 }), anyValue);

function assertAccount(account: Account): void {
  assert.equal(typeof account.name, 'string');
  assert.ok(account.name.length > 0);
  assert.ok(isAccountAppId(account.appId), account.appId);
  assert.ok(['wechat', 'redis', 'url'].includes(account.tokenSource));
  for (const field of ['layout', 'prefix', 'key'] as const) {
    const value = account.redis[field];
    assert.ok(value === undefined || (typeof value === 'string' && value !== ''), field);
  }
}

function assertConfig(config: WeChatConfig): void {
  const optionalText = (value: unknown): void =>
    assert.ok(value === undefined || (typeof value === 'string' && value === value.trim() && value !== ''));
  optionalText(config.appId);
  optionalText(config.accountName);
  optionalText(config.redisUrl);
  optionalText(config.tokenServiceUrl);
  assert.ok(['stable', 'classic'].includes(config.tokenMode));
  assert.ok(['auto', 'always', 'never'].includes(config.statusBarShow));
  assert.equal(typeof config.autoRefresh, 'boolean');
  assert.equal(typeof config.terminalExposeToken, 'boolean');
  const bounded = (value: number, min: number, max: number): void =>
    assert.ok(Number.isFinite(value) && value >= min && value <= max, String(value));
  bounded(config.refreshMarginSeconds, 60, 3600);
  bounded(config.requestTimeoutSeconds, 1, 120);
  bounded(config.teamMinReadIntervalSeconds, 5, 3600);
  assert.ok(config.apiBaseUrl.ok ? typeof config.apiBaseUrl.url === 'string' : ['invalid', 'insecure'].includes(config.apiBaseUrl.reason));
  // The legacy wechat.appId is kept whatever it says (with a warning when it is no AppID); the list's entries must be AppIDs.
  config.accounts.filter((a) => a.appId !== config.appId).forEach(assertAccount);
  if (config.appId !== undefined && !isAccountAppId(config.appId)) assert.ok(config.warnings.some((w) => w.startsWith('wechat.appId ')));
  assert.equal(new Set(config.accounts.map((a) => a.appId)).size, config.accounts.length, 'no AppID twice');
  for (const warning of config.warnings) assert.equal(typeof warning, 'string');
}

/** Whether a raw value is of the type the setting takes (null and undefined mean "not set"). */
function rightType(key: (typeof SETTING_KEYS)[number], value: unknown): boolean {
  if (value === undefined || value === null) return true;
  switch (key) {
    case 'autoRefresh':
    case 'terminal.exposeToken':
      return typeof value === 'boolean';
    case 'refreshMarginSeconds':
    case 'requestTimeoutSeconds':
    case 'teamSource.minReadIntervalSeconds':
      return typeof value === 'number' && Number.isFinite(value);
    case 'tokenMode':
      return value === 'stable' || value === 'classic';
    case 'statusBar.show':
      return value === 'auto' || value === 'always' || value === 'never';
    case 'accounts':
      return Array.isArray(value);
    default:
      return typeof value === 'string';
  }
}

describe('fuzz: settings of every wrong type fall back cleanly', () => {
  it('parseConfig never throws, returns well-typed values and names every ignored setting', () => {
    const values = fc.record(Object.fromEntries(SETTING_KEYS.map((key) => [key, key === 'accounts' ? accountsValue : settingValue])), {
      requiredKeys: [],
    });
    fc.assert(
      fc.property(values, (raw) =>
        hardeningCase('hostile', 'fuzz settings: parseConfig', () => {
          const config = parseConfig((key) => (Object.hasOwn(raw, key) ? raw[key] : undefined));
          assertConfig(config);
          for (const key of SETTING_KEYS) {
            if (!rightType(key, raw[key])) {
              assert.ok(
                config.warnings.some((w) => w.includes(`wechat.${key}`)),
                `no warning for wechat.${key}: ${config.warnings.join(' | ')}`,
              );
            }
          }
        }),
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('parseAccounts never throws and keeps only usable accounts, warning about each entry it leaves out', () => {
    fc.assert(
      fc.property(
        accountsValue,
        fc.option(fc.constantFrom('wx0123456789abcdef', 'wx1111111111111111'), { nil: undefined }),
        (raw, legacyAppId) =>
          hardeningCase('hostile', 'fuzz settings: parseAccounts', () => {
            const { accounts, warnings } = parseAccounts(raw, { appId: legacyAppId });
            accounts.forEach(assertAccount);
            const entries = Array.isArray(raw) ? raw.length : 0;
            // Each entry is either kept, or merged with the legacy account, or named in a warning.
            assert.ok(accounts.length + warnings.length >= entries, 'an entry vanished without a warning');
            if (raw !== undefined && raw !== null && !Array.isArray(raw))
              assert.ok(warnings.some((w) => w.startsWith('wechat.accounts should be a list')));
          }),
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('SettingsReader getters return their declared type or the fallback, with a warning', () => {
    fc.assert(
      fc.property(settingValue, (value) =>
        hardeningCase('hostile', 'fuzz settings: SettingsReader', () => {
          const read = new SettingsReader(() => value, 'wechat');
          const text = read.text('x');
          assert.ok(text === undefined || typeof text === 'string');
          assert.equal(typeof read.boolean('x', true), 'boolean');
          const n = read.number('x', { min: 1, max: 10 }, 5);
          assert.ok(Number.isFinite(n) && n >= 1 && n <= 10);
          assert.ok(['a', 'b'].includes(read.oneOf('x', ['a', 'b'], 'a')));
          const set = value !== undefined && value !== null;
          if (set && typeof value !== 'boolean') assert.ok(read.warnings.length > 0);
          for (const warning of read.warnings) assert.match(warning, /^wechat\.x /);
        }),
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});
