// `wechat.simulator.callbacks`, read where the simulator needs it (not with the settings at
// activation): fresh for every exchange, so a change applies to the next tap. What was wrong with
// it is logged once per change of the setting, not on every read.
import * as vscode from 'vscode';

import type { Logger } from '../../../common/logger';
import { CONFIG_SECTION } from '../../../config';
import { CALLBACKS_SETTING, type CallbackSettings, parseCallbacks } from '../core/chat/settings';

export class CallbackSettingsReader {
  private lastWarned = '';

  constructor(private readonly log: Logger) {}

  /** Each account's callback (URL, message mode, original ID) by AppID. */
  read(): ReadonlyMap<string, CallbackSettings> {
    const parsed = parseCallbacks(vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(CALLBACKS_SETTING));
    const warned = parsed.warnings.join('\n');
    if (warned !== this.lastWarned) for (const warning of parsed.warnings) this.log.warn(`settings: ${warning}`);
    this.lastWarned = warned;
    return parsed.byAppId;
  }
}
