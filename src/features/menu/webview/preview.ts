// The preview page's behaviour: keeps the last view the extension sent, re-renders the phone and
// the report from it, and runs the sub-menu like the phone's (one open at a time, arrow keys,
// Escape, tapping outside closes it). Focus is restored by `data-focus-id` across re-renders,
// because every render replaces the elements. The callback simulator's chat arrives in its own messages; a
// tap, a typed message or an event from the "+" menu goes to the extension, which answers with a
// new chat view.

import type { ChatView } from '../core/preview/chatView';
import type { PreviewView } from '../core/preview/protocol';
import type { WebviewApi } from './messages';
import { type PhoneActions, renderScreen } from './phone';
import { renderReport } from './report';
import { NONE_OPEN, OpenSubMenu, type PersistedState } from './state';

export class MenuPreview implements PhoneActions {
  private view: PreviewView | undefined;
  private chat: ChatView | undefined;
  private readonly open: OpenSubMenu;
  private inputMode: boolean;
  private draft: string;
  private eventsOpen = false;
  private shownExchanges = 0;

  constructor(
    private readonly api: WebviewApi<PersistedState>,
    private readonly phone: HTMLElement,
    private readonly report: HTMLElement,
  ) {
    this.open = new OpenSubMenu(api);
    const saved = api.getState();
    this.inputMode = saved?.inputMode === true;
    this.draft = typeof saved?.draft === 'string' ? saved.draft : '';
  }

  show(view: PreviewView): void {
    this.view = view;
    this.render();
  }

  showChat(chat: ChatView): void {
    this.chat = chat;
    this.render();
  }

  reveal(id: string): void {
    this.api.postMessage({ type: 'reveal', id });
  }

  tap(id: string): void {
    this.api.postMessage({ type: 'tap', id });
  }

  showInput(): void {
    this.setInputMode(true);
    this.render();
    this.focus('chat-input');
  }

  showMenu(): void {
    this.eventsOpen = false;
    this.setInputMode(false);
    this.render();
    this.focus('keyboard');
  }

  draftChanged(text: string): void {
    this.draft = text;
    this.save();
  }

  send(): void {
    const text = this.draft;
    if (text.trim() === '') return;
    this.api.postMessage({ type: 'sendText', text });
    this.draft = '';
    this.save();
    this.render();
    this.focus('chat-input');
  }

  toggleEvents(focusFirst: boolean): void {
    this.eventsOpen = !this.eventsOpen;
    this.render();
    if (this.eventsOpen && focusFirst) this.focus(`event-${Object.keys(this.chat?.strings.events ?? {})[0] ?? ''}`);
  }

  simulate(event: string): void {
    this.eventsOpen = false;
    this.render();
    this.focus('chat-more');
    this.api.postMessage({ type: 'simulate', event });
  }

  /** Up/Down move through the "+" menu, Escape closes it. */
  onEventKey(event: KeyboardEvent): void {
    const items = [...this.phone.querySelectorAll<HTMLButtonElement>('#chat-events .event-item')];
    const at = event.currentTarget instanceof HTMLButtonElement ? items.indexOf(event.currentTarget) : -1;
    if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else if (event.key === 'Escape') {
      this.eventsOpen = false;
      this.render();
      this.focus('chat-more');
    } else return;
    event.preventDefault();
  }

  openLink(url: string): void {
    this.api.postMessage({ type: 'openLink', url });
  }

  showRaw(exchangeId: string): void {
    this.api.postMessage({ type: 'showRaw', exchangeId });
  }

  retry(exchangeId: string): void {
    this.api.postMessage({ type: 'retry', exchangeId });
  }

  setUp(): void {
    this.api.postMessage({ type: 'setUpCallback' });
  }

  verify(): void {
    this.api.postMessage({ type: 'verifyCallback' });
  }

  private setInputMode(on: boolean): void {
    this.inputMode = on;
    this.save();
  }

  private save(): void {
    this.api.setState({ openIndex: this.open.index, inputMode: this.inputMode, draft: this.draft });
  }

  private focus(focusId: string): void {
    const target = this.phone.querySelector(`[data-focus-id="${CSS.escape(focusId)}"]`);
    if (target instanceof HTMLElement) target.focus();
  }

  toggle(index: number, focus?: 'first' | 'last'): void {
    this.open.set(this.open.index === index && !focus ? NONE_OPEN : index);
    this.render();
    if (this.open.index === index && focus) this.focusItem(index, focus);
  }

  closePopup(returnFocus: boolean): void {
    const was = this.open.index;
    if (was < 0) return;
    this.open.set(NONE_OPEN);
    this.render();
    if (returnFocus) this.topButtons()[was]?.focus();
  }

