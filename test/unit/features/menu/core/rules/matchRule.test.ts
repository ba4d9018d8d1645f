import * as assert from 'node:assert/strict';

import { MATCHRULE_FIELDS } from '../../../../../../src/features/menu/core/rules/matchRule';

describe('menu rules: match rule', () => {
  it('knows the match rule dependencies and the group_id rename', () => {
    assert.deepEqual(MATCHRULE_FIELDS.province.needs, { field: 'country', errcode: 65310 });
    assert.deepEqual(MATCHRULE_FIELDS.city.needs, { field: 'province', errcode: 65311 });
    assert.equal(MATCHRULE_FIELDS.group_id.renamedTo, 'tag_id');
    assert.deepEqual(
      MATCHRULE_FIELDS.client_platform_type.values?.map((v) => v.value),
      ['1', '2', '3'],
    );
  });
});
