// The callback Token and EncodingAESKey are bound to the origin of the callback URL they were set
// up for: `wechat.simulator.callbacks` comes from the remote machine in a remote window,
// and every message signed with the Token lets its receiver guess a short Token offline. Sending to
// another origin asks — the modal names both — and a "no" sends nothing.
import * as assert from 'node:assert/strict';

import type * as vscode from 'vscode';

import { formatMessage } from '../../../../../../src/common/localize';
import {
  CallbackHostGuard,
  type CallbackHostQuestion,
  CallbackHostRefusedError,
  type CallbackOriginMemory,
  type CallbackSecretKind,
  guardedSimulators,
} from '../../../../../../src/features/simulator/core/chat/callbackHost';
import { Conversation } from '../../../../../../src/features/simulator/core/chat/conversation';
import { ExchangeRunner } from '../../../../../../src/features/simulator/core/chat/exchangeRunner';
import { HttpCallbackSimulator } from '../../../../../../src/features/simulator/core/httpSimulator';
import type { CallbackEndpoint } from '../../../../../../src/features/simulator/core/types';
import { CallbackSecrets } from '../../../../../../src/features/simulator/ui/callbackSecrets';
import type { Account } from '../../../../../../src/token/accounts';
import { CALLBACK_TOKEN_KEY_PREFIX } from '../../../../../../src/ui/secretKeys';
import type { HttpRequest } from '../../../../../../src/wechat/http';
import { Redactor } from '../../../../../../src/wechat/redact';
import { hardeningCase } from '../../../../../hardening/ledger';
import { countingRandom, endpoint, OPENID, SAMPLE } from '../helpers';

const LOCAL = 'http://127.0.0.1:3000/wechat';
const REMOTE = 'https://collector.example/wechat';

class MemoryOrigins implements CallbackOriginMemory {
  readonly bound = new Map<string, string>();
  async boundOrigin(appId: string, kind: CallbackSecretKind): Promise<string | undefined> {
    return this.bound.get(`${appId}/${kind}`);
  }
  async bindOrigin(appId: string, kind: CallbackSecretKind, origin: string): Promise<void> {
    this.bound.set(`${appId}/${kind}`, origin);
  }
}

/** A guard over a memory bound to `origins`, answering every question with `answer`; the questions asked. */
function rig(
  answer: boolean,
  origins: Partial<Record<CallbackSecretKind, string>> = { token: 'http://127.0.0.1:3000', aesKey: 'http://127.0.0.1:3000' },
) {
  const memory = new MemoryOrigins();
  for (const [kind, origin] of Object.entries(origins)) memory.bound.set(`${SAMPLE.appId}/${kind}`, origin);
  const questions: CallbackHostQuestion[] = [];
  const guard = new CallbackHostGuard(memory, async (question) => {
    questions.push(question);
    return answer;
  });
  const created: CallbackEndpoint[] = [];
  const simulators = guardedSimulators({ create: async (e) => (created.push(e), {} as never) }, guard);
  return { memory, guard, questions, created, simulators };
}

