// The only callers of vscode.window.show{Information,Warning,Error}Message (ESLint forbids them
// elsewhere): every message and modal detail passes through neutralizeLinks here, so a file
// name, an account name or WeChat's errmsg interpolated anywhere can never become a clickable
// `command:` link in a notification.
import * as vscode from 'vscode';

import { neutralizeLinks } from '../common/plainText';

type Item = string | vscode.MessageItem;
type Rest<T extends Item> = [vscode.MessageOptions, ...T[]] | T[];
type Show = (message: string, ...rest: unknown[]) => Thenable<unknown>;

function safeRest<T extends Item>(rest: Rest<T>): unknown[] {
  const [first, ...others] = rest;
  if (first === undefined || typeof first === 'string' || !isOptions(first)) return rest;
  const detail = first.detail === undefined ? {} : { detail: neutralizeLinks(first.detail) };
  return [{ ...first, ...detail }, ...others];
}

function isOptions(value: Exclude<Item, string> | vscode.MessageOptions): value is vscode.MessageOptions {
  return !('title' in value);
}

function show<T extends Item>(api: Show, message: string, rest: Rest<T>): Thenable<T | undefined> {
  return api(neutralizeLinks(message), ...safeRest(rest)) as Thenable<T | undefined>;
}

export function showInformationMessage<T extends Item>(message: string, ...rest: Rest<T>): Thenable<T | undefined> {
  return show((m, ...r) => vscode.window.showInformationMessage(m, ...(r as string[])), message, rest);
}

export function showWarningMessage<T extends Item>(message: string, ...rest: Rest<T>): Thenable<T | undefined> {
  return show((m, ...r) => vscode.window.showWarningMessage(m, ...(r as string[])), message, rest);
}

export function showErrorMessage<T extends Item>(message: string, ...rest: Rest<T>): Thenable<T | undefined> {
  return show((m, ...r) => vscode.window.showErrorMessage(m, ...(r as string[])), message, rest);
}

/**
 * vscode.window.withProgress: a Notification-located progress renders its title and messages with
 * the same link syntax (seen in the real host: "Clearing the API quota of <account name>…").
 */
export function withProgress<R>(
  options: vscode.ProgressOptions,
  task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>,
): Thenable<R> {
  const title = options.title === undefined ? {} : { title: neutralizeLinks(options.title) };
  return vscode.window.withProgress({ ...options, ...title }, (progress, token) =>
    task(
      { report: (value) => progress.report(value.message === undefined ? value : { ...value, message: neutralizeLinks(value.message) }) },
      token,
    ),
  );
}
