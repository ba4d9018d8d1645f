// The phone's input bar, shown instead of the custom menu after the keyboard button (as in the
// client): a button back to the menu, the text box, "+" with the other events and messages, Send.
// The typed text lives in the page's state, so a re-render or a reload never loses it.

import type { ChatStrings } from '../core/preview/chatView';
import { el, icon } from './dom';

export interface InputActions {
  showMenu(): void;
  draftChanged(text: string): void;
  send(): void;
  toggleEvents(focusFirst: boolean): void;
  simulate(event: string): void;
  onEventKey(event: KeyboardEvent): void;
}

export function renderInputBar(strings: ChatStrings, draft: string, eventsOpen: boolean, actions: InputActions): HTMLElement {
  const bar = el('div', 'menubar inputbar');
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', strings.inputLabel);

  const menu = el('button', 'keyboard');
  menu.type = 'button';
  menu.title = strings.menuSwitch;
  menu.setAttribute('aria-label', strings.menuSwitch);
  menu.dataset.focusId = 'menu-switch';
  menu.append(icon('icon-keyboard', '0 0 28 28', ['M7 9h14M7 14h14M7 19h14']));
  menu.addEventListener('click', () => actions.showMenu());

  const input = el('input', 'chat-input');
  input.type = 'text';
  input.value = draft;
  input.placeholder = strings.inputPlaceholder;
  input.setAttribute('aria-label', strings.inputLabel);
  input.dataset.focusId = 'chat-input';
  input.maxLength = 2048;
  input.addEventListener('input', () => actions.draftChanged(input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      actions.send();
    }
  });

  const more = el('button', 'chat-more', '+');
  more.type = 'button';
  more.title = strings.moreEvents;
  more.setAttribute('aria-label', strings.moreEvents);
  more.setAttribute('aria-haspopup', 'menu');
  more.setAttribute('aria-expanded', String(eventsOpen));
  more.setAttribute('aria-controls', 'chat-events');
  more.dataset.focusId = 'chat-more';
  more.addEventListener('click', (event) => actions.toggleEvents(event.detail === 0));

  const send = el('button', 'chat-send', strings.send);
  send.type = 'button';
  send.dataset.focusId = 'chat-send';
  send.addEventListener('click', () => actions.send());

  const popup = el('div', 'popup events-popup');
  popup.id = 'chat-events';
  popup.setAttribute('role', 'menu');
  popup.setAttribute('aria-label', strings.moreEvents);
  popup.hidden = !eventsOpen;
  // The extension sends the events with their labels, in the order of the simulator's list.
  for (const kind of Object.keys(strings.events)) {
    const item = el('button', 'menu-sub event-item', strings.events[kind]);
    item.type = 'button';
    item.setAttribute('role', 'menuitem');
    item.dataset.focusId = `event-${kind}`;
    item.addEventListener('click', () => actions.simulate(kind));
    item.addEventListener('keydown', (event) => actions.onEventKey(event));
    popup.append(item);
  }
  bar.append(menu, input, more, send, popup);
  return bar;
}
