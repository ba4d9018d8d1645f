// The one confirmation service: modal confirmations for everything that destroys something a
// server or a follower relies on (a token in use, the AppSecret, the live menu). Built once by the
// kernel; it alone decides whether a command's test options count (test mode only). The kernel's
// own prompts (a new host, a classic fetch) are in prompts.ts, loaded when one is asked.
import * as vscode from 'vscode';

import { Invocation, PLAIN_INVOCATION, TestOptions } from './invocation';
import { showWarningMessage } from './notify';

export interface ConfirmPrompt {
  readonly message: string;
  readonly detail: string;
  /** The button that confirms; Cancel and Escape decline. */
  readonly action: string;
}

const TEST_OPTION_KEYS: ReadonlyArray<keyof TestOptions> = [
  'skipConfirmation',
  'appId',
  'appSecret',
  'username',
  'url',
  'action',
  'operator',
  'callbackUrl',
  'messageMode',
  'callbackToken',
  'encodingAesKey',
  'originalId',
];

export class Confirmations {
  constructor(private readonly testMode: boolean) {}

  /** Reads a command's arguments: the resource it was invoked on, and test options in test mode. */
  invocation(args: readonly unknown[]): Invocation {
    const uri = args.find((arg): arg is vscode.Uri => arg instanceof vscode.Uri);
    const options = this.testMode ? args.find(isTestOptions) : undefined;
    const text = args.find((arg): arg is string => typeof arg === 'string');
    if (!uri && !options && text === undefined) return PLAIN_INVOCATION;
    return { uri, test: options ? pickTestOptions(options) : {}, ...(text === undefined ? {} : { text }) };
  }

  /** True when the user chose the action (or, in test mode, the invocation skips confirmations). */
  async confirm(prompt: ConfirmPrompt, invocation: Invocation = PLAIN_INVOCATION): Promise<boolean> {
    if (invocation.test.skipConfirmation === true) return true;
    return confirmModal(prompt.message, prompt.detail, prompt.action);
  }
}

/** A modal warning with one action: true only when the user chose it (Cancel or Escape → false). */
async function confirmModal(message: string, detail: string, action: string): Promise<boolean> {
  return (await showWarningMessage(message, { modal: true, detail }, action)) === action;
}

function isTestOptions(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof vscode.Uri) return false;
  return TEST_OPTION_KEYS.some((key) => Object.hasOwn(value, key));
}

/** Only the known keys, each of the right type: what a test passes is checked like user input. */
function pickTestOptions(value: Record<string, unknown>): TestOptions {
  const text = (key: string): string | undefined => (typeof value[key] === 'string' ? (value[key] as string) : undefined);
  return {
    skipConfirmation: value['skipConfirmation'] === true,
    appId: text('appId'),
    appSecret: text('appSecret'),
    username: text('username'),
    url: text('url'),
    action: text('action'),
    operator: text('operator'),
    callbackUrl: text('callbackUrl'),
    messageMode: text('messageMode'),
    callbackToken: text('callbackToken'),
    encodingAesKey: text('encodingAesKey'),
    originalId: text('originalId'),
  };
}
