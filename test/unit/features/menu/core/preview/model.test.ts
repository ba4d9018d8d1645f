import * as assert from 'node:assert/strict';

import { formatMessage } from '../../../../../../src/common/localize';
import { buildPreviewModel } from '../../../../../../src/features/menu/core/preview/model';
import { parseFromWebview, type PreviewButton } from '../../../../../../src/features/menu/core/preview/protocol';
import { validateMenu } from '../../../../../../src/features/menu/core/validate';
import { SIMULATED_EVENTS } from '../../../../../../src/features/simulator/core/chat/events';

const model = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return { text, model: buildPreviewModel(text, validateMenu(text), formatMessage) };
};
const button = (buttons: readonly PreviewButton[] | undefined, index: number): PreviewButton => {
  const found = buttons?.[index];
  assert.ok(found, `no button ${index}`);
  return found;
};

describe('preview model', () => {
  const sample = {
    button: [
      { type: 'click', name: 'VIP会员中心', key: 'MUSIC' }, // 15 bytes: valid, yet cut on screen
      {
        name: '服务',
        sub_button: [
          { type: 'view', name: '搜索', url: 'https://example.com/' },
          { type: 'view', name: '客服', url: 'ftp://example.com/' },
        ],
      },
    ],
  };

  it('truncates names the way the client does and keeps the full name in the tooltip', () => {
    const top = button(model(sample).model.buttons, 0);
    assert.equal(top.label, 'VIP会员…');
    assert.equal(top.truncated, true);
    assert.equal(top.severity, undefined);
    assert.equal(top.title, 'VIP会员中心\nclick · MUSIC');
    assert.match(top.ariaLabel, /^VIP会员中心/);
    assert.match(top.ariaLabel, /shown as "VIP会员…"/);
  });

  it('marks the sub-button with the problem and its parent with a dot', () => {
    const { model: m } = model(sample);
    const parent = button(m.buttons, 1);
    assert.equal(parent.severity, undefined);
    assert.equal(parent.childSeverity, 'error');
    assert.equal(button(parent.subButtons, 0).severity, undefined);
    assert.equal(button(parent.subButtons, 1).severity, 'error');
    assert.equal(m.summarySeverity, 'error');
  });

  it('names problems by button names and points every id at its source', () => {
    const { text, model: m } = model(sample);
    const problem = m.problems.find((p) => p.location === '服务 › 客服 › url');
    assert.ok(problem, JSON.stringify(m.problems));
    assert.equal(problem.errcode, 'errcode 40054');
    const source = m.sources.get(problem.id);
    assert.ok(source);
    assert.equal(text.slice(source.offset, source.offset + source.length), '"ftp://example.com/"');
    const sub = m.sources.get('b1.1');
    assert.ok(sub);
    assert.equal(text.slice(sub.offset, sub.offset + sub.length), '"客服"');
  });

  it('says the menu can be uploaded when nothing is wrong', () => {
    const { model: m } = model({ button: [{ type: 'click', name: 'A', key: 'K' }] });
    assert.deepEqual(m.problems, []);
    assert.equal(m.summarySeverity, 'ok');
    assert.equal(m.summary, 'No problems: the menu can be uploaded.');
  });

  it('has no buttons for unreadable JSON, but still lists the parse error', () => {
    const { model: m } = model('{"button": [ {"name": "A", ');
    assert.equal(m.buttons, undefined);
    assert.ok(m.problems.length > 0);
    assert.equal(m.summarySeverity, 'error');
  });

  it('shows buttons without a name as untitled and numbers them in locations', () => {
    const { model: m } = model({ button: [{ type: 'click', key: 'K' }] });
    const top = button(m.buttons, 0);
    assert.equal(top.label, '');
    assert.equal(top.severity, 'error');
    assert.ok(
      m.problems.some((p) => p.location.startsWith('Button 1')),
      JSON.stringify(m.problems),
    );
  });
});

describe('preview messages from the webview', () => {
  it('accepts only the known shapes', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }, SIMULATED_EVENTS), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'reveal', id: 'b0' }, SIMULATED_EVENTS), { type: 'reveal', id: 'b0' });
    assert.equal(parseFromWebview({ type: 'reveal', id: 3 }, SIMULATED_EVENTS), undefined);
    assert.equal(parseFromWebview({ type: 'run', command: 'x' }, SIMULATED_EVENTS), undefined);
    assert.equal(parseFromWebview(null, SIMULATED_EVENTS), undefined);
    assert.equal(parseFromWebview('ready', SIMULATED_EVENTS), undefined);
  });
});
