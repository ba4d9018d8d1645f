// "WeChat: Verify Callback URL": the GET handshake the console performs when the URL is saved
// (signature, timestamp, nonce, echostr — the server must echo echostr), with progress, then pass
// or fail with each reason and its fix. The request URL shown carries WeChat's parameters only:
// the Token is an input of the signature, never a parameter.
import * as vscode from 'vscode';

import type { ErrorPresenter } from '../../../ui/errorPresenter';
import type { RedactingLog } from '../../../ui/log';
import { showInformationMessage, showWarningMessage, withProgress } from '../../../ui/notify';
import type { ProblemView } from '../../menu';
import { isCallbackHostRefused, type SimulatorFactory } from '../core/chat/callbackHost';
import { hostRefusedProblem, missingProblem } from '../core/chat/chatTexts';
import { Conversation, formatElapsed } from '../core/chat/conversation';
import type { HandshakeResult } from '../core/types';
import type { CallbackEndpoints } from './endpoints';

export interface VerifyHost {
  readonly endpoints: CallbackEndpoints;
  /** Checked against the callback secrets' origin (callbackHost.ts) before anything is sent. */
  readonly simulators: SimulatorFactory;
  readonly presenter: ErrorPresenter;
  readonly log: RedactingLog;
}

/** What the command returns (tests read it): the outcome as the user was told it. */
export interface VerifyOutcome {
  readonly ok: boolean;
  readonly requestUrl: string;
  readonly problems: readonly ProblemView[];
  readonly message: string;
}

export class CallbackVerifier {
  constructor(private readonly host: VerifyHost) {}

  async run(): Promise<VerifyOutcome | undefined> {
    const t = vscode.l10n.t;
    const state = await this.host.endpoints.resolve();
    if (!state.ok) {
      const problem = missingProblem(state, t);
      const setUp = t('Set Up Callback');
      void showWarningMessage(`${problem.message} ${problem.fix}`, setUp).then((picked) =>
        picked === setUp ? vscode.commands.executeCommand('wechat.setUpCallback') : undefined,
      );
      return { ok: false, requestUrl: '', problems: [problem], message: problem.message };
    }
    const endpoint = state.endpoint;
    const conversation = new Conversation(t, () => [endpoint.token, endpoint.encodingAesKey ?? ''].filter(Boolean));
    let result: HandshakeResult;
    try {
      result = await withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: t('Verifying {0} the way the console does…', endpoint.url),
          cancellable: true,
        },
        async (_progress, cancel) => {
          const abort = new AbortController();
          cancel.onCancellationRequested(() => abort.abort());
          return (await this.host.simulators.create(endpoint)).verifyUrl(abort.signal);
        },
      );
    } catch (error) {
      if (isCallbackHostRefused(error)) {
        // The person declined the modal just now: say what was not done, no error dialog.
        const problem = hostRefusedProblem(error.from, error.to, t);
        void showWarningMessage(`${problem.message} ${problem.fix}`);
        return { ok: false, requestUrl: '', problems: [problem], message: problem.message };
      }
      await this.host.presenter.show(t('Could not verify the callback URL'), error);
      return undefined;
    }
    const requestUrl = conversation.scrub(result.requestUrl);
    const problems = result.problems.map((p) => conversation.problem(p));
    this.host.log.info(
      `verify callback ${requestUrl}: ${result.ok ? 'passed' : `failed (${result.problems.map((p) => p.code).join(', ')})`} in ${result.elapsedMs} ms`,
    );
    const elapsed = formatElapsed(result.elapsedMs, t);
    if (result.ok) {
      const message = t(
        'Callback URL verified in {0}: the server echoed echostr, so the console will accept {1} with this Token.',
        elapsed,
        endpoint.url,
      );
      void showInformationMessage(message);
      return { ok: true, requestUrl, problems, message };
    }
    // A notification shows no detail: the first reason and its fix go in the message, all of them in the log.
    for (const p of problems) this.host.log.warn(`verify callback: ${p.message} Fix: ${p.fix}`);
    const first = problems[0] ?? {
      message: t('The server did not echo echostr.'),
      fix: t('Answer the GET request with the echostr parameter as the whole body.'),
    };
    const message = t('The console would refuse {0}: {1} Fix: {2}', endpoint.url, first.message, first.fix);
    const setUp = t('Set Up Callback');
    const showLog = t('Show Log');
    void showWarningMessage(message, setUp, showLog).then((picked) => {
      if (picked === setUp) return vscode.commands.executeCommand('wechat.setUpCallback');
      if (picked === showLog) this.host.log.show();
      return undefined;
    });
    return { ok: false, requestUrl, problems, message };
  }
}
