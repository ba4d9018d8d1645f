// Bench figures: what one edit of a menu-shaped JSON document costs the extension host (the
// diagnostics run isMenuDocument and validateMenu on every edit, after the debounce; the preview
// validates and builds its model).
//  - 3.8 MB: with the document limits (one "too large" problem, nothing parsed) against validating
//    it fully — what the validator did before the limits, ~7 s per edit in the security review;
//  - 249 KB of `{"button":[{},{},…]}`, under the size limit: with the problem cap that stops
//    collecting and the bounded walk against collecting all ~255,000 problems and building every
//    button (1.3–2 s of diagnostics and 3–4 s of preview per edit in the audit of issue 18).
// Every run edits the text (one more space at the end), as typing does: the last parse is reused
// only for the same text. Runnable alone: `npm run build:tests && node out/bench/menuValidation.js`.
import { performance } from 'node:perf_hooks';

import { formatMessage } from '../src/common/localize';
import { silentLogger } from '../src/common/logger';
import { buildPreviewModel } from '../src/features/menu/core/preview/model';
import { isMenuDocument, validateMenu } from '../src/features/menu/core/validate';

export interface MenuValidationFigure {
  readonly documentKb: number;
  readonly cappedMs: number;
  readonly uncappedMs: number;
  readonly uncappedProblems: number;
}

const UNCAPPED = { maxBytes: Number.POSITIVE_INFINITY, maxDepth: Number.POSITIVE_INFINITY, maxProblems: Number.POSITIVE_INFINITY };

/** A menu file grown to ~3.8 MB: the same button list pasted many times over (a typical accident). */
export function largeMenuDocument(targetBytes = 3.8 * 1024 * 1024): string {
  const buttons: string[] = [];
  let size = 14;
  for (let i = 0; size < targetBytes; i++) {
    const button = `    {"type": "view", "name": "菜单 ${i}", "url": "https://shop${i % 7}.example.com/item/${i}", "key": "K${i}"}`;
    buttons.push(button);
    size += Buffer.byteLength(button) + 2;
  }
  return `{\n  "button": [\n${buttons.join(',\n')}\n  ]\n}\n`;
}

/** `{"button":[{},{},…]}` just under 249 KB: every `{}` is a button too many, with no name and no type. */
export function emptyButtonsDocument(targetBytes = 249 * 1024): string {
  const prefix = '{"button":[';
  const count = Math.floor((targetBytes - prefix.length - 2 + 1) / 3);
  return `${prefix}${Array.from({ length: count }, () => '{}').join(',')}]}`;
}

function medianMs(runs: number, task: (run: number) => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    task(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return Math.round((samples[Math.floor(runs / 2)] ?? 0) * 100) / 100;
}

export function menuValidationFigure(): MenuValidationFigure {
  const text = largeMenuDocument();
  let uncappedProblems = 0;
  // Never parsed when capped, so the same text each run (appending to 3.8 MB would time a copy of it).
  const cappedMs = medianMs(21, () => {
    if (isMenuDocument(text)) validateMenu(text);
  });
  // Slow (seconds): three runs are enough for a median; each a new text, so nothing parsed is reused.
  const uncappedMs = medianMs(3, (run) => {
    uncappedProblems = validateMenu(text + '\n'.repeat(run + 1), silentLogger, UNCAPPED).problems.length;
  });
  return { documentKb: Math.round(Buffer.byteLength(text) / 1024), cappedMs, uncappedMs, uncappedProblems };
}

export interface EmptyButtonsFigure {
  readonly documentKb: number;
  /** Diagnostics per edit: isMenuDocument + validateMenu. */
  readonly diagnosticsMs: number;
  readonly uncappedDiagnosticsMs: number;
  /** Preview per edit: validateMenu + buildPreviewModel. */
  readonly previewMs: number;
  readonly uncappedPreviewMs: number;
  readonly problemsCollected: number;
}

const EVERY_BUTTON = { top: Number.POSITIVE_INFINITY, sub: Number.POSITIVE_INFINITY };

export function emptyButtonsFigure(): EmptyButtonsFigure {
  const text = emptyButtonsDocument();
  const diagnosticsMs = medianMs(21, (run) => {
    const edited = text + ' '.repeat(run);
    if (isMenuDocument(edited)) validateMenu(edited);
  });
  const previewMs = medianMs(21, (run) => {
    const edited = text + '\t'.repeat(run);
    buildPreviewModel(edited, validateMenu(edited), formatMessage);
  });
  // The baseline, as before issue 18: no cap on collecting, every button walked, built and shown.
  let problemsCollected = 0;
  const uncappedDiagnosticsMs = medianMs(3, (run) => {
    const edited = text + '\n'.repeat(run + 1);
    if (isMenuDocument(edited)) problemsCollected = validateMenu(edited, silentLogger, UNCAPPED).problems.length;
  });
  const uncappedPreviewMs = medianMs(3, (run) => {
    const edited = text + '\r\n'.repeat(run + 1);
    buildPreviewModel(edited, validateMenu(edited, silentLogger, UNCAPPED), formatMessage, EVERY_BUTTON);
  });
  return {
    documentKb: Math.round(Buffer.byteLength(text) / 1024),
    diagnosticsMs,
    uncappedDiagnosticsMs,
    previewMs,
    uncappedPreviewMs,
    problemsCollected,
  };
}

if (require.main === module) {
  const figure = menuValidationFigure();
  console.log(
    `menu validation per edit, ${figure.documentKb} KB document: ${figure.cappedMs} ms capped, ${figure.uncappedMs} ms uncapped (${figure.uncappedProblems} problems)`,
  );
  const empty = emptyButtonsFigure();
  console.log(
    `menu diagnostics per edit, ${empty.documentKb} KB of {} buttons: ${empty.diagnosticsMs} ms, uncapped ${empty.uncappedDiagnosticsMs} ms (${empty.problemsCollected} problems)`,
  );
  console.log(`menu preview per edit, ${empty.documentKb} KB of {} buttons: ${empty.previewMs} ms, uncapped ${empty.uncappedPreviewMs} ms`);
}
