// The custom-menu endpoints, over one injected TokenCall that already carries a valid token
// (src/token/tokenCall.ts: a stale token is refreshed and the call retried once). vscode-free, and
// it does not know about tokens itself.
import { formatMessage, Localize } from '../../../common/localize';
import type { TokenCall } from '../../../wechat/client';
import {
  CURRENT_SELFMENU_INFO,
  MENU_ADD_CONDITIONAL,
  MENU_CREATE,
  MENU_DEL_CONDITIONAL,
  MENU_DELETE,
  MENU_GET,
  MENU_TRY_MATCH,
} from '../../../wechat/endpoints';
import { convertApiMenu, convertLiveMenu, MenuConversion } from './convert';
import { planUpload } from './menuBody';
import type { ConditionalMenu, Menu } from './model';
import { NO_MATCH_ERRCODE, NO_MENU_ERRCODE } from './rules/errcodes';

/** What a backup holds: the default menu and the conditional menus live at the time. */
export interface RestorableMenus {
  readonly menu: Menu;
  readonly conditional?: readonly ConditionalMenu[];
}

/** A restored conditional menu: WeChat gives it a new menuid; the old one (from the backup) may be unknown. */
export interface ChangedMenuid {
  readonly old: string | undefined;
  readonly new: string;
}

export interface RestoreResult {
  /** One entry per conditional menu of the backup, in its order. */
  readonly menuids: readonly ChangedMenuid[];
}

export function errcodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('errcode' in error)) return undefined;
  const errcode = (error as { errcode: unknown }).errcode;
  return typeof errcode === 'number' ? errcode : undefined;
}

export class MenuService {
  constructor(
    private readonly call: TokenCall,
    /** Localises the conversion notes (what could not be carried over as it is). */
    private readonly localize: Localize = formatMessage,
  ) {}

  /** Replaces the default menu. Sends only the documented fields (menuBody), never a matchrule. */
  async create(menu: Menu): Promise<void> {
    await this.call(MENU_CREATE, { body: { button: planUpload(menu).body.button } });
  }

  /** Adds a conditional menu; resolves with the menuid WeChat assigned. Sends only the documented fields. */
  async addConditional(menu: Menu): Promise<string> {
    const answer = await this.call<{ menuid?: unknown }>(MENU_ADD_CONDITIONAL, { body: planUpload(menu).body });
    return String(answer.menuid ?? '');
  }

  async deleteConditional(menuid: string): Promise<void> {
    await this.call(MENU_DEL_CONDITIONAL, { body: { menuid } });
  }

  /** Deletes the default menu and every conditional menu. */
  async deleteAll(): Promise<void> {
    await this.call(MENU_DELETE);
  }

  /**
   * Makes the live menus what the backup holds: the default menu first (menu/create keeps the
   * conditional menus, and a refused default menu should change nothing), then the conditional
   * menus that are live now are removed — re-adding next to them would duplicate them and run into
   * the limit (65305) — and each conditional menu of the backup is added again. addconditional
   * assigns new menuids, which the result lists so the user can update whatever refers to them.
   */
  async restore(backup: RestorableMenus): Promise<RestoreResult> {
    await this.create(backup.menu);
    for (const live of (await this.current()).conditional) {
      if (live.menuid) await this.deleteConditional(live.menuid);
    }
    const menuids: ChangedMenuid[] = [];
    for (const entry of backup.conditional ?? []) {
      menuids.push({ old: entry.menuid, new: await this.addConditional(entry.menu) });
    }
    return { menuids };
  }

  /**
   * The menus as they are now, in upload shape. menu/get knows menus created through the API
   * (and the conditional ones); a menu made in the MP console only shows in
   * get_current_selfmenu_info, which is the fallback.
   */
  async current(): Promise<MenuConversion> {
    let fromApi: MenuConversion | undefined;
    try {
      fromApi = convertApiMenu(await this.call<object>(MENU_GET), this.localize);
    } catch (error) {
      if (errcodeOf(error) !== NO_MENU_ERRCODE) throw error;
    }
    if (fromApi?.menu) return fromApi;
    const live = convertLiveMenu(await this.call<object>(CURRENT_SELFMENU_INFO), this.localize);
    return fromApi && fromApi.conditional.length > 0 ? { ...live, conditional: fromApi.conditional } : live;
  }

  /** The menu a given user (openid or WeChat id) would see; undefined when none matches. */
  async tryMatch(userId: string): Promise<MenuConversion | undefined> {
    try {
      const answer = await this.call<object>(MENU_TRY_MATCH, { body: { user_id: userId } });
      return convertApiMenu({ menu: answer }, this.localize);
    } catch (error) {
      if (errcodeOf(error) === NO_MATCH_ERRCODE || errcodeOf(error) === NO_MENU_ERRCODE) return undefined;
      throw error;
    }
  }
}
