// Webview side of the menu preview (plain browser JS, no dependencies). It draws what the
// extension sends — the message shapes are typed in src/menu/preview/protocol.ts — and holds no
// text of its own: every label arrives localised. DOM is built with textContent only, never
// innerHTML, because button names come straight from the user's file.
// @ts-check
(function () {
  'use strict';

  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const phone = /** @type {HTMLElement} */ (document.getElementById('phone'));
  const report = /** @type {HTMLElement} */ (document.getElementById('report'));
  const SVG = 'http://www.w3.org/2000/svg';

  /** Which top-level button's sub-menu is open; survives re-renders and the panel being hidden. */
  let openIndex = /** @type {number} */ ((vscode.getState() || {}).openIndex ?? -1);
  /**
   * The shapes of src/menu/preview/protocol.ts, for editors that check this file.
   * @typedef {'error' | 'warning' | 'hint'} Severity
   * @typedef {{ id: string, label: string, truncated: boolean, title: string, ariaLabel: string,
   *   severity?: Severity, childSeverity?: Severity, subButtons: PreviewButton[] }} PreviewButton
   * @typedef {{ id: string, severity: Severity, location: string, message: string, errcode: string,
   *   ariaLabel: string }} PreviewProblem
   * @typedef {{ buttons: PreviewButton[], problems: PreviewProblem[], summary: string,
   *   summarySeverity: Severity | 'ok', notices: string[], strings: Record<string, string> }} PreviewView
   */
  /** @type {PreviewView} */
  let view;

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'render' && message.view) {
      view = message.view;
      render();
    }
  });

  // -------------------------------------------------------------------------------- helpers

  /**
   * @param {string} tag
   * @param {string} [className]
   * @param {string} [text]
   */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * A small line icon, drawn in the DOM so the CSP needs no inline images.
   * @param {string} className
   * @param {string} viewBox
   * @param {string[]} paths
   */
  function icon(className, viewBox, paths) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', className);
    svg.setAttribute('viewBox', viewBox);
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    for (const d of paths) {
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', d);
      svg.appendChild(path);
    }
    return svg;
  }

  const keyboardIcon = () =>
    icon('icon-keyboard', '0 0 28 28', [
      'M5 7.5h18a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-18a2 2 0 0 1-2-2v-9a2 2 0 0 1 2-2z',
      'M7.5 11.5h1M11 11.5h1M14.5 11.5h1M18 11.5h1M21 11.5h0M9 14.5h1M12.5 14.5h1M16 14.5h1M19.5 14.5h0M10 17.5h8',
    ]);
  const subMenuIcon = () => icon('icon-submenu', '0 0 12 12', ['M1.5 2.5h9M1.5 6h9M1.5 9.5h9']);

  /** @param {string} id */
  function reveal(id) {
    vscode.postMessage({ type: 'reveal', id });
  }

  /** @param {number} index */
  function setOpen(index) {
    openIndex = index;
    vscode.setState({ openIndex });
  }

  /** @param {PreviewButton} button @param {string} className */
  function markClasses(button, className) {
    const classes = [className];
    if (button.severity) classes.push(`mark-${button.severity}`);
    if (button.truncated) classes.push('truncated');
    return classes.join(' ');
  }

  /** @param {PreviewButton} button @param {string} fallback */
  function labelOf(button, fallback) {
    const span = el('span', button.label ? 'label' : 'label placeholder', button.label || fallback);
    return span;
  }

  // -------------------------------------------------------------------------------- phone

  function render() {
    const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focusId : undefined;
    document.documentElement.lang = view.strings.lang;
    document.body.classList.toggle('has-notice', view.notices.length > 0);
    if (openIndex >= view.buttons.length || !(view.buttons[openIndex] && view.buttons[openIndex].subButtons.length)) {
      setOpen(-1);
    }
    phone.replaceChildren(renderScreen());
    report.replaceChildren(...renderReport());
    document.querySelector('main')?.setAttribute('aria-busy', 'false');
    positionPopup();
    if (focusedId) {
      const again = document.querySelector(`[data-focus-id="${CSS.escape(focusedId)}"]`);
      if (again instanceof HTMLElement) again.focus();
    }
  }

  function renderScreen() {
    const s = view.strings;
    const screen = el('div', 'screen');

    const status = el('div', 'statusbar');
    status.setAttribute('aria-hidden', 'true');
    status.append(el('span', 'clock', '9:41'), el('span', 'signal'), el('span', 'battery'));

    const nav = el('div', 'navbar');
    const back = icon('icon-back', '0 0 12 24', ['M10 4L2 12l8 8']);
    back.setAttribute('aria-label', s.back);
    back.setAttribute('role', 'img');
    back.removeAttribute('aria-hidden');
    const more = el('span', 'more');
    more.setAttribute('aria-hidden', 'true');
    more.append(el('i'), el('i'), el('i'));
    nav.append(back, el('h1', 'title', s.accountName), more);

    const chat = el('div', 'chat');
    const message = el('div', 'chat-message');
    const avatar = el('div', 'avatar');
    avatar.setAttribute('aria-hidden', 'true');
    message.append(avatar, el('p', 'bubble', s.chatHint));
    chat.append(message);

    screen.append(status, nav, chat, renderMenuBar(), el('div', 'home-indicator'));
    return screen;
  }

  function renderMenuBar() {
    const s = view.strings;
    const bar = el('nav', 'menubar');
    bar.setAttribute('aria-label', s.menuBar);

    const keyboard = /** @type {HTMLButtonElement} */ (el('button', 'keyboard'));
    keyboard.type = 'button';
    keyboard.setAttribute('aria-label', s.keyboard);
    keyboard.title = s.keyboard;
    keyboard.dataset.focusId = 'keyboard';
    keyboard.append(keyboardIcon());
    keyboard.addEventListener('click', () => closePopup(false));

    const list = el('ul', 'menu-buttons');
    view.buttons.forEach((button, index) => list.append(renderTop(button, index)));
    bar.append(keyboard, list);
    return bar;
  }

  /** @param {PreviewButton} button @param {number} index */
  function renderTop(button, index) {
    const s = view.strings;
    const cell = el('li', 'menu-cell');
    const hasSub = button.subButtons.length > 0;
    const top = /** @type {HTMLButtonElement} */ (el('button', markClasses(button, 'menu-top')));
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
    top.addEventListener('keydown', (event) => onTopKey(event, index));
    cell.append(top);

    if (!hasSub) {
      top.addEventListener('click', () => {
        closePopup(false);
        reveal(button.id);
      });
      return cell;
    }

    const popupId = `submenu-${index}`;
    const open = openIndex === index;
    top.setAttribute('aria-haspopup', 'menu');
    top.setAttribute('aria-expanded', String(open));
    top.setAttribute('aria-controls', popupId);
    top.classList.toggle('open', open);
    // detail === 0: the click came from Enter or Space, so move focus into the menu.
    top.addEventListener('click', (event) => toggle(index, event.detail === 0 ? 'first' : undefined));

    const popup = el('div', 'popup');
    popup.id = popupId;
    popup.setAttribute('role', 'menu');
    popup.setAttribute('aria-label', button.ariaLabel);
    popup.hidden = !open;
    button.subButtons.forEach((sub) => {
      const item = /** @type {HTMLButtonElement} */ (el('button', markClasses(sub, 'menu-sub')));
      item.type = 'button';
      item.setAttribute('role', 'menuitem');
      item.title = sub.title;
      item.dataset.focusId = sub.id;
      item.setAttribute('aria-label', sub.ariaLabel);
      item.append(labelOf(sub, s.untitledButton));
      item.addEventListener('click', () => reveal(sub.id));
      item.addEventListener('keydown', (event) => onItemKey(event, index));
      popup.append(item);
    });
    popup.append(el('span', 'arrow'));
    cell.append(popup);
    return cell;
  }

  /** @param {number} index @param {'first' | 'last'} [focus] */
  function toggle(index, focus) {
    setOpen(openIndex === index && !focus ? -1 : index);
    render();
    if (openIndex === index && focus) focusItem(index, focus);
  }

  /** @param {boolean} returnFocus */
  function closePopup(returnFocus) {
    const was = openIndex;
    if (was < 0) return;
    setOpen(-1);
    render();
    if (returnFocus) topButtons()[was]?.focus();
  }

  function topButtons() {
    return /** @type {HTMLButtonElement[]} */ ([...phone.querySelectorAll('.menu-top')]);
  }

  /** @param {number} index @param {'first' | 'last' | number} which */
  function focusItem(index, which) {
    const items = /** @type {HTMLButtonElement[]} */ ([...phone.querySelectorAll(`#submenu-${index} .menu-sub`)]);
    if (items.length === 0) return;
    const at = which === 'first' ? 0 : which === 'last' ? items.length - 1 : (which + items.length) % items.length;
    items[at].focus();
  }

  /** Arrow keys move along the bar; Up opens a sub-menu (it pops up above the bar). */
  /** @param {KeyboardEvent} event @param {number} index */
  function onTopKey(event, index) {
    const tops = topButtons();
    const hasSub = view.buttons[index].subButtons.length > 0;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const next = (index + (event.key === 'ArrowRight' ? 1 : -1) + tops.length) % tops.length;
      tops[next].focus();
    } else if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && hasSub) {
      setOpen(index);
      render();
      focusItem(index, event.key === 'ArrowUp' ? 'last' : 'first');
    } else if (event.key === 'Escape' && openIndex >= 0) {
      closePopup(true);
    } else {
      return;
    }
    event.preventDefault();
  }

  /** @param {KeyboardEvent} event @param {number} index */
  function onItemKey(event, index) {
    const items = [...phone.querySelectorAll(`#submenu-${index} .menu-sub`)];
    const at = items.indexOf(/** @type {Element} */ (event.currentTarget));
    if (event.key === 'ArrowDown') focusItem(index, at + 1);
    else if (event.key === 'ArrowUp') focusItem(index, at - 1);
    else if (event.key === 'Home') focusItem(index, 'first');
    else if (event.key === 'End') focusItem(index, 'last');
    else if (event.key === 'Escape') closePopup(true);
    else if (event.key === 'Tab') {
      closePopup(true);
      return; // let Tab move on from the top button
    } else return;
    event.preventDefault();
  }

  /** Centres the open sub-menu over its button but keeps it on the screen, moving only the box. */
  function positionPopup() {
    const popup = /** @type {HTMLElement | null} */ (phone.querySelector('.popup:not([hidden])'));
    const screen = phone.querySelector('.screen');
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

  // Tapping anywhere outside the menu bar closes an open sub-menu, as on the phone.
  document.addEventListener('click', (event) => {
    if (openIndex >= 0 && event.target instanceof Element && !event.target.closest('.menu-cell')) closePopup(false);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && openIndex >= 0) closePopup(true);
  });
  window.addEventListener('resize', positionPopup);

  // -------------------------------------------------------------------------------- report

  function renderReport() {
    const s = view.strings;
    const parts = [];
    for (const text of view.notices) {
      const notice = el('p', 'notice', text);
      notice.setAttribute('role', 'status');
      parts.push(notice);
    }
    parts.push(el('p', `summary summary-${view.summarySeverity}`, view.summary));
    if (view.problems.length === 0) return parts;

    const heading = el('h2', 'problems-heading', `${s.problemsHeading} (${view.problems.length})`);
    heading.id = 'problems-heading';
    const list = el('ul', 'problems');
    list.setAttribute('aria-labelledby', 'problems-heading');
    for (const problem of view.problems) {
      const item = el('li');
      const row = /** @type {HTMLButtonElement} */ (el('button', `problem problem-${problem.severity}`));
      row.type = 'button';
      row.title = s.revealHint;
      row.dataset.focusId = problem.id;
      row.setAttribute('aria-label', problem.ariaLabel);
      const badge = el('span', `severity severity-${problem.severity}`);
      badge.setAttribute('aria-hidden', 'true');
      const body = el('span', 'problem-body');
      const where = el('span', 'where', problem.location);
      if (problem.errcode) where.append(el('span', 'errcode', problem.errcode));
      body.append(where, el('span', 'message', problem.message));
      row.append(badge, body);
      row.addEventListener('click', () => reveal(problem.id));
      item.append(row);
      list.append(item);
    }
    parts.push(heading, list);
    return parts;
  }

  vscode.postMessage({ type: 'ready' });
})();
