// Loads the simulator core (dist/callback.js: crypto, XML parser) on the first exchange or
// handshake, never at activation, and makes a CallbackSimulator for an endpoint. The HTTP goes
// through the extension's transport (loopback URLs direct, others through VS Code's proxy).
import type * as vscode from 'vscode';

import { lazyRequire } from '../../../ui/lazyRequire';
import type { HttpTransport } from '../../../wechat/http';
import type { CallbackModule } from '../core/bundle';
import type { CallbackEndpoint, CallbackSimulator } from '../core/types';

export class SimulatorLoader {
  private module: CallbackModule | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly transport: () => Promise<HttpTransport>,
  ) {}

  /** A simulator for this endpoint; made per exchange, so it always has the latest settings and secrets. */
  async create(endpoint: CallbackEndpoint): Promise<CallbackSimulator> {
    this.module ??= lazyRequire<CallbackModule>(this.extensionUri, 'callback.js');
    return this.module.createCallbackSimulator(endpoint, await this.transport());
  }
}
