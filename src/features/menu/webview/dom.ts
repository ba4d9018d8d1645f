// Element helpers. Everything is built with textContent, never innerHTML, because button names
// come straight from the user's file; icons are drawn as DOM SVG so the CSP needs no inline images.

const SVG = 'http://www.w3.org/2000/svg';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A small line icon. */
export function icon(className: string, viewBox: string, paths: readonly string[]): SVGSVGElement {
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

export const keyboardIcon = (): SVGSVGElement =>
  icon('icon-keyboard', '0 0 28 28', [
    'M5 7.5h18a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-18a2 2 0 0 1-2-2v-9a2 2 0 0 1 2-2z',
    'M7.5 11.5h1M11 11.5h1M14.5 11.5h1M18 11.5h1M21 11.5h0M9 14.5h1M12.5 14.5h1M16 14.5h1M19.5 14.5h0M10 17.5h8',
  ]);

export const subMenuIcon = (): SVGSVGElement => icon('icon-submenu', '0 0 12 12', ['M1.5 2.5h9M1.5 6h9M1.5 9.5h9']);

export const backIcon = (): SVGSVGElement => icon('icon-back', '0 0 12 24', ['M10 4L2 12l8 8']);
