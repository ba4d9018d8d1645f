// Every SimulatedInbound kind with the fields an SDK must find in it (as node-webot's formatMessage
// flattens them: nested elements become objects, text is trimmed). Written from WeChat's docs
// (接收普通消息, 接收事件推送, 自定义菜单事件推送), independently of src/callback/xml/.
import { SimulatedInbound } from '../../../../../../src/features/simulator/core/types';

export interface InboundCase {
  readonly name: string;
  readonly inbound: SimulatedInbound;
  readonly expect: Readonly<Record<string, unknown>>;
  /** Ordinary messages carry MsgId, events do not. */
  readonly message: boolean;
}

export const INBOUND_CASES: readonly InboundCase[] = [
  {
    name: 'click',
    message: false,
    inbound: { kind: 'menu', button: { type: 'click', key: 'V1001_GOOD' } },
    expect: { MsgType: 'event', Event: 'CLICK', EventKey: 'V1001_GOOD' },
  },
  {
    name: 'view with MenuId',
    message: false,
    inbound: { kind: 'menu', button: { type: 'view', url: 'https://example.com/a?b=1&c=2', menuId: '410418124' } },
    expect: { MsgType: 'event', Event: 'VIEW', EventKey: 'https://example.com/a?b=1&c=2', MenuId: '410418124' },
  },
  {
    name: 'miniprogram',
    message: false,
    inbound: { kind: 'menu', button: { type: 'miniprogram', pagepath: 'pages/index/index', url: 'https://example.com' } },
    expect: { MsgType: 'event', Event: 'view_miniprogram', EventKey: 'pages/index/index' },
  },
  ...(['scancode_push', 'scancode_waitmsg'] as const).map((type) => ({
    name: type,
    message: false,
    inbound: { kind: 'menu', button: { type, key: 'rselfmenu_0_1' } } as const,
    expect: {
      MsgType: 'event',
      Event: type,
      EventKey: 'rselfmenu_0_1',
      ScanCodeInfo: { ScanType: 'qrcode', ScanResult: 'https://weixin.qq.com/r/simulated-scan' },
    },
  })),
  ...(['pic_sysphoto', 'pic_photo_or_album', 'pic_weixin'] as const).map((type) => ({
    name: type,
    message: false,
    inbound: { kind: 'menu', button: { type, key: 'rselfmenu_1_0' } } as const,
    expect: {
      MsgType: 'event',
      Event: type,
      EventKey: 'rselfmenu_1_0',
      SendPicsInfo: { Count: '1', PicList: { item: { PicMd5Sum: '1b5f7c23b5bf75682a53e7b6d163e185' } } },
    },
  })),
  {
    name: 'location_select',
    message: false,
    inbound: { kind: 'menu', button: { type: 'location_select', key: 'rselfmenu_2_0' } },
    expect: {
      MsgType: 'event',
      Event: 'location_select',
      EventKey: 'rselfmenu_2_0',
      SendLocationInfo: { Location_X: '23.104', Location_Y: '113.320', Scale: '15', Label: '广州市海珠区客村艺苑路 106号', Poiname: '' },
    },
  },
  {
    name: 'text',
    message: true,
    inbound: { kind: 'text', content: 'Hello <b>& 你好 ]]> end' },
    expect: { MsgType: 'text', Content: 'Hello <b>& 你好 ]]> end' },
  },
  {
    name: 'image',
    message: true,
    inbound: { kind: 'image', picUrl: 'https://mmbiz.qpic.cn/x.jpg', mediaId: 'media_1' },
    expect: { MsgType: 'image', PicUrl: 'https://mmbiz.qpic.cn/x.jpg', MediaId: 'media_1' },
  },
  {
    name: 'voice',
    message: true,
    inbound: { kind: 'voice', mediaId: 'media_2', format: 'amr', recognition: '腾讯微信团队' },
    expect: { MsgType: 'voice', MediaId: 'media_2', Format: 'amr', Recognition: '腾讯微信团队' },
  },
  {
    name: 'location',
    message: true,
    inbound: { kind: 'location', latitude: 23.134521, longitude: 113.358803, scale: 20, label: '位置信息' },
    expect: { MsgType: 'location', Location_X: '23.134521', Location_Y: '113.358803', Scale: '20', Label: '位置信息' },
  },
  {
    name: 'link',
    message: true,
    inbound: { kind: 'link', title: '公众平台官网链接', description: '公众平台官网链接', url: 'https://mp.weixin.qq.com' },
    expect: { MsgType: 'link', Title: '公众平台官网链接', Description: '公众平台官网链接', Url: 'https://mp.weixin.qq.com' },
  },
  { name: 'subscribe', message: false, inbound: { kind: 'subscribe' }, expect: { MsgType: 'event', Event: 'subscribe' } },
  {
    name: 'subscribe with a scene',
    message: false,
    inbound: { kind: 'subscribe', scene: '123', ticket: 'TICKET_1' },
    expect: { MsgType: 'event', Event: 'subscribe', EventKey: 'qrscene_123', Ticket: 'TICKET_1' },
  },
  { name: 'unsubscribe', message: false, inbound: { kind: 'unsubscribe' }, expect: { MsgType: 'event', Event: 'unsubscribe' } },
  {
    name: 'SCAN',
    message: false,
    inbound: { kind: 'scan', scene: '123', ticket: 'TICKET_2' },
    expect: { MsgType: 'event', Event: 'SCAN', EventKey: '123', Ticket: 'TICKET_2' },
  },
  {
    name: 'LOCATION',
    message: false,
    inbound: { kind: 'reportLocation', latitude: 23.137466, longitude: 113.352425, precision: 119.38504 },
    expect: { MsgType: 'event', Event: 'LOCATION', Latitude: '23.137466', Longitude: '113.352425', Precision: '119.38504' },
  },
];
