// The report beside the phone: notices (why the picture may not match the text), the summary and
// one row per problem; a row asks the extension to select the problem's source.

import type { PreviewView } from '../core/preview/protocol';
import { el } from './dom';

export function renderReport(view: PreviewView, reveal: (id: string) => void): HTMLElement[] {
  const s = view.strings;
  const parts: HTMLElement[] = [];
  for (const text of view.notices) {
    const notice = el('p', 'notice', text);
    notice.setAttribute('role', 'status');
    parts.push(notice);
  }
  parts.push(el('p', `summary summary-${view.summarySeverity}`, view.summary));
  if (view.problems.length === 0) return parts;

  const heading = el('h2', 'problems-heading', `${s.problemsHeading} (${view.problems.length})`);
  heading.id = 'problems-heading';
  const list = el('ul', 'problems');
  list.setAttribute('aria-labelledby', 'problems-heading');
  for (const problem of view.problems) {
    const item = el('li');
    const row = el('button', `problem problem-${problem.severity}`);
    row.type = 'button';
    row.title = s.revealHint;
    row.dataset.focusId = problem.id;
    row.setAttribute('aria-label', problem.ariaLabel);
    const badge = el('span', `severity severity-${problem.severity}`);
    badge.setAttribute('aria-hidden', 'true');
    const body = el('span', 'problem-body');
    const where = el('span', 'where', problem.location);
    if (problem.errcode) where.append(el('span', 'errcode', problem.errcode));
    body.append(where, el('span', 'message', problem.message));
    row.append(badge, body);
    row.addEventListener('click', () => reveal(problem.id));
    item.append(row);
    list.append(item);
  }
  parts.push(heading, list);
  return parts;
}