describe('callback secrets bound to their origin', () => {
  it('sends to the origin they were set up for without asking', async () => {
    const { questions, created, simulators } = rig(false);
    await simulators.create(endpoint(LOCAL, 'safe'));
    await simulators.create(endpoint('http://127.0.0.1:3000/other/path?x=1', 'safe'));
    assert.deepEqual(questions, []);
    assert.equal(created.length, 2);
  });

  it('asks before another origin, naming both; a "no" sends nothing and says why', () =>
    hardeningCase('fault', 'callback secrets: the callback URL setting moved to another origin', async () => {
      const { questions, created, simulators, memory } = rig(false);
      await assert.rejects(simulators.create(endpoint(REMOTE, 'safe')), CallbackHostRefusedError);
      assert.deepEqual(questions, [{ appId: SAMPLE.appId, from: 'http://127.0.0.1:3000', to: 'https://collector.example' }]);
      assert.equal(created.length, 0, 'nothing was made, so nothing was sent');
      assert.equal(await memory.boundOrigin(SAMPLE.appId, 'token'), 'http://127.0.0.1:3000', 'still bound where it was');
    }));

  it('a "yes" binds both to the new origin, and the next message does not ask', async () => {
    const { questions, created, simulators, memory } = rig(true);
    await simulators.create(endpoint(REMOTE, 'compatible'));
    await simulators.create(endpoint(REMOTE, 'compatible'));
    assert.equal(questions.length, 1);
    assert.equal(created.length, 2);
    assert.equal(await memory.boundOrigin(SAMPLE.appId, 'token'), 'https://collector.example');
    assert.equal(await memory.boundOrigin(SAMPLE.appId, 'aesKey'), 'https://collector.example');
  });

  it('counts scheme and port: http vs https and another port are other origins', async () => {
    for (const url of ['https://127.0.0.1:3000/wechat', 'http://127.0.0.1:3001/wechat', 'http://localhost:3000/wechat']) {
      const { questions, simulators } = rig(false);
      await assert.rejects(simulators.create(endpoint(url)), CallbackHostRefusedError, url);
      assert.equal(questions.length, 1, url);
    }
  });

  it('asks for secrets stored before origins were kept (none on record), never binds them silently', async () => {
    const { questions, simulators, memory } = rig(false, {});
    await assert.rejects(simulators.create(endpoint(LOCAL)));
    assert.deepEqual(questions, [{ appId: SAMPLE.appId, from: undefined, to: 'http://127.0.0.1:3000' }]);
    assert.equal(await memory.boundOrigin(SAMPLE.appId, 'token'), undefined);
  });

  it('asks when only the EncodingAESKey is bound elsewhere (safe mode), not in plaintext mode', async () => {
    const { questions, simulators } = rig(false, { token: 'http://127.0.0.1:3000', aesKey: 'https://old.example' });
    await simulators.create(endpoint(LOCAL, 'plaintext'));
    assert.equal(questions.length, 0, 'plaintext mode uses no key');
    await assert.rejects(simulators.create(endpoint(LOCAL, 'safe')));
    assert.deepEqual(questions, [{ appId: SAMPLE.appId, from: 'https://old.example', to: 'http://127.0.0.1:3000' }]);
  });

  it('asks once for a tap and its retries at the same time', async () => {
    let release: (answer: boolean) => void = () => undefined;
    const memory = new MemoryOrigins();
    let asked = 0;
    const guard = new CallbackHostGuard(memory, () => {
      asked++;
      return new Promise<boolean>((resolve) => (release = resolve));
    });
    const checks = [guard.check(endpoint(REMOTE)), guard.check(endpoint(REMOTE))];
    await new Promise((resolve) => setImmediate(resolve));
    release(true);
    await Promise.all(checks);
    assert.equal(asked, 1);
  });

  it('a declined tap posts nothing and the chat says what was not done and how to fix it', () =>
    hardeningCase('fault', 'callback secrets: a declined tap posts nothing', async () => {
      const posts: HttpRequest[] = [];
      const transport = {
        request: async (request: HttpRequest) => (posts.push(request), { status: 200, contentType: 'text/plain', body: 'success' }),
      };
      const { guard } = rig(false);
      const account: Account = { name: '测试号', appId: SAMPLE.appId, tokenSource: 'wechat', redis: {} };
      const ep = endpoint(REMOTE);
      const conversation = new Conversation(formatMessage, () => [ep.token]);
      const runner = new ExchangeRunner(
        {
          endpoints: { resolve: async () => ({ ok: true, endpoint: ep, account }) },
          simulators: guardedSimulators(
            { create: async (e) => new HttpCallbackSimulator(e, transport, { random: countingRandom() }) },
            guard,
          ),
          openId: async () => OPENID,
          log: { info: () => undefined, error: () => undefined },
        },
        conversation,
        formatMessage,
        { remember: () => undefined, refresh: async () => undefined, signal: new AbortController().signal },
      );
      const view = await runner.exchange('hi', { kind: 'text', content: 'hi' });
      assert.equal(posts.length, 0);
      assert.deepEqual(view.problems, [
        {
          message:
            'Not sent: the callback Token and EncodingAESKey were set up for http://127.0.0.1:3000, and using them for https://collector.example was not confirmed.',
          fix: 'If you run https://collector.example yourself, run "WeChat: Set Up Callback" with its URL and Token; otherwise check "wechat.simulator.callbacks".',
        },
      ]);
    }));
});

/** SecretStorage in memory: what CallbackSecrets stores, by key. */
function memorySecrets(): vscode.SecretStorage & { readonly values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: async (key: string) => values.get(key),
    store: async (key: string, value: string) => void values.set(key, value),
    delete: async (key: string) => void values.delete(key),
    keys: async () => [...values.keys()],
    onDidChange: (() => ({ dispose: () => undefined })) as unknown as vscode.Event<vscode.SecretStorageChangeEvent>,
  } as unknown as vscode.SecretStorage & { readonly values: Map<string, string> };
}

describe('Set Up Callback binds what it stores', () => {
  it('binds the Token and the EncodingAESKey to the origin of the URL they were typed with', async () => {
    const storage = memorySecrets();
    const secrets = new CallbackSecrets(storage, new Redactor());
    await secrets.storeToken(SAMPLE.appId, SAMPLE.token, 'https://dev.example:8443/wechat?x=1');
    await secrets.storeAesKey(SAMPLE.appId, SAMPLE.encodingAesKey, 'http://127.0.0.1:3000/wechat');
    assert.equal(await secrets.boundOrigin(SAMPLE.appId, 'token'), 'https://dev.example:8443');
    assert.equal(await secrets.boundOrigin(SAMPLE.appId, 'aesKey'), 'http://127.0.0.1:3000');
    assert.equal(storage.values.get(CALLBACK_TOKEN_KEY_PREFIX + SAMPLE.appId), SAMPLE.token);
    // The origins are not under the secrets' keys (nothing that reads a secret can read an origin instead).
    const originKeys = [...storage.values.keys()].filter((key) => storage.values.get(key)?.includes('://'));
    assert.ok(
      originKeys.every((key) => !key.startsWith(CALLBACK_TOKEN_KEY_PREFIX)),
      originKeys.join(),
    );
    assert.deepEqual((await secrets.read(SAMPLE.appId)).token, SAMPLE.token);
  });
});
