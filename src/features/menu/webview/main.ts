// Entry of the menu preview's webview script (bundled by esbuild for the browser into
// dist/webview/menu-preview.js). It holds no text of its own: every label arrives localised in
// the extension's `render` messages (src/menu/preview/protocol.ts).

import { acquireApi, toWebview } from './messages';
import { MenuPreview } from './preview';
import type { PersistedState } from './state';

const api = acquireApi<PersistedState>();
// previewHtml.ts always renders both containers.
const phone = document.getElementById('phone') as HTMLElement;
const report = document.getElementById('report') as HTMLElement;
const preview = new MenuPreview(api, phone, report);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = toWebview(event.data);
  if (message?.type === 'render') preview.show(message.view);
  else if (message?.type === 'chat') preview.showChat(message.chat);
});
document.addEventListener('click', (event) => preview.onDocumentClick(event));
document.addEventListener('keydown', (event) => preview.onDocumentKey(event));
window.addEventListener('resize', () => preview.positionPopup());

api.postMessage({ type: 'ready' });
