// Bench figure: what one edit of a 3.8 MB menu-shaped JSON document costs the extension host
// (the diagnostics run isMenuDocument and validateMenu on every edit, after the debounce), with the
// document limits (one "too large" problem, nothing parsed) against validating it fully — what the
// validator did before the limits, ~7 s per edit in the security review. Runnable alone:
// `npm run build:tests && node out/bench/menuValidation.js`.
import { performance } from 'node:perf_hooks';
import { silentLogger } from '../src/common/logger';
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

function medianMs(runs: number, task: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    task();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return Math.round((samples[Math.floor(runs / 2)] ?? 0) * 100) / 100;
}

export function menuValidationFigure(): MenuValidationFigure {
  const text = largeMenuDocument();
  let uncappedProblems = 0;
  const cappedMs = medianMs(21, () => {
    if (isMenuDocument(text)) validateMenu(text);
  });
  // Slow (seconds): three runs are enough for a median.
  const uncappedMs = medianMs(3, () => {
    uncappedProblems = validateMenu(text, silentLogger, UNCAPPED).problems.length;
  });
  return { documentKb: Math.round(Buffer.byteLength(text) / 1024), cappedMs, uncappedMs, uncappedProblems };
}

if (require.main === module) {
  const figure = menuValidationFigure();
  console.log(`menu validation per edit, ${figure.documentKb} KB document: ${figure.cappedMs} ms capped, ${figure.uncappedMs} ms uncapped (${figure.uncappedProblems} problems)`);
}
