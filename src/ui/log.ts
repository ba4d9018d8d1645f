// The "WeChat" LogOutputChannel, seen through a Redactor: the AppSecret and access tokens are
// registered with it and never reach the channel, even inside URLs or error texts.
import * as vscode from 'vscode';

import { Logger } from '../common/logger';
import { Redactor } from '../wechat/redact';

export class RedactingLog implements Logger, vscode.Disposable {
  readonly redactor = new Redactor();

  constructor(private readonly channel: vscode.LogOutputChannel) {}

  trace(message: string): void {
    this.channel.trace(this.redactor.redact(message));
  }
  debug(message: string): void {
    this.channel.debug(this.redactor.redact(message));
  }
  info(message: string): void {
    this.channel.info(this.redactor.redact(message));
  }
  warn(message: string): void {
    this.channel.warn(this.redactor.redact(message));
  }
  error(message: string): void {
    this.channel.error(this.redactor.redact(message));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
