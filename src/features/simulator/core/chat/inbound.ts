// What the follower does, as messages the core sends, and how the chat names each of them
// (vscode-free). The "+" menu's events carry sample values a real client would send; only the
// scene of a parametric QR code is asked for, because dedup and routing code branches on it.
import type { Localize } from '../../../../common/localize';
import type { SimulatedInbound, TappedButton } from '../types';
import { SIMULATED_EVENTS, type SimulatedEventKind } from './events';

/** The event WeChat sends for each button type (Event field), as developers see it in their logs. */
const BUTTON_EVENTS: Readonly<Record<TappedButton['type'], string>> = {
  click: 'CLICK',
  view: 'VIEW',
  miniprogram: 'view_miniprogram',
  scancode_push: 'scancode_push',
  scancode_waitmsg: 'scancode_waitmsg',
  pic_sysphoto: 'pic_sysphoto',
  pic_photo_or_album: 'pic_photo_or_album',
  pic_weixin: 'pic_weixin',
  location_select: 'location_select',
};

export function buttonEvent(button: TappedButton): string {
  return BUTTON_EVENTS[button.type];
}

/** "Tapped "今日歌曲" · CLICK V1001_TODAY_MUSIC". */
export function describeTap(name: string, button: TappedButton, t: Localize): string {
  const detail = button.type === 'view' ? button.url : button.type === 'miniprogram' ? (button.pagepath ?? button.url) : button.key;
  const event = [buttonEvent(button), detail ?? ''].filter((part) => part !== '').join(' ');
  return t('Tapped "{0}" · {1}', name.trim() || t('(no name)'), event);
}

/** A QR scene value: qrscene_ is added by WeChat for subscribe events, so it is asked for without. */
export function checkScene(value: string): 'empty' | 'tooLong' | undefined {
  const scene = value.trim();
  if (scene === '') return 'empty';
  // WeChat's scene_str is 1–64 characters; scene_id a 32-bit number (fewer digits).
  return scene.length > 64 ? 'tooLong' : undefined;
}

/** The follower's action for one of the "+" menu's entries; `scene` only for subscribeScene and scan. */
export function eventInbound(kind: SimulatedEventKind, scene: string, random: () => number): SimulatedInbound {
  const mediaId = (): string => `sim_${Math.floor(random() * 1e12).toString(36)}`;
  switch (kind) {
    case 'subscribe':
      return { kind: 'subscribe' };
    case 'subscribeScene':
      return { kind: 'subscribe', scene };
    case 'unsubscribe':
      return { kind: 'unsubscribe' };
    case 'scan':
      return { kind: 'scan', scene, ticket: `gQH${Math.floor(random() * 1e15).toString(36)}` };
    case 'reportLocation':
      return { kind: 'reportLocation', latitude: 22.543099, longitude: 114.057868, precision: 65 };
    case 'image':
      return { kind: 'image', picUrl: 'https://mmbiz.qpic.cn/mmbiz_jpg/sample/0', mediaId: mediaId() };
    case 'voice':
      return { kind: 'voice', mediaId: mediaId(), format: 'amr' };
    case 'location':
      return { kind: 'location', latitude: 23.134521, longitude: 113.358803, scale: 20, label: '广州市天河区' };
    case 'link':
      return { kind: 'link', title: '公众平台官网链接', description: '公众平台官网链接', url: 'https://mp.weixin.qq.com/' };
  }
}

export function describeInbound(inbound: SimulatedInbound, t: Localize): string {
  switch (inbound.kind) {
    case 'menu':
      return describeTap('', inbound.button, t);
    case 'text':
      return inbound.content;
    case 'subscribe':
      return inbound.scene === undefined
        ? t('Followed the account (subscribe)')
        : t('Followed by scanning a QR code with scene {0} (subscribe qrscene_{0})', inbound.scene);
    case 'unsubscribe':
      return t('Unfollowed the account (unsubscribe)');
    case 'scan':
      return t('Scanned a QR code with scene {0} while following (SCAN)', inbound.scene);
    case 'reportLocation':
      return t('Reported the location {0}, {1} (LOCATION)', inbound.latitude, inbound.longitude);
    case 'image':
      return t('Sent an image (media_id {0})', inbound.mediaId);
    case 'voice':
      return t('Sent a voice message (media_id {0})', inbound.mediaId);
    case 'location':
      return t('Sent a location: {0}', inbound.label);
    case 'link':
      return t('Sent a link: {0}', inbound.url);
  }
}

/** The "+" menu's labels, in the order of SIMULATED_EVENTS (the page lists them in key order). */
export function eventLabels(t: Localize): Readonly<Record<SimulatedEventKind, string>> {
  const labels: Record<SimulatedEventKind, string> = {
    subscribe: t('Follow (subscribe)'),
    subscribeScene: t('Follow by scanning a QR code (subscribe with scene)'),
    unsubscribe: t('Unfollow (unsubscribe)'),
    scan: t('Scan a QR code while following (SCAN)'),
    reportLocation: t('Report location (LOCATION)'),
    image: t('Send an image'),
    voice: t('Send a voice message'),
    location: t('Send a location'),
    link: t('Send a link'),
  };
  return Object.fromEntries(SIMULATED_EVENTS.map((kind) => [kind, labels[kind]])) as Record<SimulatedEventKind, string>;
}
