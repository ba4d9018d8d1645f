// Turns a menu document and its validation into what the phone mock-up draws: buttons with the
// names a WeChat client would show, each marked with its own problems, and the problem list.
// vscode-free: the panel injects `vscode.l10n.t` as `localize`. Every message is a string literal
// passed straight to t(...), so the l10n extraction (and test/unit/l10n.test.ts) finds them all.

import type { Node } from 'jsonc-parser';

import type { Localize } from '../../../../common/localize';
import type { JsonPath } from '../model';
import { BUTTON_COUNT, type ButtonLevel } from '../rules/limits';
import { type MenuProblem, type MenuValidation, problemMessage, type ProblemSeverity } from '../validate';
import { parseMenuTree } from '../validate/jsonTree';
import type { PreviewButton, PreviewProblem, PreviewStrings } from './protocol';
import { truncateForClient } from './truncate';

/** A range in the document text, in UTF-16 offsets as `TextDocument.positionAt` expects. */
export interface SourceRange {
  readonly offset: number;
  readonly length: number;
}

export interface MenuPreviewModel {
  /** Undefined when the text holds no readable menu (the panel keeps showing the last one). */
  readonly buttons?: readonly PreviewButton[];
  readonly problems: readonly PreviewProblem[];
  readonly summary: string;
  readonly summarySeverity: ProblemSeverity | 'ok';
  /** Where each button and problem id points in the text. */
  readonly sources: ReadonlyMap<string, SourceRange>;
}

const SEVERITY_RANK: Readonly<Record<ProblemSeverity, number>> = { hint: 1, warning: 2, error: 3 };
const DETAIL_FIELDS = ['url', 'key', 'pagepath', 'media_id', 'article_id'] as const;

export function previewStrings(t: Localize, lang: string, accountName?: string): PreviewStrings {
  return {
    lang,
    accountName: accountName ?? t('Official Account'),
    back: t('Back'),
    keyboard: t('Switch to message input'),
    menuBar: t('Custom menu'),
    chatHint: t(
      'Your menu as followers see it. Tap a button to send its event to your server, Alt+click to jump to its JSON; tap a menu to open it, hover for full names.',
    ),
    problemsHeading: t('Problems'),
    revealHint: t('Show in the editor'),
    untitledButton: t('(no name)'),
  };
}

/**
 * Buttons the phone shows per list: twice what WeChat takes (3 on the menu bar, 5 in a sub-menu),
 * so buttons too many are seen, marked. Never thousands: a list of 80,000 `{}` cost 3–4 s per
 * edit to build and post; the problem list says how many there are.
 */
export const PREVIEW_BUTTONS: Readonly<Record<ButtonLevel, number>> = { top: 2 * BUTTON_COUNT.top.max, sub: 2 * BUTTON_COUNT.sub.max };

/** `shown` is PREVIEW_BUTTONS except in the bench, which measures the unbounded model beside it. */
export function buildPreviewModel(
  text: string,
  validation: MenuValidation,
  localize: Localize,
  shown: Readonly<Record<ButtonLevel, number>> = PREVIEW_BUTTONS,
): MenuPreviewModel {
  return new ModelBuilder(text, validation, localize, shown).build();
}

class ModelBuilder {
  private readonly sources = new Map<string, SourceRange>();
  /** Problems by the button that owns them ("b0", "b0.2"). */
  private readonly owned = new Map<string, MenuProblem[]>();
  private readonly root: Node | undefined;

  constructor(
    text: string,
    private readonly validation: MenuValidation,
    private readonly localize: Localize,
    private readonly shown: Readonly<Record<ButtonLevel, number>>,
  ) {
    // Parsed even when the JSON is broken: the tolerant tree still names buttons in the problem list.
    this.root = parseMenuTree(text);
    for (const problem of validation.problems) {
      const owner = ownerId(problem.path);
      if (owner) {
        const list = this.owned.get(owner) ?? [];
        list.push(problem);
        this.owned.set(owner, list);
      }
    }
  }

  build(): MenuPreviewModel {
    // Buttons only for a readable menu; otherwise the panel keeps showing the last one.
    const buttonList = this.validation.menu && this.root ? property(this.root, 'button') : undefined;
    const buttons =
      buttonList?.type === 'array' ? this.shownOf(buttonList, 'top').map((node, i) => this.button(node, `b${i}`, 'top')) : undefined;
    const problems = this.validation.problems.map((p, i) => this.problem(p, `p${i}`));
    return { buttons, problems, ...this.summary(), sources: this.sources };
  }

  private button(node: Node, id: string, level: ButtonLevel): PreviewButton {
    const t = this.localize;
    const nameNode = node.type === 'object' ? property(node, 'name') : undefined;
    const name = typeof nameNode?.value === 'string' ? nameNode.value : '';
    const target = nameNode ?? node;
    this.sources.set(id, { offset: target.offset, length: target.length });

    const subList = level === 'top' && node.type === 'object' ? property(node, 'sub_button') : undefined;
    const subButtons =
      subList?.type === 'array' ? this.shownOf(subList, 'sub').map((child, j) => this.button(child, `${id}.${j}`, 'sub')) : [];
    const shown = truncateForClient(name, level);
    const own = this.owned.get(id) ?? [];
    const severity = worst(own.map((p) => p.severity));
    const childSeverity = worst(subButtons.flatMap((b) => (b.severity ? [b.severity] : [])));

    const displayName = name.trim() === '' ? t('(no name)') : name;
    const about: string[] = [displayName];
    if (subButtons.length > 0) about.push(t('opens a sub-menu with {0} items', subList?.children?.length ?? subButtons.length));
    if (shown.truncated) about.push(t('shown as "{0}"', shown.text));
    about.push(...this.counts(own));
    if (childSeverity) about.push(t('its sub-menu has problems'));

    return {
      id,
      label: shown.text,
      truncated: shown.truncated,
      title: [displayName, ...(subButtons.length > 0 ? [] : [action(node)]), ...own.map((p) => problemMessage(p, t))]
        .filter((line) => line !== '')
        .join('\n'),
      ariaLabel: about.join(t(', ')),
      ...(severity ? { severity } : {}),
      ...(childSeverity ? { childSeverity } : {}),
      subButtons,
    };
  }

