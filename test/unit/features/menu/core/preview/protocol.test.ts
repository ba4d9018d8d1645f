// What the preview's webview may ask — the menu's and the callback simulator's messages: every
// message is checked field by field, so a page that was tampered with cannot slip anything else through.
import * as assert from 'node:assert/strict';

import { parseFromWebview } from '../../../../../../src/features/menu/core/preview/protocol';
import { SIMULATED_EVENTS } from '../../../../../../src/features/simulator/core/chat/events';
import { hardeningCase } from '../../../../../hardening/ledger';

describe('menu preview protocol: parseFromWebview (simulator messages)', () => {
  it('accepts each simulator message in its exact shape', () => {
    assert.deepEqual(parseFromWebview({ type: 'tap', id: 'b1' }, SIMULATED_EVENTS), { type: 'tap', id: 'b1' });
    assert.deepEqual(parseFromWebview({ type: 'tap', id: 'b2.4' }, SIMULATED_EVENTS), { type: 'tap', id: 'b2.4' });
    assert.deepEqual(parseFromWebview({ type: 'sendText', text: '你好' }, SIMULATED_EVENTS), { type: 'sendText', text: '你好' });
    assert.deepEqual(parseFromWebview({ type: 'simulate', event: 'subscribeScene' }, SIMULATED_EVENTS), {
      type: 'simulate',
      event: 'subscribeScene',
    });
    assert.deepEqual(parseFromWebview({ type: 'retry', exchangeId: 'x12' }, SIMULATED_EVENTS), { type: 'retry', exchangeId: 'x12' });
    assert.deepEqual(parseFromWebview({ type: 'showRaw', exchangeId: 'x1' }, SIMULATED_EVENTS), { type: 'showRaw', exchangeId: 'x1' });
    assert.deepEqual(parseFromWebview({ type: 'openLink', url: 'https://example.com/a?b=1' }, SIMULATED_EVENTS), {
      type: 'openLink',
      url: 'https://example.com/a?b=1',
    });
    assert.deepEqual(parseFromWebview({ type: 'setUpCallback' }, SIMULATED_EVENTS), { type: 'setUpCallback' });
    assert.deepEqual(parseFromWebview({ type: 'verifyCallback' }, SIMULATED_EVENTS), { type: 'verifyCallback' });
  });

  it('drops extra fields: only the checked ones reach the extension', () => {
    assert.deepEqual(parseFromWebview({ type: 'tap', id: 'b0', key: 'FORGED', url: 'https://evil.example' }, SIMULATED_EVENTS), {
      type: 'tap',
      id: 'b0',
    });
    assert.deepEqual(parseFromWebview({ type: 'setUpCallback', url: 'http://evil.example' }, SIMULATED_EVENTS), { type: 'setUpCallback' });
  });

  const hostile: Array<[string, unknown]> = [
    ['tap without id', { type: 'tap' }],
    ['tap with a number id', { type: 'tap', id: 0 }],
    ['tap with a problem id', { type: 'tap', id: 'p0' }],
    ['tap with a path', { type: 'tap', id: 'b0/../x' }],
    ['tap with a huge index', { type: 'tap', id: 'b123456' }],
    ['text empty', { type: 'sendText', text: '   ' }],
    ['text not a string', { type: 'sendText', text: ['a'] }],
    ['text too long', { type: 'sendText', text: 'x'.repeat(5000) }],
    ['unknown event', { type: 'simulate', event: 'masssend' }],
    ['event as object', { type: 'simulate', event: { toString: () => 'subscribe' } }],
    ['retry of a made-up id', { type: 'retry', exchangeId: '../x' }],
    ['command: link', { type: 'openLink', url: 'command:workbench.action.terminal.new' }],
    ['javascript: link', { type: 'openLink', url: 'javascript:alert(1)' }],
    ['file: link', { type: 'openLink', url: 'file:///etc/passwd' }],
    ['array', [{ type: 'ready' }]],
    ['unknown type', { type: 'runCommand', command: 'wechat.deleteMenu' }],
  ];
  for (const [name, message] of hostile) {
    it(`refuses ${name}`, () =>
      hardeningCase('hostile', `preview protocol: ${name}`, () => {
        assert.equal(parseFromWebview(message, SIMULATED_EVENTS), undefined);
      }));
  }
});
