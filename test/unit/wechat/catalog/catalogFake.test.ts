// The endpoint catalog against the fake WeChat server, which keeps its own routes and rules: every
// catalog endpoint is routed, with the method and the auth the catalog says, the AppSecret
// exchanges and showqrcode answer without a token, and every errcode the catalog names or the fake
// answers for these endpoints has a meaning and a fix in the extension's tables.
import * as assert from 'node:assert/strict';

import { CATALOG, CATALOG_ENDPOINTS, catalogEntry } from '../../../../src/wechat/catalog';
import { CATALOG_ERRCODES } from '../../../../src/wechat/catalog/errcodeTexts';
import { ENDPOINTS } from '../../../../src/wechat/endpoints';
import { GENERAL_ERRCODES } from '../../../../src/wechat/errcodes';
import { AE } from '../../../fake-wechat/apiRules';
import { FakeCaller } from './fakeCalls';

const ACCESS_TOKEN_MISSING = 41001;
const REQUIRES_POST = 43002;

describe('wechat/catalog: the catalog agrees with the fake WeChat server', () => {
  let caller: FakeCaller;
  before(async () => {
    caller = await FakeCaller.start();
  });
  after(() => caller.fake.close());

  it('holds every endpoint the features call, each path once, and finds each by its path', () => {
    assert.deepEqual(
      ENDPOINTS.filter((e) => !CATALOG_ENDPOINTS.includes(e)).map((e) => e.path),
      [],
    );
    const paths = CATALOG.map((entry) => entry.endpoint.path);
    assert.equal(new Set(paths).size, paths.length);
    for (const entry of CATALOG) assert.equal(catalogEntry(entry.endpoint.path), entry);
    assert.ok(CATALOG.length >= 47, `${CATALOG.length} entries`);
    assert.ok(!paths.some((p) => p.includes('/mass/')), 'mass sending stays out');
  });

  it('every endpoint is routed and takes its method', async () => {
    for (const { endpoint } of CATALOG) {
      const answer = await caller.call(endpoint.method, endpoint.path, { body: endpoint.method === 'POST' ? {} : undefined });
      assert.ok(
        !(answer.json?.['errcode'] === 404 && String(answer.json['errmsg']).startsWith('api not found')),
        `${endpoint.path} is not routed by the fake`,
      );
      assert.notEqual(answer.json?.['errcode'], REQUIRES_POST, `${endpoint.path} wants POST, the catalog says ${endpoint.method}`);
    }
  });

  it('a POST endpoint called with GET is refused', async () => {
    for (const { endpoint } of CATALOG.filter((e) => e.endpoint.method === 'POST' && e.endpoint.auth === 'token')) {
      assert.equal(await caller.errcode('GET', endpoint.path), REQUIRES_POST, endpoint.path);
    }
  });

  it('token endpoints want an access_token; secret and none endpoints do not', async () => {
    for (const { endpoint } of CATALOG) {
      const errcode = await caller.errcode(endpoint.method, endpoint.path, {
        token: false,
        body: endpoint.method === 'POST' ? {} : undefined,
      });
      if (endpoint.auth === 'token') assert.equal(errcode, ACCESS_TOKEN_MISSING, endpoint.path);
      else assert.notEqual(errcode, ACCESS_TOKEN_MISSING, endpoint.path);
    }
  });

  it('only showqrcode lives on the mp host, and it needs no token and answers an image', () => {
    const mp = CATALOG.filter((e) => e.endpoint.host === 'mp').map((e) => [e.endpoint.path, e.endpoint.auth, e.endpoint.returns]);
    assert.deepEqual(mp, [['/cgi-bin/showqrcode', 'none', 'image']]);
  });

  it('every errcode an entry names has a meaning and a fix', () => {
    for (const entry of CATALOG) {
      for (const errcode of entry.errcodes)
        assert.ok(
          Object.hasOwn(CATALOG_ERRCODES, errcode) || Object.hasOwn(GENERAL_ERRCODES, errcode),
          `${entry.endpoint.path}: ${errcode}`,
        );
    }
  });

  it('every errcode the fake answers for these endpoints has a meaning and a fix', () => {
    const unknown = Object.entries(AE).filter(
      ([, errcode]) => !Object.hasOwn(CATALOG_ERRCODES, errcode) && !Object.hasOwn(GENERAL_ERRCODES, errcode),
    );
    assert.deepEqual(unknown, []);
  });
});