  private shownOf(list: Node, level: ButtonLevel): Node[] {
    return (list.children ?? []).slice(0, this.shown[level]);
  }

  private problem(problem: MenuProblem, id: string): PreviewProblem {
    const t = this.localize;
    this.sources.set(id, { offset: problem.offset, length: problem.length });
    const location = this.location(problem.path);
    const errcode = problem.errcode === undefined ? '' : t('errcode {0}', problem.errcode);
    const severity = severityName(problem.severity, t);
    const message = problemMessage(problem, t);
    return {
      id,
      severity: problem.severity,
      location,
      message,
      errcode,
      ariaLabel: [severity, location, message, errcode].filter((s) => s !== '').join(t(', ')),
    };
  }

  /** "今日歌曲 › 搜索 › url": button names where there are some, numbers where not. */
  private location(path: JsonPath): string {
    const t = this.localize;
    const parts: string[] = [];
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const index = path[i + 1];
      if ((segment === 'button' || segment === 'sub_button') && typeof index === 'number') {
        const name = this.nameAt(path.slice(0, i + 2));
        parts.push(name || (segment === 'button' ? t('Button {0}', index + 1) : t('Sub-button {0}', index + 1)));
        i++;
      } else if (segment !== undefined) {
        parts.push(String(segment));
      }
    }
    return parts.length > 0 ? parts.join(' › ') : t('Menu');
  }

  private nameAt(path: JsonPath): string {
    let node = this.root;
    for (const segment of path) {
      if (!node) return '';
      node = typeof segment === 'number' ? (node.type === 'array' ? node.children?.[segment] : undefined) : property(node, segment);
    }
    const name = node && node.type === 'object' ? property(node, 'name')?.value : undefined;
    return typeof name === 'string' ? name.trim() : '';
  }

  private counts(problems: readonly MenuProblem[]): string[] {
    const t = this.localize;
    const count = (severity: ProblemSeverity): number => problems.filter((p) => p.severity === severity).length;
    const [errors, warnings, hints] = [count('error'), count('warning'), count('hint')];
    return [
      ...(errors > 0 ? [t('{0} error(s)', errors)] : []),
      ...(warnings > 0 ? [t('{0} warning(s)', warnings)] : []),
      ...(hints > 0 ? [t('{0} hint(s)', hints)] : []),
    ];
  }

  private summary(): Pick<MenuPreviewModel, 'summary' | 'summarySeverity'> {
    const t = this.localize;
    const problems = this.validation.problems;
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.filter((p) => p.severity === 'warning').length;
    if (errors > 0) {
      return { summary: t('Errors: {0}, warnings: {1}. WeChat would reject this menu.', errors, warnings), summarySeverity: 'error' };
    }
    if (warnings > 0) return { summary: t('Warnings: {0}. The menu can be uploaded.', warnings), summarySeverity: 'warning' };
    return { summary: t('No problems: the menu can be uploaded.'), summarySeverity: 'ok' };
  }
}

/** The button a problem belongs to: the deepest `button[i]` / `sub_button[j]` on its path. */
function ownerId(path: JsonPath): string | undefined {
  const [first, top, sub, index] = path;
  if (first !== 'button' || typeof top !== 'number') return undefined;
  return sub === 'sub_button' && typeof index === 'number' ? `b${top}.${index}` : `b${top}`;
}

/** A property's value; the last one wins on duplicates, as in JSON.parse and on WeChat's side. */
export function property(node: Node, name: string): Node | undefined {
  if (node.type !== 'object') return undefined;
  let found: Node | undefined;
  for (const prop of node.children ?? []) {
    if (prop.children?.[0]?.value === name) found = prop.children[1];
  }
  return found;
}

/** The tooltip's second line: the type and the field that says what the button does. */
function action(node: Node): string {
  const type = property(node, 'type')?.value;
  if (typeof type !== 'string') return '';
  const detail = DETAIL_FIELDS.map((field) => property(node, field)?.value).find((v) => typeof v === 'string' && v !== '');
  return typeof detail === 'string' ? `${type} · ${detail}` : type;
}

function severityName(severity: ProblemSeverity, t: Localize): string {
  switch (severity) {
    case 'error':
      return t('Error');
    case 'warning':
      return t('Warning');
    case 'hint':
      return t('Hint');
  }
}

function worst(severities: readonly ProblemSeverity[]): ProblemSeverity | undefined {
  let result: ProblemSeverity | undefined;
  for (const s of severities) {
    if (!result || SEVERITY_RANK[s] > SEVERITY_RANK[result]) result = s;
  }
  return result;
}
