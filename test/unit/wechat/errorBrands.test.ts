// The activation bundle and the lazily loaded bundles each carry their own copy of the error
// classes. This loads a second copy of src/wechat/errors, apiErrors and refusals (as a second bundle
// would hold one) and checks that instanceof still recognises errors across the copies, class by class.
import * as assert from 'node:assert/strict';

import { TeamSourceError } from '../../../src/token/sources/teamSourceError';
import * as apiErrors from '../../../src/wechat/apiErrors';
import * as base from '../../../src/wechat/errors';
import { ResponseTooLargeError, WeChatNetworkError } from '../../../src/wechat/networkErrors';
import * as refusals from '../../../src/wechat/refusals';

const errors = { ...base, ...apiErrors, ...refusals };
type ErrorsModule = typeof errors;

function secondCopy(): ErrorsModule {
  const paths = ['../../../src/wechat/errors', '../../../src/wechat/apiErrors', '../../../src/wechat/refusals'].map((module) =>
    require.resolve(module),
  );
  const cached = paths.map((path) => require.cache[path]);
  for (const path of paths) delete require.cache[path];
  try {
    // A second, separate evaluation of the modules (the subclasses extending the second base): what a static import cannot give.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const [copyBase, copyApi, copyRefusals] = paths.map((path) => require(path) as object);
    return { ...copyBase, ...copyApi, ...copyRefusals } as ErrorsModule;
  } finally {
    paths.forEach((path, index) => (require.cache[path] = cached[index]));
  }
}

describe('wechat/errors across bundles (brands)', () => {
  const copy = secondCopy();

  it('the copy really is another set of classes', () => {
    assert.notEqual(copy.WeChatApiError, errors.WeChatApiError);
    assert.notEqual(Object.getPrototypeOf(new copy.WeChatApiError(1, 'x', '/p')), errors.WeChatApiError.prototype);
  });

  it('an error of one copy is an instance of the same class of the other, and of WeChatError', () => {
    const foreign = new copy.WeChatApiError(40001, 'invalid credential', '/cgi-bin/menu/get');
    assert.ok(foreign instanceof errors.WeChatApiError);
    assert.ok(foreign instanceof errors.WeChatError);
    assert.ok(new copy.WeChatTransportError('timeout', '/p', 'x') instanceof errors.WeChatTransportError);
    assert.ok(new copy.MissingCredentialsError('appId') instanceof errors.MissingCredentialsError);
    assert.ok(new errors.FetchDeclinedError() instanceof copy.FetchDeclinedError);
  });

  it('brands do not blur classes: a transport error is no API error, in either copy', () => {
    const transport = new copy.WeChatTransportError('network', '/p', 'ECONNREFUSED');
    assert.equal(transport instanceof errors.WeChatApiError, false);
    assert.equal(new errors.WeChatApiError(1, 'x', '/p') instanceof copy.MissingCredentialsError, false);
    assert.equal(new Error('plain') instanceof errors.WeChatError, false);
    assert.equal({ message: 'look-alike' } instanceof errors.WeChatError, false);
    assert.equal((null as unknown as object) instanceof errors.WeChatError, false);
  });

  it('a team-source error is a WeChatError of either copy, and keeps its own describe()', () => {
    const team = new TeamSourceError('keyMissing', 'redis', 'wx:access_token:wx1 (db 0)');
    assert.ok(team instanceof copy.WeChatError);
    assert.ok(team instanceof TeamSourceError);
    assert.equal(team instanceof copy.WeChatApiError, false);
    assert.match(copy.describeError(team), /wx:access_token:wx1 \(db 0\)/);
  });

  it("errors raised by dist/transport.js are recognised by the activation bundle's copy, and named there with at()", () => {
    // networkErrors.ts lives in the transport bundle; the client (activation bundle) sees them through brands only.
    const network = new WeChatNetworkError(
      '/cgi-bin/token',
      'api.weixin.qq.com',
      { fault: 'reset', code: 'UND_ERR_SOCKET' },
      'UND_ERR_SOCKET',
    );
    assert.ok(network instanceof copy.WeChatTransportError && network instanceof copy.WeChatError);
    assert.ok(copy.isRaisedByTransport(network));
    const named = network.at('/cgi-bin/stable_token');
    assert.ok(named instanceof WeChatNetworkError);
    assert.equal(named.apiPath, '/cgi-bin/stable_token');
    const tooLarge = new ResponseTooLargeError('api.weixin.qq.com', '/x', 2_000_000, 1_048_576);
    assert.ok(tooLarge instanceof copy.WeChatError && copy.isRaisedByTransport(tooLarge));
    assert.equal(tooLarge instanceof copy.WeChatTransportError, false);
    assert.equal(tooLarge.at('/cgi-bin/menu/get').endpoint, 'api.weixin.qq.com/cgi-bin/menu/get');
    assert.equal(copy.isRaisedByTransport(new copy.WeChatTransportError('network', '/p', 'x')), false);
  });
});
