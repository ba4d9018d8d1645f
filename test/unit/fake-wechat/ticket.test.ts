import * as assert from 'node:assert/strict';

import { APP, assertErr, get, OTHER, stable, tokenOf, useFakeWeChat } from './helpers';

const PATH = '/cgi-bin/ticket/getticket';

describe('env.fake WeChat: /cgi-bin/ticket/getticket', () => {
  const env = useFakeWeChat({ tokenTtlSeconds: 3000 });

  it('hands out a jsapi_ticket for a valid token: errcode 0, ok, expires_in 7200 whatever the token TTL', async () => {
    const token = tokenOf(await stable(env.fake));
    const a = await get(env.fake, PATH, { type: 'jsapi', access_token: token });
    assert.equal(a.json['errcode'], 0);
    assert.equal(a.json['errmsg'], 'ok');
    assert.equal(a.json['expires_in'], 7200);
    const ticket = a.json['ticket'];
    assert.equal(typeof ticket, 'string');
    assert.equal(env.fake.currentTicket(APP.appId), ticket);
    assert.equal(env.fake.ticketFetches(APP.appId), 1);
    assert.equal(env.fake.ticketFetches(OTHER.appId), 0);
  });

  it('a ticket lives 7200 s of fake time, even after the token that fetched it expired', async () => {
    const token = tokenOf(await stable(env.fake));
    const ticket = String((await get(env.fake, PATH, { type: 'jsapi', access_token: token })).json['ticket']);
    env.clock.advance(7199);
    assert.equal(env.fake.isTicketValid(ticket), true);
    env.clock.advance(1);
    assert.equal(env.fake.isTicketValid(ticket), false);
  });

  it('every fetch issues a new ticket and is counted', async () => {
    const token = tokenOf(await stable(env.fake));
    const first = (await get(env.fake, PATH, { type: 'jsapi', access_token: token })).json['ticket'];
    const second = (await get(env.fake, PATH, { type: 'jsapi', access_token: token })).json['ticket'];
    assert.notEqual(first, second);
    assert.equal(env.fake.currentTicket(APP.appId), second);
    assert.equal(env.fake.ticketFetches(APP.appId), 2);
  });

  it('answers 41001 / 40001 / 42001 for a missing, unknown or expired token, and counts nothing', async () => {
    assertErr(await get(env.fake, PATH, { type: 'jsapi' }), 41001);
    assertErr(await get(env.fake, PATH, { type: 'jsapi', access_token: 'not-a-token-0123456789' }), 40001);
    const token = tokenOf(await stable(env.fake));
    env.clock.advance(3000);
    assertErr(await get(env.fake, PATH, { type: 'jsapi', access_token: token }), 42001);
    assert.equal(env.fake.ticketFetches(APP.appId), 0);
  });

  it('answers 40097 for an unknown or missing type', async () => {
    const token = tokenOf(await stable(env.fake));
    assertErr(await get(env.fake, PATH, { type: 'jsapi2', access_token: token }), 40097, 'invalid args');
    assertErr(await get(env.fake, PATH, { access_token: token }), 40097);
    assert.equal(env.fake.ticketFetches(APP.appId), 0);
    assert.equal((await get(env.fake, PATH, { type: 'wx_card', access_token: token })).json['errcode'], 0);
    assert.equal(env.fake.ticketFetches(APP.appId, 'wx_card'), 1);
    assert.equal(env.fake.currentTicket(APP.appId), undefined);
  });
});
