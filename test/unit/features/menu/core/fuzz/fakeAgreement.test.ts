// Fuzzing the validator against the fake WeChat server's independent rule check:
// test/fake-wechat/rules.ts decides menu/create with checkMenu and menu/addconditional with
// checkMatchrule + checkMenu (test/fake-wechat/menus.ts). For generated plausible menus, every menu
// our validator accepts (no error) the fake accepts — as written and as the upload body we would
// send — so every menu the fake rejects, we reject too.
//
// The rules both sides decide, and which this compares: 1–3 top-level and 1–5 sub-buttons, no
// sub-menu under a sub-button, name/key/url byte limits per level (UTF-8), documented button
// types, the fields each type needs (key, url, media_id, article_id, appid, pagepath present and
// non-empty), http(s) urls with a host that has a registrable domain, at most 3 registrable
// domains per menu, a non-empty match rule with country for province/city and province for city.
// Left out, because only WeChat knows them: whether a media_id/article_id exists, whether the
// mini program is linked, which domains the account may link to, whether a tag exists, how many
// conditional menus the account already has and whether it has a default menu.
// Our validator may be stricter (a blank name, a client_platform_type other than 1–3): the
// property is the one implication, not equality.
import * as assert from 'node:assert/strict';

import fc from 'fast-check';

import { planUpload } from '../../../../../../src/features/menu/core/menuBody';
import { canUpload, validateMenu } from '../../../../../../src/features/menu/core/validate';
import { checkMatchrule, checkMenu, type MenuViolation } from '../../../../../fake-wechat/rules';
import { hardeningCase } from '../../../../../hardening/ledger';
import { plausibleMenu } from './arbitraries';

const SEED = 20261202;

/** What the fake server answers for this body: undefined when it accepts. */
function fakeVerdict(body: Record<string, unknown>): MenuViolation | undefined {
  if (Object.hasOwn(body, 'matchrule')) return checkMatchrule(body['matchrule']) ?? checkMenu(body);
  return checkMenu(body);
}

describe('fuzz: the validator agrees with the fake server', () => {
  it('every plausible menu we accept, the fake accepts (as written and as sent)', () => {
    const tally = { accepted: 0, rejectedByBoth: 0 };
    fc.assert(
      fc.property(plausibleMenu, (menu) =>
        hardeningCase('hostile', 'fuzz menu: agreement with the fake server', () => {
          const text = JSON.stringify(menu, null, 2);
          const validation = validateMenu(text);
          const written = fakeVerdict(JSON.parse(text) as Record<string, unknown>);
          if (!canUpload(validation)) {
            if (written) tally.rejectedByBoth++;
            return;
          }
          tally.accepted++;
          const plan = planUpload(validation.menu);
          const sent = plan.conditional ? plan.body : { button: plan.body.button };
          assert.equal(written, undefined, `we accept, the fake answers ${JSON.stringify(written)}`);
          assert.equal(fakeVerdict(sent as unknown as Record<string, unknown>), undefined, 'the body we send is refused');
          assert.equal(plan.conditional, Object.hasOwn(menu, 'matchrule'));
        }),
      ),
      { seed: SEED, numRuns: 1000 },
    );
    // Not vacuous: both outcomes occur often.
    assert.ok(tally.accepted > 50, `accepted ${tally.accepted}`);
    assert.ok(tally.rejectedByBoth > 50, `rejected by both ${tally.rejectedByBoth}`);
  });
});
