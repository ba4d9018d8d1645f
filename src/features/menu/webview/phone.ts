// The phone: status bar, the account's title bar, the chat with the callback server and the custom
// menu bar with its pop-up sub-menus (or the input bar), drawn from the views the extension sent.
// It only builds elements; what a click or key does is decided by the PhoneActions it is given
// (preview.ts). A tap sends the button's event; Alt+click (Alt+Enter) shows its JSON instead.

import type { ChatView } from '../core/preview/chatView';
import type { PreviewButton, PreviewView } from '../core/preview/protocol';
import { type ChatActions, renderChat } from './chat';
import { backIcon, el, keyboardIcon, subMenuIcon } from './dom';
import { type InputActions, renderInputBar } from './inputBar';

export interface PhoneActions extends ChatActions, InputActions {
  /** A button that sends an event was tapped. */
  tap(id: string): void;
  /** The keyboard button: the input bar replaces the menu. */
  showInput(): void;
  /** A top button with a sub-menu was clicked; `first` moves focus into it (keyboard activation). */
  toggle(index: number, focus?: 'first'): void;
  closePopup(returnFocus: boolean): void;
  reveal(id: string): void;
  onTopKey(event: KeyboardEvent, index: number): void;
  onItemKey(event: KeyboardEvent, index: number): void;
}

/** What the page keeps between renders besides the views. */
export interface PhoneState {
  readonly openIndex: number;
  readonly inputMode: boolean;
  readonly draft: string;
  readonly eventsOpen: boolean;
}

/** Everything a render needs: the view, which sub-menu is open, and where events go. */
interface Phone {
  readonly view: PreviewView;
  readonly openIndex: number;
  readonly actions: PhoneActions;
}

export function renderScreen(view: PreviewView, chatView: ChatView | undefined, state: PhoneState, actions: PhoneActions): HTMLElement {
  const phone: Phone = { view, openIndex: state.openIndex, actions };
  const s = view.strings;
  const screen = el('div', 'screen');

  const status = el('div', 'statusbar');
  status.setAttribute('aria-hidden', 'true');
  status.append(el('span', 'clock', '9:41'), el('span', 'signal'), el('span', 'battery'));

  const nav = el('div', 'navbar');
  const back = backIcon();
  back.setAttribute('aria-label', s.back);
  back.setAttribute('role', 'img');
  back.removeAttribute('aria-hidden');
  const more = el('span', 'more');
  more.setAttribute('aria-hidden', 'true');
  more.append(el('i'), el('i'), el('i'));
  nav.append(back, el('h1', 'title', s.accountName), more);

  const chat = renderChat(s.chatHint, chatView, actions);
  const bar = state.inputMode && chatView ? renderInputBar(chatView.strings, state.draft, state.eventsOpen, actions) : renderMenuBar(phone);
  screen.append(status, nav, chat, bar, el('div', 'home-indicator'));
  return screen;
}

function renderMenuBar(phone: Phone): HTMLElement {
  const s = phone.view.strings;
  const bar = el('nav', 'menubar');
  bar.setAttribute('aria-label', s.menuBar);

  const keyboard = el('button', 'keyboard');
  keyboard.type = 'button';
  keyboard.setAttribute('aria-label', s.keyboard);
  keyboard.title = s.keyboard;
  keyboard.dataset.focusId = 'keyboard';
  keyboard.append(keyboardIcon());
  keyboard.addEventListener('click', () => {
    phone.actions.closePopup(false);
    phone.actions.showInput();
  });

  const list = el('ul', 'menu-buttons');
  phone.view.buttons.forEach((button, index) => list.append(renderTop(phone, button, index)));
  bar.append(keyboard, list);
  return bar;
}

function renderTop(phone: Phone, button: PreviewButton, index: number): HTMLElement {
  const { actions } = phone;
  const s = phone.view.strings;
  const cell = el('li', 'menu-cell');
  const hasSub = button.subButtons.length > 0;
  const top = el('button', markClasses(button, 'menu-top'));
  top.type = 'button';
  top.title = button.title;
  top.dataset.focusId = button.id;
  top.setAttribute('aria-label', button.ariaLabel);
  if (hasSub) top.append(subMenuIcon());
  top.append(labelOf(button, s.untitledButton));
  if (button.childSeverity) {
    const dot = el('span', `dot dot-${button.childSeverity}`);
    dot.setAttribute('aria-hidden', 'true');
    top.append(dot);
  }
  top.addEventListener('keydown', (event) => actions.onTopKey(event, index));
  cell.append(top);

  if (!hasSub) {
    top.addEventListener('click', (event) => {
      actions.closePopup(false);
      if (event.altKey) actions.reveal(button.id);
      else actions.tap(button.id);
    });
    return cell;
  }

  const popupId = `submenu-${index}`;
  const open = phone.openIndex === index;
  top.setAttribute('aria-haspopup', 'menu');
  top.setAttribute('aria-expanded', String(open));
  top.setAttribute('aria-controls', popupId);
  top.classList.toggle('open', open);
  // detail === 0: the click came from Enter or Space, so move focus into the menu.
  top.addEventListener('click', (event) => actions.toggle(index, event.detail === 0 ? 'first' : undefined));

  const popup = el('div', 'popup');
  popup.id = popupId;
  popup.setAttribute('role', 'menu');
  popup.setAttribute('aria-label', button.ariaLabel);
  popup.hidden = !open;
  button.subButtons.forEach((sub) => {
    const item = el('button', markClasses(sub, 'menu-sub'));
    item.type = 'button';
    item.setAttribute('role', 'menuitem');
    item.title = sub.title;
    item.dataset.focusId = sub.id;
    item.setAttribute('aria-label', sub.ariaLabel);
    item.append(labelOf(sub, s.untitledButton));
    item.addEventListener('click', (event) => {
      if (event.altKey) actions.reveal(sub.id);
      else {
        actions.closePopup(true);
        actions.tap(sub.id);
      }
    });
    item.addEventListener('keydown', (event) => actions.onItemKey(event, index));
    popup.append(item);
  });
  popup.append(el('span', 'arrow'));
  cell.append(popup);
  return cell;
}

function markClasses(button: PreviewButton, className: string): string {
  const classes = [className];
  if (button.severity) classes.push(`mark-${button.severity}`);
  if (button.truncated) classes.push('truncated');
  return classes.join(' ');
}

/** A button without a usable name still gets a visible, greyed placeholder to click. */
function labelOf(button: PreviewButton, fallback: string): HTMLElement {
  return el('span', button.label ? 'label' : 'label placeholder', button.label || fallback);
}
