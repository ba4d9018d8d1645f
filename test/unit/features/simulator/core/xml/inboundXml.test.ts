import * as assert from 'node:assert/strict';

import { hasMsgId } from '../../../../../../src/features/simulator/core/types';
import { buildInboundXml } from '../../../../../../src/features/simulator/core/xml/inboundXml';
import { ACCOUNT, OPENID } from '../helpers';

const envelope = { toUserName: ACCOUNT, fromUserName: OPENID, createTime: 1348831860, msgId: '1234567890123456789' };

describe('callback/xml/inboundXml', () => {
  it('writes a text message as WeChat does: CDATA strings, bare numbers, MsgId last', () => {
    assert.equal(
      buildInboundXml({ kind: 'text', content: 'this is a test' }, envelope),
      `<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><FromUserName><![CDATA[${OPENID}]]></FromUserName>` +
        '<CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[this is a test]]></Content>' +
        '<MsgId>1234567890123456789</MsgId></xml>',
    );
  });

  it('keeps a 64-bit MsgId exact', () => {
    assert.match(
      buildInboundXml({ kind: 'text', content: 'x' }, { ...envelope, msgId: '922337203685477580' }),
      /<MsgId>922337203685477580<\/MsgId>/,
    );
  });

  it('gives events no MsgId even when one is passed', () => {
    const xml = buildInboundXml({ kind: 'menu', button: { type: 'click', key: 'K' } }, envelope);
    assert.doesNotMatch(xml, /MsgId/);
    assert.match(
      xml,
      /<MsgType><!\[CDATA\[event\]\]><\/MsgType><Event><!\[CDATA\[CLICK\]\]><\/Event><EventKey><!\[CDATA\[K\]\]><\/EventKey><\/xml>$/,
    );
    assert.equal(hasMsgId({ kind: 'menu', button: { type: 'click' } }), false);
    assert.equal(hasMsgId({ kind: 'voice', mediaId: 'm', format: 'amr' }), true);
  });

  it('writes VIEW with MenuId bare, and leaves MenuId out for the default menu', () => {
    const conditional = buildInboundXml(
      { kind: 'menu', button: { type: 'view', url: 'https://a.example/?x=1&y=2', menuId: '410418124' } },
      envelope,
    );
    assert.match(conditional, /<EventKey><!\[CDATA\[https:\/\/a\.example\/\?x=1&y=2\]\]><\/EventKey><MenuId>410418124<\/MenuId>/);
    assert.doesNotMatch(buildInboundXml({ kind: 'menu', button: { type: 'view', url: 'https://a.example/' } }, envelope), /MenuId/);
  });

  it('nests ScanCodeInfo, SendPicsInfo/PicList/item and SendLocationInfo', () => {
    assert.match(
      buildInboundXml({ kind: 'menu', button: { type: 'scancode_waitmsg', key: 'S' } }, envelope),
      /<ScanCodeInfo><ScanType><!\[CDATA\[qrcode\]\]><\/ScanType><ScanResult><!\[CDATA\[[^\]]+\]\]><\/ScanResult><\/ScanCodeInfo>/,
    );
    assert.match(
      buildInboundXml({ kind: 'menu', button: { type: 'pic_weixin', key: 'P' } }, envelope),
      /<SendPicsInfo><Count>1<\/Count><PicList><item><PicMd5Sum><!\[CDATA\[[0-9a-f]{32}\]\]><\/PicMd5Sum><\/item><\/PicList><\/SendPicsInfo>/,
    );
    assert.match(
      buildInboundXml({ kind: 'menu', button: { type: 'location_select', key: 'L' } }, envelope),
      /<SendLocationInfo><Location_X><!\[CDATA\[[\d.]+\]\]><\/Location_X><Location_Y><!\[CDATA\[[\d.]+\]\]><\/Location_Y><Scale><!\[CDATA\[\d+\]\]><\/Scale><Label><!\[CDATA\[[^\]]*\]\]><\/Label><Poiname><!\[CDATA\[\]\]><\/Poiname><\/SendLocationInfo>/,
    );
  });

  it('writes subscribe with a scene as qrscene_ + Ticket, SCAN with the bare scene', () => {
    assert.match(
      buildInboundXml({ kind: 'subscribe', scene: '42', ticket: 'T' }, envelope),
      /<Event><!\[CDATA\[subscribe\]\]><\/Event><EventKey><!\[CDATA\[qrscene_42\]\]><\/EventKey><Ticket><!\[CDATA\[T\]\]><\/Ticket><\/xml>$/,
    );
    assert.match(buildInboundXml({ kind: 'subscribe' }, envelope), /<Event><!\[CDATA\[subscribe\]\]><\/Event><\/xml>$/);
    assert.match(
      buildInboundXml({ kind: 'scan', scene: '42', ticket: 'T' }, envelope),
      /<Event><!\[CDATA\[SCAN\]\]><\/Event><EventKey><!\[CDATA\[42\]\]><\/EventKey>/,
    );
  });

  it('writes LOCATION and location numbers bare', () => {
    assert.match(
      buildInboundXml({ kind: 'reportLocation', latitude: 23.137466, longitude: 113.352425, precision: 119.38504 }, envelope),
      /<Event><!\[CDATA\[LOCATION\]\]><\/Event><Latitude>23\.137466<\/Latitude><Longitude>113\.352425<\/Longitude><Precision>119\.38504<\/Precision><\/xml>$/,
    );
    assert.match(
      buildInboundXml({ kind: 'location', latitude: 23.1, longitude: 113.3, scale: 20, label: 'L' }, envelope),
      /<Location_X>23\.1<\/Location_X><Location_Y>113\.3<\/Location_Y><Scale>20<\/Scale><Label><!\[CDATA\[L\]\]><\/Label><MsgId>/,
    );
  });

  it('leaves an absent voice Recognition out', () => {
    assert.doesNotMatch(buildInboundXml({ kind: 'voice', mediaId: 'm', format: 'amr' }, envelope), /Recognition/);
  });

  it('splits "]]>" in text across two CDATA sections, so the XML stays well-formed', () => {
    const xml = buildInboundXml({ kind: 'text', content: 'a]]>b' }, envelope);
    assert.match(xml, /<Content><!\[CDATA\[a\]\]\]\]><!\[CDATA\[>b\]\]><\/Content>/);
  });
});
