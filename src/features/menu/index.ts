// The custom-menu feature: its commands and, at activation, only a watch for the first menu
// document and the schema provider. The implementation (dist/menu.js: JSON parser, validator, preview)
// loads when a menu document shows up or a menu command runs.
import { DisposableStore } from '../../common/lifecycle';
import { MENU_COMMANDS, type MenuCommandId } from '../../ui/commandIds';
import { type CommandTable, isConfigured } from '../../ui/commandTable';
import { CONTEXT_KEYS } from '../../ui/contextKeys';
import type { Feature } from '../../ui/feature';
import type { Invocation } from '../../ui/invocation';
import {
  CURRENT_SELFMENU_INFO,
  MENU_ADD_CONDITIONAL,
  MENU_CREATE,
  MENU_DEL_CONDITIONAL,
  MENU_DELETE,
  MENU_GET,
  MENU_TRY_MATCH,
} from '../../wechat/endpoints';
import { mayBeMenuDocument } from './core/menuDocuments';
import { MENU_SCHEMA_SCHEME } from './core/schemaUri';
import type { MenuFeature } from './ui/host';

export type { ChatStrings, ChatView, ExchangeView, NewsCardView, ProblemView, ReplyView, TextSegment } from './core/preview/chatView';
export type { EventButtonType } from './core/rules/buttons';
export { mayBeMenuDocument };

export const menuFeature: Feature<MenuCommandId, MenuFeature> = {
  id: 'menu',
  endpoints: [MENU_CREATE, MENU_GET, CURRENT_SELFMENU_INFO, MENU_DELETE, MENU_ADD_CONDITIONAL, MENU_DEL_CONDITIONAL, MENU_TRY_MATCH],
  contextKeys: [CONTEXT_KEYS.menuFile],
  commands(impl, context): CommandTable<MenuCommandId> {
    const t = context.localize;
    const group = t('Custom menu');
    // Some commands answer (Simulate Tap returns the exchange it made).
    const run = (id: MenuCommandId) => (invocation: Invocation) => impl().commands[id](invocation);
    return {
      [MENU_COMMANDS.uploadMenu]: {
        run: run(MENU_COMMANDS.uploadMenu),
        pick: { group, label: `$(cloud-upload) ${t('Upload Menu')}`, detail: t('The menu in the active editor'), when: isConfigured },
      },
      [MENU_COMMANDS.previewMenu]: { run: run(MENU_COMMANDS.previewMenu), pick: { group, label: `$(open-preview) ${t('Preview Menu')}` } },
      [MENU_COMMANDS.downloadMenu]: {
        run: run(MENU_COMMANDS.downloadMenu),
        pick: { group, label: `$(cloud-download) ${t('Download Current Menu')}`, when: isConfigured },
      },
      [MENU_COMMANDS.restoreMenuBackup]: {
        run: run(MENU_COMMANDS.restoreMenuBackup),
        pick: { group, label: `$(history) ${t('Restore Menu Backup')}`, when: isConfigured },
      },
      [MENU_COMMANDS.newMenuFile]: { run: run(MENU_COMMANDS.newMenuFile), pick: { group, label: `$(new-file) ${t('New Menu File')}` } },
      [MENU_COMMANDS.deleteMenu]: { run: run(MENU_COMMANDS.deleteMenu) },
      [MENU_COMMANDS.deleteConditionalMenu]: { run: run(MENU_COMMANDS.deleteConditionalMenu) },
      [MENU_COMMANDS.tryMatchMenu]: { run: run(MENU_COMMANDS.tryMatchMenu) },
      [MENU_COMMANDS.openSimulator]: {
        run: run(MENU_COMMANDS.openSimulator),
        pick: {
          group: t('Callback simulator'),
          label: `$(device-mobile) ${t('Open Simulator')}`,
          detail: t('Tap menu buttons, send messages and events to your server'),
        },
      },
      [MENU_COMMANDS.simulateTap]: { run: run(MENU_COMMANDS.simulateTap) },
    };
  },
  activate(context, impl) {
    const store = new DisposableStore();
    // jsonValidation points at this scheme so the schema's descriptions can be localised.
    store.add(context.provideText(MENU_SCHEMA_SCHEME, () => impl().menuSchema()));
    // Once loaded, the implementation watches every menu document itself.
    store.add(
      context.onFirstDocument(
        (document) => document.uri.scheme !== MENU_SCHEMA_SCHEME && mayBeMenuDocument(document),
        (document) => impl().watch(document),
      ),
    );
    return store;
  },
};
