// Custom menus: menu/create, menu/get, get_current_selfmenu_info, menu/delete, addconditional,
// delconditional and trymatch, validated by rules.ts and answered in each endpoint's own shape
// (menu/get's `sub_button: []` on leaves, selfmenu_info's `sub_button: {list}`), plus what tests
// read and set directly (liveMenu, setLiveMenu, conditionalMenus).

import { deepClone, jsonBody, Replies } from './replies';
import { checkMatchrule, checkMenu, E, FAKE_LIMITS, fieldsForType, isRecord } from './rules';
import type { AccountState, Reply, RequestContext } from './types';

export class Menus {
  /** Default and conditional menus share one sequence, like the platform's menuids. */
  private nextMenuId = 400_000_001;

  constructor(private readonly replies: Replies) {}

  /** The default menu as uploaded (upload shape), or undefined. */
  live(st: AccountState): unknown | undefined {
    return st.defaultMenu ? deepClone(st.defaultMenu.body) : undefined;
  }

  /** Replaces the default menu without validation (undefined removes it; conditional menus stay). */
  setLive(st: AccountState, menu: unknown | undefined): void {
    if (menu === undefined) {
      st.defaultMenu = undefined;
      return;
    }
    if (!isRecord(menu)) throw new Error('setLiveMenu: menu must be an object like {"button":[…]}');
    st.defaultMenu = { body: deepClone(menu), menuid: this.nextMenuId++ };
  }

  /** Conditional menus in upload shape: `{button, matchrule, menuid}` (menuid as the string addconditional returned). */
  conditional(st: AccountState): unknown[] {
    return st.conditional.map((m) => ({ ...deepClone(m.body), matchrule: deepClone(m.matchrule), menuid: String(m.menuid) }));
  }

  /** POST /cgi-bin/menu/create: validates with rules.ts, replaces the default menu. */
  create(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const violation = checkMenu(body);
    if (violation) return this.replies.err(violation.errcode);
    st.defaultMenu = { body: deepClone(body), menuid: this.nextMenuId++ };
    return this.replies.ok();
  }

  /** GET /cgi-bin/menu/get: the API-created menus, leaves with `sub_button: []` like the real one. */
  get(_ctx: RequestContext, st: AccountState): Reply {
    if (!st.defaultMenu) return this.replies.err(E.MENU_NOT_EXIST);
    const result: Record<string, unknown> = {
      menu: { button: menuGetButtons(st.defaultMenu.body), menuid: st.defaultMenu.menuid },
    };
    if (st.conditional.length > 0) {
      result['conditionalmenu'] = st.conditional.map((m) => ({
        button: menuGetButtons(m.body),
        matchrule: deepClone(m.matchrule),
        menuid: m.menuid,
      }));
    }
    return this.replies.data(result);
  }

  /** GET /cgi-bin/get_current_selfmenu_info: the live menu in its own shape (sub_button.list). */
  selfmenuInfo(_ctx: RequestContext, st: AccountState): Reply {
    if (!st.defaultMenu) return this.replies.data({ is_menu_open: 0 });
    const buttons = asArray(st.defaultMenu.body['button']).map((b) => {
      const rec = isRecord(b) ? b : {};
      const subs = asArray(rec['sub_button']);
      if (subs.length > 0) {
        return { name: rec['name'], sub_button: { list: subs.map((s) => leafFields(isRecord(s) ? s : {})) } };
      }
      return leafFields(rec);
    });
    return this.replies.data({ is_menu_open: 1, selfmenu_info: { button: buttons } });
  }

  /** GET /cgi-bin/menu/delete: removes the default and every conditional menu. */
  delete(_ctx: RequestContext, st: AccountState): Reply {
    st.defaultMenu = undefined;
    st.conditional = [];
    return this.replies.ok();
  }

  /** POST /cgi-bin/menu/addconditional {button, matchrule} → {menuid} */
  addConditional(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const ruleProblem = checkMatchrule(body['matchrule']);
    if (ruleProblem) return this.replies.err(ruleProblem.errcode);
    if (!st.defaultMenu) return this.replies.err(E.NO_DEFAULT_MENU);
    const buttons = body['button'];
    if (buttons === undefined || buttons === null || (Array.isArray(buttons) && buttons.length === 0)) {
      return this.replies.err(E.CONDITIONAL_MENU_EMPTY);
    }
    const violation = checkMenu(body);
    if (violation) return this.replies.err(violation.errcode);
    if (st.conditional.length >= FAKE_LIMITS.conditionalMenusMax) return this.replies.err(E.CONDITIONAL_MENU_LIMIT);
    const { matchrule, ...rest } = deepClone(body);
    const menuid = this.nextMenuId++;
    st.conditional.push({ body: rest, matchrule: matchrule as Record<string, unknown>, menuid });
    return this.replies.data({ menuid: String(menuid) });
  }

  /** POST /cgi-bin/menu/delconditional {menuid} */
  delConditional(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const id = body['menuid'];
    const wanted = typeof id === 'number' || typeof id === 'string' ? String(id) : '';
    const index = st.conditional.findIndex((m) => String(m.menuid) === wanted);
    if (index < 0) return this.replies.err(E.CONDITIONAL_MENU_NOT_EXIST);
    st.conditional.splice(index, 1);
    return this.replies.ok();
  }

  /** POST /cgi-bin/menu/trymatch {user_id}: the fake knows no user profiles, so everyone sees the default menu. */
  tryMatch(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const userId = body['user_id'];
    if (typeof userId !== 'string' || userId.trim() === '') return this.replies.err(E.NO_SUCH_USER);
    if (!st.defaultMenu) return this.replies.err(E.MENU_VERSION_NOT_EXIST);
    return this.replies.data({ button: menuGetButtons(st.defaultMenu.body) });
  }
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A leaf in the live shape: type, name and the fields its type uses. */
function leafFields(b: Record<string, unknown>): Record<string, unknown> {
  const type = typeof b['type'] === 'string' ? b['type'] : '';
  const out: Record<string, unknown> = { type, name: b['name'] };
  for (const f of fieldsForType(type)) if (b[f] !== undefined) out[f] = b[f];
  return out;
}

/** Buttons the way menu/get and trymatch return them: only known fields, `sub_button: []` on leaves. */
function menuGetButtons(body: Record<string, unknown>): unknown[] {
  return asArray(body['button']).map((b) => {
    const rec = isRecord(b) ? b : {};
    const subs = asArray(rec['sub_button']);
    if (subs.length > 0) {
      return {
        name: rec['name'],
        sub_button: subs.map((s) => ({ ...leafFields(isRecord(s) ? s : {}), sub_button: [] })),
      };
    }
    return { ...leafFields(rec), sub_button: [] };
  });
}
