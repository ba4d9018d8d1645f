// The network diagnostics the way the extension wires them: the real client (undici) and
// TokenManager.withToken against the fake WeChat server, with one account that has a callback URL
// and one that has none.
import { TokenManager } from '../../../../../../src/token/manager';
import { tokenCall } from '../../../../../../src/token/tokenCall';
import { TokenCall, WeChatClient } from '../../../../../../src/wechat/client';
import { createTransport } from '../../../../../../src/wechat/undiciTransport';
import { FakeWeChat, startFakeWeChat } from '../../../../../fake-wechat/server';
import { FakeClock } from '../../../../helpers/fakeClock';
import { APP_ID, APP_SECRET, fixedCredentials } from '../../../../helpers/fixtures';
import { MemoryTokenStore } from '../../../../helpers/memoryTokenStore';

export const NO_CALLBACK_APP = { appId: 'wx2222222222222222', appSecret: '22223333444455556666777788889999' };

export interface NetworkFixture {
  readonly fake: FakeWeChat;
  readonly clock: FakeClock;
  readonly client: WeChatClient;
  /** Token-protected calls of the account with a callback URL, or of the one without. */
  call(appId?: string): TokenCall;
  close(): Promise<void>;
}

export async function startNetworkFixture(): Promise<NetworkFixture> {
  const clock = new FakeClock();
  const fake = await startFakeWeChat({
    accounts: [
      { appId: APP_ID, secret: APP_SECRET },
      { appId: NO_CALLBACK_APP.appId, secret: NO_CALLBACK_APP.appSecret, callbackUrl: null },
    ],
    now: () => clock.now(),
  });
  const client = new WeChatClient({ settings: () => ({ baseUrl: fake.url, timeoutMs: 5000 }), transport: () => createTransport({}) });
  const managers = new Map<string, TokenManager>();
  const managerFor = (appId: string): TokenManager => {
    let manager = managers.get(appId);
    if (!manager) {
      const appSecret = appId === APP_ID ? APP_SECRET : NO_CALLBACK_APP.appSecret;
      manager = new TokenManager({
        api: client,
        store: new MemoryTokenStore(),
        clock,
        settings: () => ({ appId, mode: 'stable', refreshMarginSeconds: 300 }),
        credentials: fixedCredentials({ appId, appSecret }),
      });
      managers.set(appId, manager);
    }
    return manager;
  };
  return {
    fake,
    clock,
    client,
    call: (appId = APP_ID) => tokenCall(managerFor(appId), client),
    close: async () => {
      for (const manager of managers.values()) manager.dispose();
      await fake.close();
    },
  };
}
