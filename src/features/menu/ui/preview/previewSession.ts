// One preview webview bound to one menu document: renders it, follows its edits (debounced),
// keeps the last picture when the JSON is briefly unreadable or the document is closed, and
// selects a button's or problem's source in the editor when the webview asks. Its phone is also
// the callback simulator: a tap sends the button's event — read from the live document
// by the id the page sends back — and the chat shows the reply. Without a document (Open
// Simulator with no menu open) the phone has the chat only.

import * as vscode from 'vscode';

import { DisposableStore } from '../../../../common/lifecycle';
import { showWarningMessage } from '../../../../ui/notify';
import type { SimulatorChat } from '../../../simulator';
import type { ChatView, ExchangeView } from '../../core/preview/chatView';
import { buildPreviewModel, previewStrings, type SourceRange } from '../../core/preview/model';
import { type FromWebview, parseFromWebview, type PreviewButton, type PreviewView, type ToWebview } from '../../core/preview/protocol';
import { tappedButton } from '../../core/preview/tap';
import type { MenuValidation } from '../../core/validate';
import { previewHtml } from './previewHtml';

/** What a session needs besides its document: the simulator chat and the error presenter. */
export interface SessionServices {
  /** wechat.accountName, shown in the phone's title bar. */
  readonly accountName: () => string | undefined;
  readonly chat: (post: (view: ChatView) => void) => SimulatorChat;
  readonly showError: (what: string, error: unknown) => Promise<void>;
}

/** Long enough to skip the work between keystrokes, short enough to feel live. */
const DEBOUNCE_MS = 200;
const VIEW_TYPE = 'wechat.menuPreview';

