import * as assert from 'node:assert/strict';

import { commandTitle } from '../../../src/ui/commandTitles';

describe('commandTitle', () => {
  const manifest = {
    contributes: {
      commands: [
        { command: 'wechat.uploadMenu', title: 'Upload Menu', category: 'WeChat' },
        { command: 'wechat.bare', title: 'Bare' },
        { command: 'wechat.unlocalised', title: '%command.x%', category: 'WeChat' },
      ],
    },
  };
  it('is "Category: Title" as the palette shows it', () =>
    assert.equal(commandTitle(manifest, 'wechat.uploadMenu'), 'WeChat: Upload Menu'));
  it('is the title alone without a category', () => assert.equal(commandTitle(manifest, 'wechat.bare'), 'Bare'));
  it('falls back to the id for an unlocalised or unknown command and a damaged manifest', () => {
    assert.equal(commandTitle(manifest, 'wechat.unlocalised'), 'wechat.unlocalised');
    assert.equal(commandTitle(manifest, 'wechat.none'), 'wechat.none');
    assert.equal(commandTitle(undefined, 'wechat.x'), 'wechat.x');
    assert.equal(commandTitle({ contributes: { commands: 'no' } }, 'wechat.x'), 'wechat.x');
    assert.equal(commandTitle({ contributes: { commands: [null, 3] } }, 'wechat.x'), 'wechat.x');
  });
});
