// The XML WeChat pushes for what the follower does: ordinary messages (接收普通消息), follow/scan/
// location events (接收事件推送) and menu taps (自定义菜单事件推送), field for field and in the
// documented order. Strings are CDATA, numbers bare, as in WeChat's own pushes.
import { hasMsgId, SimulatedInbound, TappedButton } from '../types';
import { buildXml, XmlFields } from './xmlCodec';

export interface InboundEnvelope {
  /** The account's original ID (gh_…). */
  readonly toUserName: string;
  /** The follower's OpenID. */
  readonly fromUserName: string;
  /** Seconds since the epoch. */
  readonly createTime: number;
  /** Ordinary messages only; events carry none. */
  readonly msgId?: string;
}

/** MenuId is a bare number in WeChat's pushes; anything else a developer typed stays text. */
function menuIdField(menuId: string | undefined): bigint | string | undefined {
  return menuId !== undefined && /^\d{1,19}$/.test(menuId) ? BigInt(menuId) : menuId;
}

function eventKeyless(event: string): XmlFields {
  return { MsgType: 'event', Event: event };
}

/** What a scan or photo button reports; the simulator invents a plausible result. */
function menuFields(button: TappedButton): XmlFields {
  const key = button.key ?? '';
  switch (button.type) {
    case 'click':
      return { MsgType: 'event', Event: 'CLICK', EventKey: key };
    case 'view':
      return { MsgType: 'event', Event: 'VIEW', EventKey: button.url ?? '', MenuId: menuIdField(button.menuId) };
    case 'miniprogram':
      return { MsgType: 'event', Event: 'view_miniprogram', EventKey: button.pagepath ?? '', MenuId: menuIdField(button.menuId) };
    case 'scancode_push':
    case 'scancode_waitmsg':
      return {
        MsgType: 'event',
        Event: button.type,
        EventKey: key,
        ScanCodeInfo: { ScanType: 'qrcode', ScanResult: 'https://weixin.qq.com/r/simulated-scan' },
      };
    case 'pic_sysphoto':
    case 'pic_photo_or_album':
    case 'pic_weixin':
      return {
        MsgType: 'event',
        Event: button.type,
        EventKey: key,
        SendPicsInfo: { Count: 1, PicList: { item: [{ PicMd5Sum: '1b5f7c23b5bf75682a53e7b6d163e185' }] } },
      };
    case 'location_select':
      return {
        MsgType: 'event',
        Event: 'location_select',
        EventKey: key,
        SendLocationInfo: { Location_X: '23.104', Location_Y: '113.320', Scale: '15', Label: '广州市海珠区客村艺苑路 106号', Poiname: '' },
      };
  }
}

function inboundFields(inbound: SimulatedInbound): XmlFields {
  switch (inbound.kind) {
    case 'menu':
      return menuFields(inbound.button);
    case 'text':
      return { MsgType: 'text', Content: inbound.content };
    case 'image':
      return { MsgType: 'image', PicUrl: inbound.picUrl, MediaId: inbound.mediaId };
    case 'voice':
      return { MsgType: 'voice', MediaId: inbound.mediaId, Format: inbound.format, Recognition: inbound.recognition };
    case 'location':
      return {
        MsgType: 'location',
        Location_X: inbound.latitude,
        Location_Y: inbound.longitude,
        Scale: inbound.scale,
        Label: inbound.label,
      };
    case 'link':
      return { MsgType: 'link', Title: inbound.title, Description: inbound.description, Url: inbound.url };
    case 'subscribe':
      // A parametric QR code adds EventKey qrscene_<scene> and its Ticket; a plain follow has neither.
      return inbound.scene === undefined
        ? eventKeyless('subscribe')
        : {
            MsgType: 'event',
            Event: 'subscribe',
            EventKey: `qrscene_${inbound.scene}`,
            Ticket: inbound.ticket ?? 'gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL2taZ2Z3TVRtNzJXV1Brb3ZhYmJJAAIEZ23sUwMEmm3sUw==',
          };
    case 'unsubscribe':
      return eventKeyless('unsubscribe');
    case 'scan':
      // An existing follower scanning: EventKey is the bare scene value (no qrscene_ prefix).
      return { MsgType: 'event', Event: 'SCAN', EventKey: inbound.scene, Ticket: inbound.ticket };
    case 'reportLocation':
      return {
        MsgType: 'event',
        Event: 'LOCATION',
        Latitude: inbound.latitude,
        Longitude: inbound.longitude,
        Precision: inbound.precision,
      };
  }
}

export function buildInboundXml(inbound: SimulatedInbound, envelope: InboundEnvelope): string {
  const { MsgType, ...rest } = inboundFields(inbound);
  const fields: XmlFields = {
    ToUserName: envelope.toUserName,
    FromUserName: envelope.fromUserName,
    CreateTime: envelope.createTime,
    MsgType,
    ...rest,
    // WeChat puts MsgId last in ordinary messages.
    ...(envelope.msgId !== undefined && hasMsgId(inbound) ? { MsgId: BigInt(envelope.msgId) } : {}),
  };
  return buildXml(fields);
}
