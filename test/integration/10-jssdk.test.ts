// JS-SDK Signature for URL in the real host: the snippet document's signature is the one the
// fake's ticket gives for the signed URL, the ticket is fetched once and then served from the
// shared cache, a fragment is stripped (and said), a non-http(s) URL is refused.
import * as assert from 'assert';
import { createHash } from 'crypto';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';

import { ensureAccount } from './support/api';
import { fakeCalls, fakeTicket, itConfig, waitFor } from './support/env';
import { answerInput, requireRunner } from './support/ui';

interface Snippet {
  readonly text: string;
  readonly appId: string;
  readonly timestamp: number;
  readonly nonceStr: string;
  readonly signature: string;
}

/** The wx.config fields of the snippet, read back the way a developer would copy them. */
function parseSnippet(text: string): Snippet {
  const field = (name: string): string => {
    const match = new RegExp(`^\\s*${name}: (.+),$`, 'm').exec(text);
    assert.ok(match, `wx.config has no ${name}:\n${text}`);
    return match[1]!;
  };
  return {
    text,
    appId: JSON.parse(field('appId')) as string,
    timestamp: Number(field('timestamp')),
    nonceStr: JSON.parse(field('nonceStr')) as string,
    signature: JSON.parse(field('signature')) as string,
  };
}

/** What the documentation's algorithm gives, computed here independently of the extension. */
function expectedSignature(ticket: string, snippet: Snippet, url: string): string {
  return createHash('sha1')
    .update(`jsapi_ticket=${ticket}&noncestr=${snippet.nonceStr}&timestamp=${snippet.timestamp}&url=${url}`)
    .digest('hex');
}

/** Runs the command and returns the snippet document it opened. */
async function runForUrl(args: unknown[], answer?: () => Promise<unknown>): Promise<Snippet> {
  const opened = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  const pending = Promise.resolve(vscode.commands.executeCommand<boolean>('wechat.jsSdkSignature', ...args));
  if (answer) await answer();
  assert.strictEqual(await pending, true);
  const editor = await waitFor('the snippet editor', () => {
    const e = vscode.window.activeTextEditor;
    return e && !opened.has(e.document.uri.toString()) ? e : undefined;
  });
  assert.strictEqual(editor.document.isUntitled, true);
  assert.strictEqual(editor.document.languageId, 'javascript');
  return parseSnippet(editor.document.getText());
}

const getticketCalls = async (): Promise<number> => (await fakeCalls()).filter((c) => c.path === '/cgi-bin/ticket/getticket').length;

suite('JS-SDK Signature for URL', () => {
  suiteSetup(async () => {
    await ensureAccount();
  });

  test("signs the URL with the fake's jsapi_ticket; the fragment is stripped and the ticket never shown", async () => {
    const config = await itConfig();
    const before = Math.floor(Date.now() / 1000);
    const snippet = await runForUrl([{ url: 'https://example.com/shop/?b=2&a=1#/orders' }]);
    const { ticket } = await fakeTicket();
    assert.ok(ticket, 'the fake issued a ticket');
    assert.strictEqual(snippet.appId, config.appId);
    assert.match(snippet.nonceStr, /^[A-Za-z0-9]{16}$/);
    assert.ok(
      snippet.timestamp >= before && snippet.timestamp <= Math.floor(Date.now() / 1000) + 1,
      `timestamp ${snippet.timestamp} in seconds`,
    );
    assert.strictEqual(snippet.signature, expectedSignature(ticket, snippet, 'https://example.com/shop/?b=2&a=1'));
    assert.ok(!snippet.text.includes(ticket), 'the snippet must not contain the ticket');
    assert.ok(
      snippet.text.includes(
        `jsapi_ticket=***(${ticket.length})&noncestr=${snippet.nonceStr}&timestamp=${snippet.timestamp}&url=https://example.com/shop/?b=2&a=1`,
      ),
    );
    assert.match(snippet.text, /#\/orders/, 'the removed fragment is named');
    assert.match(snippet.text, /JS interface safe domain/);
    assert.match(snippet.text, new RegExp(`${config.appId}`));
    assert.match(snippet.text, /stable_token/, 'the token source is named');
    assert.match(snippet.text, /wx\.config\(\{\n {2}debug: false,/);
    assert.match(snippet.text, /jsApiList: \[\],\n\}\);/);
  });

  test('a second URL reuses the cached ticket: no getticket and no token call', async () => {
    const calls = await getticketCalls();
    const tokens = (await fakeCalls()).length;
    const snippet = await runForUrl([{ url: 'http://mp.weixin.qq.com?params=value' }]);
    const { ticket } = await fakeTicket();
    assert.strictEqual(await getticketCalls(), calls);
    assert.strictEqual((await fakeCalls()).length, tokens, 'no HTTP call at all');
    assert.strictEqual(snippet.signature, expectedSignature(ticket!, snippet, 'http://mp.weixin.qq.com?params=value'));
    assert.match(snippet.text, /http:\/\/mp\.weixin\.qq\.com\/\?params=value/, 'says how location.href spells it');
  });

  test('refuses a non-http(s) URL without calling WeChat', async () => {
    const calls = (await fakeCalls()).length;
    const opened = vscode.window.activeTextEditor?.document.uri.toString();
    assert.strictEqual(
      await vscode.commands.executeCommand<boolean>('wechat.jsSdkSignature', { url: 'file:///srv/www/index.html' }),
      false,
    );
    assert.strictEqual((await fakeCalls()).length, calls);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), opened, 'no snippet opened');
  });

  test('a person types the URL into the input box', async function () {
    await requireRunner(this);
    const url = 'https://example.com/typed?id=7';
    const snippet = await runForUrl([], async () => {
      const seen = await answerInput(url);
      assert.match(seen.title, /JS-SDK Signature for URL/);
    });
    const { ticket } = await fakeTicket();
    assert.strictEqual(snippet.signature, expectedSignature(ticket!, snippet, url));
  });
});
