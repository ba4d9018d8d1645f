import * as assert from 'node:assert/strict';

import { type CommandTable, pickEntries } from '../../../src/ui/commandTable';

describe('pickEntries (the status-bar quick pick)', () => {
  const run = (): void => undefined;
  it('keeps a group together where two tables add to it, groups in order of first appearance', () => {
    const accounts: CommandTable<string> = {
      'wechat.setup': { run, pick: { group: 'Account', label: 'Set Up' } },
      'wechat.hidden': { run },
    };
    const menu: CommandTable<string> = {
      'wechat.upload': { run, pick: { group: 'Menu', label: 'Upload' } },
      'wechat.simulator': { run, pick: { group: 'Simulator', label: 'Open Simulator' } },
    };
    const simulator: CommandTable<string> = { 'wechat.verify': { run, pick: { group: 'Simulator', label: 'Verify' } } };
    const general: CommandTable<string> = { 'wechat.log': { run, pick: { group: 'Account', label: 'Show Log' } } };
    assert.deepEqual(
      pickEntries([accounts, menu, simulator, general]).map((entry) => `${entry.group}/${entry.label}/${entry.command}`),
      [
        'Account/Set Up/wechat.setup',
        'Account/Show Log/wechat.log',
        'Menu/Upload/wechat.upload',
        'Simulator/Open Simulator/wechat.simulator',
        'Simulator/Verify/wechat.verify',
      ],
    );
  });
});
