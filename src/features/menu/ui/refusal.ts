// The modal that refuses an upload: what must be fixed first, by line, with a way to the Problems
// panel. An invalid menu is never sent.
import * as vscode from 'vscode';

import { showErrorMessage } from '../../../ui/notify';
import { type MenuValidation, problemMessage } from '../core/validate';
import { fileLabel } from './menuFiles';

const MAX_PROBLEMS_IN_DIALOG = 8;

export async function refuseUpload(document: vscode.TextDocument, validation: MenuValidation): Promise<void> {
  const t = vscode.l10n.t;
  const errors = validation.problems.filter((problem) => problem.severity === 'error');
  const lines = errors.slice(0, MAX_PROBLEMS_IN_DIALOG).map((problem) => {
    const line = document.positionAt(problem.offset).line + 1;
    return t('Line {0}: {1}', line, problemMessage(problem, t));
  });
  if (errors.length > MAX_PROBLEMS_IN_DIALOG) lines.push(t('…and {0} more.', errors.length - MAX_PROBLEMS_IN_DIALOG));
  if (validation.menu === undefined && errors.length === 0) lines.push(t('The file is not a menu: it needs a "button" list.'));
  const show = t('Show Problems');
  const answer = await showErrorMessage(
    t('The menu was not uploaded: {0} must be fixed first.', fileLabel(document)),
    { modal: true, detail: lines.join('\n') },
    show,
  );
  if (answer === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
}
