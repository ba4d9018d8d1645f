// The line above the chat: where events go, or — until the callback is set up — what is missing,
// which the phone shows with its one-click Set Up Callback.
import * as assert from 'node:assert/strict';

import { formatMessage } from '../../../../../../src/common/localize';
import { chatStatus, missingProblem } from '../../../../../../src/features/simulator/core/chat/chatTexts';
import type { Account } from '../../../../../../src/token/accounts';

const t = formatMessage;
const account: Account = { name: '测试号', appId: 'wx0123456789abcdef', tokenSource: 'wechat', redis: {} };

describe('callback chat texts', () => {
  it('says where events go, in which mode, from which follower', () => {
    const state = {
      ok: true as const,
      account,
      endpoint: {
        appId: account.appId,
        accountUserName: 'gh_0123456789ab',
        url: 'http://127.0.0.1:3000/wechat',
        mode: 'safe' as const,
        token: 'tok',
        encodingAesKey: 'k',
      },
    };
    const status = chatStatus(state, 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', t);
    assert.equal(status, 'Events go to http://127.0.0.1:3000/wechat in safe mode (安全模式), from follower oUpF8uMuAJO_M2pxb1Q9zNjWeS6o.');
    assert.ok(!status.includes('tok'));
  });

  it('names what is missing, each with Set Up Callback as the fix (Set Up Account when there is no account)', () => {
    for (const missing of ['url', 'token', 'aesKey'] as const) {
      const problem = missingProblem({ ok: false, missing, account }, t);
      assert.match(problem.message, /测试号/);
      assert.match(problem.fix, /Set Up Callback/);
    }
    assert.match(missingProblem({ ok: false, missing: 'account' }, t).fix, /Set Up Account/);
  });
});
