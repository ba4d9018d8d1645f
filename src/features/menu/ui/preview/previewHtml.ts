// The preview's HTML shell: a strict Content-Security-Policy (nothing remote, no inline code, the
// one script allowed by a nonce that is fresh on every render) and empty containers that
// dist/webview/menu-preview.js (built from src/webview/menuPreview/) fills from the extension's
// messages. vscode-free, so a throwaway harness can render it in a browser.

import { randomBytes } from 'node:crypto';

export interface PreviewHtmlOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** `webview.asWebviewUri(...)` of media/menu-preview.css and dist/webview/menu-preview.js, as strings. */
  readonly styleUri: string;
  readonly scriptUri: string;
  /** BCP 47 language of the UI (`vscode.env.language`). */
  readonly lang: string;
  readonly title: string;
}

export function previewNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function previewHtml(options: PreviewHtmlOptions, nonce: string = previewNonce()): string {
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${options.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(options.title)}</title>
</head>
<body>
<main class="preview" aria-busy="true">
  <div class="phone" id="phone"></div>
  <section class="report" id="report" aria-live="polite"></section>
</main>
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>`;
}

/** For text and double-quoted attributes (single quotes stay readable in the CSP). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
