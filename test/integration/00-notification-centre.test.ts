// The suites read notifications in the notification centre (the test host shows no toasts). The
// centre hides itself when its last notification closes, and a notification added while it is
// hidden is rendered nowhere. A progress notification stays at least 800 ms after its task and
// `notifications.clearAll` leaves it, so on a busy machine a command's notification often comes
// after the centre, opened to read it, has closed again under the reader: "Clear API Quota with
// a token" waited 15 s for a notification that was there all along. This suite plays that
// sequence with explicit signals, so it fails whenever readNotification trusts one opening.
import * as assert from 'assert';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';

import { waitFor } from './support/env';
import { notificationCentreVisible, readNotification, requireRunner } from './support/ui';

suite('reading notifications in the real window', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  test('a notification that comes after the centre hid itself (its last item, a progress, closed) is still read', async function () {
    await requireRunner(this);
    await vscode.commands.executeCommand('notifications.clearAll');
    let finish = (): void => undefined;
    const task = new Promise<void>((resolve) => (finish = resolve));
    // Test code, not the extension: it plays the progress of a command that ran just before.
    const progress = vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'wechat-it: a command before' },
      () => task,
    );

    const message = 'wechat-it: the notification a command shows late';
    const reading = readNotification(message);
    reading.catch(() => undefined); // awaited below; a rejection before then is not unhandled
    await waitFor('the reader to open the notification centre', notificationCentreVisible);
    finish();
    await progress;
    await waitFor('the centre to hide itself once the progress closed', async () => !(await notificationCentreVisible()));
    void vscode.window.showInformationMessage(message);
    assert.match(await reading, /the notification a command shows late/);
  });
});