  /** Arrow keys move along the bar; Up opens a sub-menu (it pops up above the bar). */
  onTopKey(event: KeyboardEvent, index: number): void {
    const tops = this.topButtons();
    const top = this.view?.buttons[index];
    const hasSub = (top?.subButtons.length ?? 0) > 0;
    if (event.key === 'Enter' && event.altKey && top && !hasSub) {
      this.reveal(top.id); // Alt+Enter: the button's JSON, as Alt+click
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const next = (index + (event.key === 'ArrowRight' ? 1 : -1) + tops.length) % tops.length;
      tops[next]?.focus();
    } else if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && hasSub) {
      this.open.set(index);
      this.render();
      this.focusItem(index, event.key === 'ArrowUp' ? 'last' : 'first');
    } else if (event.key === 'Escape' && this.open.index >= 0) {
      this.closePopup(true);
    } else {
      return;
    }
    event.preventDefault();
  }

  onItemKey(event: KeyboardEvent, index: number): void {
    const items = this.subItems(index);
    const at = event.currentTarget instanceof HTMLButtonElement ? items.indexOf(event.currentTarget) : -1;
    const sub = this.view?.buttons[index]?.subButtons[at];
    if (event.key === 'Enter' && event.altKey && sub) this.reveal(sub.id);
    else if (event.key === 'ArrowDown') this.focusItem(index, at + 1);
    else if (event.key === 'ArrowUp') this.focusItem(index, at - 1);
    else if (event.key === 'Home') this.focusItem(index, 'first');
    else if (event.key === 'End') this.focusItem(index, 'last');
    else if (event.key === 'Escape') this.closePopup(true);
    else if (event.key === 'Tab') {
      this.closePopup(true);
      return; // let Tab move on from the top button
    } else return;
    event.preventDefault();
  }

  /** Tapping anywhere outside the menu bar closes an open sub-menu, as on the phone. */
  onDocumentClick(event: MouseEvent): void {
    if (this.open.index >= 0 && event.target instanceof Element && !event.target.closest('.menu-cell')) this.closePopup(false);
  }

  onDocumentKey(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open.index >= 0) this.closePopup(true);
  }

  /** Centres the open sub-menu over its button but keeps it on the screen, moving only the box. */
  positionPopup(): void {
    const popup = this.phone.querySelector<HTMLElement>('.popup:not([hidden])');
    const screen = this.phone.querySelector('.screen');
    if (!popup || !screen) return;
    popup.style.setProperty('--shift', '0px');
    const margin = 6;
    const box = popup.getBoundingClientRect();
    const bounds = screen.getBoundingClientRect();
    let shift = 0;
    if (box.left < bounds.left + margin) shift = bounds.left + margin - box.left;
    else if (box.right > bounds.right - margin) shift = bounds.right - margin - box.right;
    popup.style.setProperty('--shift', `${Math.round(shift)}px`);
  }

  private render(): void {
    const view = this.view;
    // Nothing to draw before the first `render` message (a restored open sub-menu can be closed early).
    if (!view) return;
    const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focusId : undefined;
    const scrolled = this.phone.querySelector('.chat');
    const scrollTop = scrolled?.scrollTop;
    document.documentElement.lang = view.strings.lang;
    document.body.classList.toggle('has-notice', view.notices.length > 0);
    const open = view.buttons[this.open.index];
    if (this.open.index >= view.buttons.length || !(open && open.subButtons.length)) this.open.set(NONE_OPEN);
    this.phone.replaceChildren(
      renderScreen(
        view,
        this.chat,
        { openIndex: this.open.index, inputMode: this.inputMode, draft: this.draft, eventsOpen: this.eventsOpen },
        this,
      ),
    );
    // A new exchange scrolls the chat to the bottom, as the client does; otherwise it stays where it was.
    const chat = this.phone.querySelector('.chat');
    const exchanges = this.chat?.exchanges.length ?? 0;
    if (chat) chat.scrollTop = exchanges !== this.shownExchanges || scrollTop === undefined ? chat.scrollHeight : scrollTop;
    this.shownExchanges = exchanges;
    this.report.replaceChildren(...renderReport(view, (id) => this.reveal(id)));
    document.querySelector('main')?.setAttribute('aria-busy', 'false');
    this.positionPopup();
    if (focusedId) {
      const again = document.querySelector(`[data-focus-id="${CSS.escape(focusedId)}"]`);
      if (again instanceof HTMLElement) again.focus();
    }
  }

  private topButtons(): HTMLButtonElement[] {
    return [...this.phone.querySelectorAll<HTMLButtonElement>('.menu-top')];
  }

  private subItems(index: number): HTMLButtonElement[] {
    return [...this.phone.querySelectorAll<HTMLButtonElement>(`#submenu-${index} .menu-sub`)];
  }

  /** Focuses an item of sub-menu `index`; a number wraps around, like the phone's list. */
  private focusItem(index: number, which: 'first' | 'last' | number): void {
    const items = this.subItems(index);
    if (items.length === 0) return;
    const at = which === 'first' ? 0 : which === 'last' ? items.length - 1 : (which + items.length) % items.length;
    items[at]?.focus();
  }
}