export class PreviewSession implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions = new DisposableStore();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private disposed = false;
  /** The webview missed updates while hidden (it reloads and says "ready" when shown again). */
  private stale = true;
  /** What the last readable text gave; kept as is once the document is closed. */
  private content: Omit<PreviewView, 'strings'> | undefined;
  private view: PreviewView | undefined;
  private sources: ReadonlyMap<string, SourceRange> = new Map();
  /** Buttons of the last readable version, shown while the JSON cannot be parsed. */
  private lastButtons: readonly PreviewButton[] | undefined;
  private lastButtonSources: ReadonlyMap<string, SourceRange> = new Map();
  private readonly chat: SimulatorChat;
  private readonly accountName: () => string | undefined;

  constructor(
    private document: vscode.TextDocument | undefined,
    extensionUri: vscode.Uri,
    private readonly validate: (text: string) => MenuValidation,
    onDidDispose: () => void,
    private readonly services: SessionServices,
  ) {
    this.accountName = services.accountName;
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    // The script is built from src/webview/menuPreview/ by esbuild.mjs; the stylesheet is static.
    const scripts = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      title(document),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [media, scripts] },
    );
    const webview = this.panel.webview;
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'menu-preview.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(scripts, 'menu-preview.js')).toString(),
      lang: vscode.env.language,
      title: title(document),
    });
    this.chat = this.subscriptions.add(services.chat((chat) => this.postMessage({ type: 'chat', chat })));
    this.subscriptions.add(webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)));
    this.subscriptions.add(
      this.panel.onDidDispose(() => {
        this.release();
        onDidDispose();
      }),
    );
  }

  /** Brings the panel forward without taking focus from the editor. */
  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  /** The document was edited: re-render after the typing pauses. */
  changed(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, DEBOUNCE_MS);
  }

  /** The document was closed: keep the last picture, say so. */
  closedDocument(): void {
    this.closed = true;
    this.refresh();
  }

  /** The same file was opened again (VS Code hands out a new TextDocument): follow it again. */
  reopened(document: vscode.TextDocument | undefined): void {
    this.document = document;
    this.closed = false;
    this.refresh();
  }

  dispose(): void {
    // Disposing the panel fires onDidDispose, which releases everything else.
    this.panel.dispose();
  }

  private release(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.subscriptions.dispose();
  }

  /** Recomputes the view; posts it only when the webview can receive it. */
  private refresh(): void {
    if (this.disposed) return;
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    this.compute();
    this.post();
  }

  private compute(): void {
    const t = vscode.l10n.t;
    this.stale = false;
    if (!this.document) {
      this.content = {
        buttons: [],
        problems: [],
        summary: t('No menu document: open a menu file and run "WeChat: Preview Menu" to tap its buttons.'),
        summarySeverity: 'ok',
        notices: [],
      };
    } else if (!this.closed) {
      const text = this.document.getText();
      const model = buildPreviewModel(text, this.validate(text), t);
      if (model.buttons) {
        this.lastButtons = model.buttons;
        this.lastButtonSources = model.sources;
      }
      this.sources = model.sources;
      this.content = {
        buttons: this.lastButtons ?? [],
        problems: model.problems,
        summary: model.summary,
        summarySeverity: model.summarySeverity,
        notices: model.buttons ? [] : [this.unreadableNotice()],
      };
    }
    if (!this.content) return;
    const closedNotice = this.closed
      ? [t('The document was closed. The preview keeps its last content; reopen the file to follow edits again.')]
      : [];
    this.view = {
      ...this.content,
      notices: [...closedNotice, ...this.content.notices],
      strings: previewStrings(t, vscode.env.language, this.accountName()),
    };
  }

  private unreadableNotice(): string {
    const t = vscode.l10n.t;
    return this.lastButtons
      ? t('The JSON cannot be read right now; the phone shows the last readable version.')
      : t('Nothing to show yet: the document is not a menu with a "button" list.');
  }

  private post(): void {
    if (!this.view) return;
    this.postMessage({ type: 'render', view: this.view });
  }

  private postMessage(message: ToWebview): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private onMessage(raw: unknown): void {
    const message = parseFromWebview(raw, this.chat.events);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        // A fresh page (first load, or shown again after being hidden): send the current picture and chat.
        if (this.stale || !this.view) this.compute();
        this.post();
        void this.chat.refresh();
        break;
      case 'reveal':
        void this.revealSource(message.id);
        break;
      default:
        void this.simulate(message).catch((error: unknown) =>
          this.services.showError(vscode.l10n.t('The simulator could not do that'), error),
        );
        break;
    }
  }

  /** The chat's messages: each goes to the simulator chat, the tap after the button is read from the document. */
  private async simulate(message: Exclude<FromWebview, { type: 'ready' | 'reveal' }>): Promise<unknown> {
    switch (message.type) {
      case 'tap':
        return this.tap(message.id);
      case 'sendText':
        return this.chat.sendText(message.text);
      case 'simulate':
        return this.chat.simulate(message.event);
      case 'retry':
        return this.chat.retry(message.exchangeId);
      case 'showRaw':
        return this.chat.showRaw(message.exchangeId);
      case 'openLink':
        return this.chat.openLink(message.url);
      case 'setUpCallback':
        return this.chat.setUp();
      case 'verifyCallback':
        return this.chat.verify();
    }
  }

  /**
   * A tap on button `id` (the model's "b1" / "b1.2"): reads the button from the LIVE document text,
   * unsaved edits included, and sends its event. Also what "wechat.simulateTap" runs.
   */
  async tap(id: string): Promise<ExchangeView> {
    const t = vscode.l10n.t;
    const found = tappedButton(this.document?.getText() ?? '', id);
    if (found.ok) return this.chat.tap(found.name, found.button);
    const name = found.name.trim() || t('(no name)');
    const outgoing = t('Tapped "{0}"', name);
    switch (found.reason) {
      case 'subMenu':
        return this.chat.refused(
          outgoing,
          t('"{0}" opens a sub-menu: WeChat sends nothing for it.', name),
          t('Tap one of its sub-buttons.'),
        );
      case 'noEvent':
        return this.chat.refused(
          outgoing,
          t('A "{0}" button sends no event: WeChat answers the tap itself and does not ask your server.', found.type ?? t('(no type)')),
          t('Use a click button (with a key) for replies from your server.'),
        );
      case 'unreadable':
        return this.chat.refused(outgoing, t('The menu document cannot be read right now.'), t('Fix the JSON, then tap again.'));
      case 'gone':
        return this.chat.refused(
          outgoing,
          t('This button is no longer in the menu document.'),
          t('The preview follows your edits; tap the button again.'),
        );
    }
  }

  private async revealSource(id: string): Promise<void> {
    const range = this.sources.get(id) ?? this.lastButtonSources.get(id);
    if (!range || !this.document) return;
    const t = vscode.l10n.t;
    const gone = t('The menu document is no longer available, so its source cannot be shown.');
    if (this.closed && this.document.isUntitled) {
      // An untitled document that was closed is gone for good; opening its URI would make a new, empty one.
      void showWarningMessage(gone);
      return;
    }
    try {
      const document = this.closed ? await vscode.workspace.openTextDocument(this.document.uri) : this.document;
      const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
      // Open the source next to the preview, never on top of it.
      const column = shown?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
      const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false });
      const start = document.positionAt(range.offset);
      const selection = new vscode.Selection(start, document.positionAt(range.offset + range.length));
      editor.selection = selection;
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch {
      // The file was deleted or moved since.
      void showWarningMessage(gone);
    }
  }
}

function title(document: vscode.TextDocument | undefined): string {
  if (!document) return vscode.l10n.t('WeChat Simulator');
  const name = document.uri.path.split('/').pop() || document.uri.path;
  return vscode.l10n.t('Menu Preview: {0}', name);
}
