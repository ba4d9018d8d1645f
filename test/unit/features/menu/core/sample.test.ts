import * as assert from 'node:assert/strict';

import { formatMenuJson } from '../../../../../src/features/menu/core/convert';
import { SAMPLE_MENU } from '../../../../../src/features/menu/core/sample';
import { validateMenu } from '../../../../../src/features/menu/core/validate';

describe('menu/sample (New Menu File)', () => {
  it('is a valid menu as it stands: no error, no warning', () => {
    const { problems, menu } = validateMenu(formatMenuJson(SAMPLE_MENU));
    assert.deepEqual(
      problems.filter((problem) => problem.severity !== 'hint'),
      [],
    );
    assert.deepEqual(menu, SAMPLE_MENU);
  });

  it('shows every common button type', () => {
    const types = new Set<string>();
    for (const button of SAMPLE_MENU.button) {
      if (button.type) types.add(button.type);
      for (const sub of button.sub_button ?? []) if (sub.type) types.add(sub.type);
    }
    for (const type of [
      'click',
      'view',
      'miniprogram',
      'scancode_push',
      'pic_photo_or_album',
      'location_select',
      'article_id',
      'media_id',
    ]) {
      assert.ok(types.has(type), type);
    }
  });
});
