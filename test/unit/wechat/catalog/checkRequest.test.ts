// The request checker on its own: the limits the issue names (a tag name over 30 bytes, more than
// 50 openids, a template `thing` over 20 characters, a scene_str over 64, expire_seconds out of
// range), each with its errcode and JSON path; an unknown path is a note, not an error; texts go
// through the injected localize. The fake server's side of the same limits is in checkerAgainstFake.test.ts.
import * as assert from 'node:assert/strict';

import { checkRequest, MAX_PROBLEMS } from '../../../../src/wechat/catalog/checkRequest';
import { formatPath, requestProblemMessage } from '../../../../src/wechat/catalog/problems';
import { codePoints, utf8Length } from '../../../../src/wechat/catalog/textLength';

const errors = (path: string, body?: unknown, query?: Record<string, string>) =>
  checkRequest({ path, body, query }).problems.filter((p) => p.severity === 'error');
const one = (path: string, body?: unknown, query?: Record<string, string>) => {
  const found = errors(path, body, query);
  assert.equal(found.length, 1, JSON.stringify(found));
  return found[0]!;
};

describe('wechat/catalog/checkRequest', () => {
  it('a tag name is limited in UTF-8 bytes: 10 Chinese characters pass, 11 (33 bytes) do not (45158)', () => {
    assert.deepEqual(errors('/cgi-bin/tags/create', { tag: { name: '广'.repeat(10) } }), []);
    const problem = one('/cgi-bin/tags/create', { tag: { name: '广'.repeat(11) } });
    assert.deepEqual([problem.code, problem.path, problem.limit, problem.errcode], ['tooLongBytes', ['tag', 'name'], 30, 45158]);
    assert.equal(requestProblemMessage(problem), '"tag.name" is 33 bytes long in UTF-8; WeChat allows at most 30 bytes.');
  });

  it('batchtagging takes at most 50 openids (40032); batchuntagging states no maximum', () => {
    const openids = (n: number) => Array.from({ length: n }, (_, i) => `o${String(i).padStart(27, '0')}`);
    assert.deepEqual(errors('/cgi-bin/tags/members/batchtagging', { openid_list: openids(50), tagid: 100 }), []);
    const problem = one('/cgi-bin/tags/members/batchtagging', { openid_list: openids(51), tagid: 100 });
    assert.deepEqual(
      [problem.code, problem.path, problem.limit, problem.errcode, problem.args[2]],
      ['tooManyItems', ['openid_list'], 50, 40032, 51],
    );
    assert.deepEqual(errors('/cgi-bin/tags/members/batchuntagging', { openid_list: openids(51), tagid: 100 }), []);
    assert.equal(one('/cgi-bin/tags/members/batchuntagging', { openid_list: [], tagid: 100 }).code, 'empty');
  });

  it('a template thing value is at most 20 characters, counted as code points (47003)', () => {
    const send = (value: string) => ({
      touser: 'oABC',
      template_id: 'T',
      data: { thing1: { value }, keyword1: { value: 'x'.repeat(500) } },
    });
    assert.deepEqual(errors('/cgi-bin/message/template/send', send('😀'.repeat(20))), []);
    const problem = one('/cgi-bin/message/template/send', send('好'.repeat(21)));
    assert.deepEqual([problem.code, problem.path, problem.limit, problem.errcode], ['tooLong', ['data', 'thing1', 'value'], 20, 47003]);
    assert.equal(one('/cgi-bin/message/subscribe/send', { ...send('ok'), data: { number2: { value: '12a' } } }).code, 'patternMismatch');
  });

  it('qrcode/create: scene_str 1–64, expire_seconds ≤ 30 days for temporary codes, permanent scene_id 1–100000', () => {
    const str = (scene_str: string, expire_seconds = 600) => ({
      action_name: 'QR_STR_SCENE',
      expire_seconds,
      action_info: { scene: { scene_str } },
    });
    assert.deepEqual(errors('/cgi-bin/qrcode/create', str('s'.repeat(64), 2_592_000)), []);
    assert.deepEqual(
      [one('/cgi-bin/qrcode/create', str('s'.repeat(65))).path, one('/cgi-bin/qrcode/create', str('s'.repeat(65))).limit],
      [['action_info', 'scene', 'scene_str'], 64],
    );
    const late = one('/cgi-bin/qrcode/create', str('s', 2_592_001));
    assert.deepEqual([late.code, late.path, late.limit, late.errcode], ['aboveMaximum', ['expire_seconds'], 2_592_000, 40097]);
    const permanent = (scene_id: number) => ({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id } } });
    assert.deepEqual(errors('/cgi-bin/qrcode/create', permanent(100_000)), []);
    assert.equal(one('/cgi-bin/qrcode/create', permanent(100_001)).code, 'aboveMaximum');
    assert.equal(
      one('/cgi-bin/qrcode/create', { action_name: 'QR_SCENE', expire_seconds: 60, action_info: { scene: { scene_id: 0 } } }).code,
      'zero',
    );
    assert.equal(one('/cgi-bin/qrcode/create', { action_name: 'QR_CODE', action_info: { scene: { scene_id: 1 } } }).code, 'notInEnum');
  });

  it('missing required fields and wrong types name their path; query numbers are read from text', () => {
    assert.deepEqual(
      errors('/cgi-bin/tags/create', {}).map((p) => [p.code, p.path]),
      [['required', ['tag']]],
    );
    assert.deepEqual(
      errors('/cgi-bin/tags/create', undefined).map((p) => [p.code, formatPath(p.in, p.path)]),
      [['wrongType', '(body)']],
    );
    assert.deepEqual(one('/cgi-bin/user/info', undefined, {}).path, ['openid']);
    assert.equal(one('/cgi-bin/user/info', undefined, {}).errcode, 40003);
    assert.equal(formatPath('query', ['openid']), '?openid');
    assert.equal(formatPath('body', ['user_list', 3, 'openid']), 'user_list[3].openid');
  });

  it('a path the catalog does not know is a note that nothing was checked, not an error', () => {
    const { entry, problems } = checkRequest({ path: '/cgi-bin/message/mass/sendall', body: { anything: 1 } });
    assert.equal(entry, undefined);
    assert.deepEqual(
      problems.map((p) => [p.code, p.severity]),
      [['notChecked', 'info']],
    );
    assert.equal(requestProblemMessage(problems[0]!), '/cgi-bin/message/mass/sendall is not in the endpoint catalog: nothing was checked.');
  });

  it('finds a path written without its slash or with a query', () => {
    assert.notEqual(checkRequest({ path: 'cgi-bin/tags/get?x=1' }).entry, undefined);
  });

  it('stops collecting at MAX_PROBLEMS, with one note for the rest', () => {
    const list = Array.from({ length: 500 }, () => ({ lang: 'xx' }));
    const { problems } = checkRequest({ path: '/cgi-bin/user/info/batchget', body: { user_list: list } });
    assert.equal(problems.length, MAX_PROBLEMS + 1);
    assert.equal(problems.at(-1)?.code, 'tooManyProblems');
  });

  it('localises through the injected function, the pattern description too', () => {
    const problem = one('/wxa/getwxacodeunlimit', { scene: 'a b' });
    const seen: string[] = [];
    requestProblemMessage(problem, (message, ...args) => {
      seen.push(message);
      return `${message}|${args.join(',')}`;
    });
    assert.deepEqual(seen, ["made of 0-9, A-Z, a-z and !#$&'()*+,/:;=?@-._~", '"{0}" must be {1}.']);
  });

  it('counts characters as code points and bytes as UTF-8', () => {
    assert.deepEqual([codePoints('a好😀'), utf8Length('a好😀'), utf8Length('\ud800'), codePoints('\ud800x')], [3, 8, 3, 2]);
  });
});
