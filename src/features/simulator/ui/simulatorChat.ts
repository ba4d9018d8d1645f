// The simulator chat of one phone (a menu preview or the Open Simulator panel): sends what the
// follower does to the active account's callback, keeps the exchanges, posts the chat view, and
// does what the page asks (raw XML, WeChat's retries, links, setup). Built by dist/simulator.js for
// the panel; the panel passes only what it read itself (the tapped button from the live document).
import * as vscode from 'vscode';

import type { RedactingLog } from '../../../ui/log';
import type { ChatView, ExchangeView } from '../../menu';
import type { SimulatorFactory } from '../core/chat/callbackHost';
import { chatStatus, chatStrings } from '../core/chat/chatTexts';
import { Conversation } from '../core/chat/conversation';
import { SIMULATED_EVENTS, type SimulatedEventKind } from '../core/chat/events';
import { ExchangeRunner } from '../core/chat/exchangeRunner';
import { checkScene, describeInbound, describeTap, eventInbound } from '../core/chat/inbound';
import { rawExchangeText } from '../core/chat/rawText';
import type { SimulatedInbound, TappedButton } from '../core/types';
import type { CallbackEndpoints } from './endpoints';

export interface SimulatorChatHost {
  readonly endpoints: CallbackEndpoints;
  /** Checked against the callback secrets' origin (callbackHost.ts) before anything is sent. */
  readonly simulators: SimulatorFactory;
  readonly openId: () => Promise<string>;
  readonly log: RedactingLog;
  /** Runs Set Up Callback / Verify Callback URL. */
  readonly setUp: () => Promise<unknown>;
  readonly verify: () => Promise<unknown>;
}

/** What a panel holds: the chat, driven by the page's messages. */
export interface SimulatorChat extends vscode.Disposable {
  /** The events of the phone's "+" menu (the page may ask for these only). */
  readonly events: readonly string[];
  /** Posts the current chat view (a fresh page, or setup changed). */
  refresh(): Promise<void>;
  tap(name: string, button: TappedButton): Promise<ExchangeView>;
  /** A button that sends nothing (sub-menu, media_id, unknown type): said in the chat. */
  refused(outgoing: string, message: string, fix: string): ExchangeView;
  sendText(text: string): Promise<ExchangeView>;
  /** One of SIMULATED_EVENTS (anything else, e.g. from a tampered page, sends nothing). */
  simulate(kind: string): Promise<ExchangeView | undefined>;
  retry(exchangeId: string): Promise<ExchangeView[]>;
  showRaw(exchangeId: string): Promise<string | undefined>;
  openLink(url: string): Promise<boolean>;
  setUp(): Promise<void>;
  verify(): Promise<void>;
}

export function createSimulatorChat(host: SimulatorChatHost, post: (view: ChatView) => void): SimulatorChat {
  return new Chat(host, post);
}

class Chat implements SimulatorChat {
  readonly events: readonly string[] = SIMULATED_EVENTS;
  private readonly t = vscode.l10n.t;
  /** Blanks the Token and key of every endpoint used in everything shown. */
  private readonly conversation = new Conversation(this.t);
  private readonly abort = new AbortController();
  private readonly subscription: vscode.Disposable;
  private readonly runner: ExchangeRunner;

  constructor(
    private readonly host: SimulatorChatHost,
    private readonly post: (view: ChatView) => void,
  ) {
    this.runner = new ExchangeRunner(host, this.conversation, this.t, {
      remember: (...values) => this.conversation.remember(...values),
      refresh: () => this.refresh(),
      signal: this.abort.signal,
    });
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('wechat')) void this.refresh();
    });
  }

  async refresh(): Promise<void> {
    const state = await this.host.endpoints.resolve();
    if (state.ok) this.conversation.remember(state.endpoint.token, state.endpoint.encodingAesKey);
    const status = chatStatus(state, state.ok ? await this.host.openId() : '', this.t);
    if (!this.abort.signal.aborted) this.post(this.conversation.view(state.ok, status, chatStrings(this.t)));
  }

  tap(name: string, button: TappedButton): Promise<ExchangeView> {
    return this.exchange(describeTap(name, button, this.t), { kind: 'menu', button });
  }

  refused(outgoing: string, message: string, fix: string): ExchangeView {
    const record = this.conversation.start(outgoing);
    record.failure = { message, fix };
    void this.refresh();
    return this.conversation.exchangeView(record);
  }

  sendText(text: string): Promise<ExchangeView> {
    const inbound: SimulatedInbound = { kind: 'text', content: text };
    return this.exchange(describeInbound(inbound, this.t), inbound);
  }

  async simulate(requested: string): Promise<ExchangeView | undefined> {
    if (!isSimulatedEvent(requested)) return undefined;
    const kind: SimulatedEventKind = requested;
    let scene = '';
    if (kind === 'subscribeScene' || kind === 'scan') {
      const t = this.t;
      const typed = await vscode.window.showInputBox({
        title: kind === 'scan' ? t('Scan a QR code while following (SCAN)') : t('Follow by scanning a QR code (subscribe with scene)'),
        prompt: t(
          'The scene of the parametric QR code (scene_str or scene_id); WeChat adds "qrscene_" for followers who were not following yet.',
        ),
        value: '123',
        ignoreFocusOut: true,
        validateInput: (value) => {
          const problem = checkScene(value);
          return problem === 'empty'
            ? t('Type a scene value.')
            : problem === 'tooLong'
              ? t('A scene is at most 64 characters.')
              : undefined;
        },
      });
      if (typed === undefined) return undefined;
      scene = typed.trim();
    }
    const inbound = eventInbound(kind, scene, Math.random);
    return this.exchange(describeInbound(inbound, this.t), inbound);
  }

  /** WeChat's retries of a late message: three more posts of the same message, one after another. */
  retry(exchangeId: string): Promise<ExchangeView[]> {
    return this.runner.retry(exchangeId);
  }

  /** Opens the raw exchange as an XML document; returns its text (what the user sees). */
  async showRaw(exchangeId: string): Promise<string | undefined> {
    const exchange = this.conversation.get(exchangeId)?.result?.exchange;
    if (!exchange) return undefined;
    const content = rawExchangeText(exchange, this.t, (text) => this.conversation.scrub(text));
    const document = await vscode.workspace.openTextDocument({ language: 'xml', content });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Active, preview: true });
    return content;
  }

  /** Only http(s) links that a reply shown in this chat contains; never command: or file: URIs. */
  async openLink(url: string): Promise<boolean> {
    if (!this.conversation.links().has(url)) return false;
    const uri = vscode.Uri.parse(url, true);
    if (uri.scheme !== 'http' && uri.scheme !== 'https') return false;
    return vscode.env.openExternal(uri);
  }

  async setUp(): Promise<void> {
    await this.host.setUp();
    await this.refresh();
  }

  async verify(): Promise<void> {
    await this.host.verify();
  }

  dispose(): void {
    this.abort.abort();
    this.subscription.dispose();
  }

  private exchange(outgoing: string, inbound: SimulatedInbound): Promise<ExchangeView> {
    return this.runner.exchange(outgoing, inbound);
  }
}

function isSimulatedEvent(kind: string): kind is SimulatedEventKind {
  return (SIMULATED_EVENTS as readonly string[]).includes(kind);
}
