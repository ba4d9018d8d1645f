import * as assert from 'node:assert/strict';

import { accountLabel, activeAccount, parseAccounts } from '../../../src/token/accounts';

const A = 'wx0123456789abcdef';
const B = 'wxfedcba9876543210';

describe('token/accounts', () => {
  it('the single wechat.appId of earlier versions is a one-account list (no migration)', () => {
    const { accounts, warnings } = parseAccounts(undefined, { appId: A, accountName: 'Test account' });
    assert.deepEqual(accounts, [{ name: 'Test account', appId: A, tokenSource: 'wechat', redis: {} }]);
    assert.deepEqual(warnings, []);
  });

  it('reads wechat.accounts: names, sources, Redis key settings; the name defaults to the AppID', () => {
    const { accounts } = parseAccounts(
      [
        { name: ' Production ', appId: A, tokenSource: 'redis', redis: { layout: 'wxjava', prefix: 'prod' } },
        { appId: B, tokenSource: 'url' },
      ],
      {},
    );
    assert.deepEqual(accounts, [
      { name: 'Production', appId: A, tokenSource: 'redis', redis: { layout: 'wxjava', prefix: 'prod', key: undefined } },
      { name: B, appId: B, tokenSource: 'url', redis: {} },
    ]);
  });

  it('the legacy account comes first; a list entry with its AppID says more about it and wins', () => {
    const { accounts } = parseAccounts([{ appId: B }, { name: 'Prod', appId: A, tokenSource: 'redis' }], { appId: A });
    assert.deepEqual(
      accounts.map((a) => [a.appId, a.name, a.tokenSource]),
      [
        [A, 'Prod', 'redis'],
        [B, B, 'wechat'],
      ],
    );
  });

  it('leaves out what cannot work, with a warning naming the entry', () => {
    const { accounts, warnings } = parseAccounts(
      [{ name: 'no id' }, 'wx0123', { appId: 'not-an-appid' }, { appId: A, tokenSource: 'ftp' }, { appId: B }, { appId: B, name: 'again' }],
      {},
    );
    assert.deepEqual(
      accounts.map((a) => a.appId),
      [B],
    );
    assert.equal(warnings.length, 5);
    assert.match(warnings[0] ?? '', /^wechat\.accounts\[0\] has no valid "appId"/);
    assert.match(warnings[1] ?? '', /^wechat\.accounts\[1\] should be an object/);
    assert.match(warnings[3] ?? '', /"tokenSource" should be "wechat", "redis" or "url"/);
    assert.match(warnings[4] ?? '', /listed twice/);
  });

  it('a value that is not a list is ignored with a warning', () => {
    const { accounts, warnings } = parseAccounts({ appId: A }, {});
    assert.deepEqual(accounts, []);
    assert.match(warnings[0] ?? '', /should be a list/);
  });

  it("the active account is the workspace's choice while listed, else the first", () => {
    const { accounts } = parseAccounts([{ appId: A }, { appId: B }], {});
    assert.equal(activeAccount(accounts, B)?.appId, B);
    assert.equal(activeAccount(accounts, 'wxgone000000000000')?.appId, A);
    assert.equal(activeAccount(accounts, undefined)?.appId, A);
    assert.equal(activeAccount([], A), undefined);
  });

  it('warns about a legacy wechat.appId that is no AppID, and about holes in the list (found by fuzzing)', () => {
    const legacy = parseAccounts(undefined, { appId: 'https://api.weixin.qq.com' });
    assert.equal(legacy.accounts.length, 1);
    assert.deepEqual(legacy.warnings, ['wechat.appId "https://api.weixin.qq.com" is not an AppID (wx followed by letters or digits)']);
    // eslint-disable-next-line no-sparse-arrays
    const sparse = parseAccounts([, { appId: A }], {});
    assert.deepEqual(sparse.warnings, ['wechat.accounts[0] should be an object; ignoring it']);
  });

  it('labels name the account and its AppID', () => {
    assert.equal(accountLabel({ name: 'Prod', appId: A, tokenSource: 'wechat', redis: {} }), `Prod (${A})`);
    assert.equal(accountLabel({ name: A, appId: A, tokenSource: 'wechat', redis: {} }), A);
  });
});
