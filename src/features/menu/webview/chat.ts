// The callback simulator's chat inside the phone: the account's greeting, then each exchange —
// the follower's bubble on the right, the server's reply on the left as the client renders it,
// problems with their fix, and the exchange's actions (raw XML, WeChat's retries). Built with
// textContent only: replies are the server's text. Links never navigate the page: they ask the
// extension, which opens only http(s) links of replies it rendered.

import type { ChatView, ExchangeView, NewsCardView, ReplyView } from '../core/preview/chatView';
import { el } from './dom';

export interface ChatActions {
  openLink(url: string): void;
  showRaw(exchangeId: string): void;
  retry(exchangeId: string): void;
  setUp(): void;
  verify(): void;
}

export function renderChat(hint: string, chat: ChatView | undefined, actions: ChatActions): HTMLElement {
  const list = el('div', 'chat');
  list.setAttribute('role', 'log');
  list.setAttribute('aria-live', 'polite');
  if (chat) list.setAttribute('aria-label', chat.strings.heading);
  list.append(incoming([textBubble(hint)]));
  if (chat) {
    list.append(statusLine(chat, actions));
    for (const exchange of chat.exchanges) list.append(renderExchange(exchange, chat, actions));
  }
  return list;
}

function statusLine(chat: ChatView, actions: ChatActions): HTMLElement {
  const line = el('div', chat.ready ? 'chat-status' : 'chat-status chat-setup');
  line.setAttribute('role', 'status');
  line.append(el('span', 'chat-status-text', chat.status));
  const button = el('button', 'chat-action', chat.ready ? chat.strings.verify : chat.strings.setUp);
  button.type = 'button';
  button.dataset.focusId = chat.ready ? 'chat-verify' : 'chat-setup';
  button.addEventListener('click', () => (chat.ready ? actions.verify() : actions.setUp()));
  line.append(button);
  return line;
}

function renderExchange(exchange: ExchangeView, chat: ChatView, actions: ChatActions): HTMLElement {
  const s = chat.strings;
  const group = el('section', 'exchange');
  group.setAttribute('aria-label', exchange.ariaLabel);
  const out = el('div', 'chat-message outgoing');
  const bubble = el('p', 'bubble bubble-out', exchange.outgoing);
  out.append(bubble);
  if (exchange.retry) group.append(el('p', 'system-line', exchange.retry));
  group.append(out);
  if (exchange.pending) group.append(el('p', 'system-line pending', s.pending));
  const bubbles: HTMLElement[] = [];
  for (const reply of exchange.replies) {
    if (reply.kind === 'system') group.append(el('p', 'system-line', reply.text));
    else bubbles.push(replyElement(reply, actions));
  }
  if (bubbles.length > 0) group.append(incoming(bubbles));
  for (const problem of exchange.problems) {
    const box = el('div', 'chat-problem');
    box.append(el('p', 'chat-problem-message', problem.message));
    const fix = el('p', 'chat-problem-fix');
    fix.append(el('strong', undefined, `${s.fixLabel} `), document.createTextNode(problem.fix));
    box.append(fix);
    group.append(box);
  }
  const footer = el('div', 'exchange-footer');
  if (exchange.elapsed) footer.append(el('span', 'elapsed', exchange.elapsed));
  if (exchange.hasRaw) footer.append(actionButton(s.showRaw, `raw-${exchange.id}`, () => actions.showRaw(exchange.id)));
  if (exchange.canRetry) footer.append(actionButton(s.retry, `retry-${exchange.id}`, () => actions.retry(exchange.id)));
  if (footer.childElementCount > 0) group.append(footer);
  return group;
}

function actionButton(label: string, focusId: string, run: () => void): HTMLButtonElement {
  const button = el('button', 'chat-link', label);
  button.type = 'button';
  button.dataset.focusId = focusId;
  button.addEventListener('click', run);
  return button;
}

/** The account's side: avatar and bubbles. */
function incoming(bubbles: HTMLElement[]): HTMLElement {
  const message = el('div', 'chat-message');
  const avatar = el('div', 'avatar');
  avatar.setAttribute('aria-hidden', 'true');
  const column = el('div', 'bubbles');
  column.append(...bubbles);
  message.append(avatar, column);
  return message;
}

function textBubble(text: string): HTMLElement {
  return el('p', 'bubble', text);
}

function replyElement(reply: Exclude<ReplyView, { kind: 'system' }>, actions: ChatActions): HTMLElement {
  switch (reply.kind) {
    case 'text': {
      const bubble = el('p', 'bubble');
      for (const segment of reply.segments) {
        if (segment.url) bubble.append(link(segment.text, segment.url, actions));
        else bubble.append(document.createTextNode(segment.text));
      }
      return bubble;
    }
    case 'media': {
      const card = el('div', `bubble media media-${reply.media}`);
      card.append(el('span', 'media-label', reply.label));
      for (const detail of reply.details) card.append(el('span', 'media-detail', detail));
      return card;
    }
    case 'news':
      return newsCards(reply.articles, actions);
  }
}

function newsCards(articles: readonly NewsCardView[], actions: ChatActions): HTMLElement {
  const list = el('div', 'news');
  for (const article of articles) {
    const card = el('article', 'news-card');
    // The picture's URL as text in the picture's place: the CSP loads nothing remote (see chat.ts in menu/preview).
    const picture = el('div', 'news-picture', article.picUrl);
    picture.setAttribute('aria-hidden', 'true');
    const title = el('h3', 'news-title');
    if (article.url) title.append(link(article.title, article.url, actions));
    else title.textContent = article.title;
    card.append(picture, title);
    if (article.description) card.append(el('p', 'news-description', article.description));
    list.append(card);
  }
  return list;
}

/** A button styled as a link: it asks the extension, the page itself never navigates. */
function link(text: string, url: string, actions: ChatActions): HTMLElement {
  const button = el('button', 'reply-link', text);
  button.type = 'button';
  button.title = url;
  button.addEventListener('click', () => actions.openLink(url));
  return button;
}
