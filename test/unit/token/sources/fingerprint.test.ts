import * as assert from 'node:assert/strict';

import { fingerprint } from '../../../../src/token/sources/fingerprint';
import { tokenString } from '../../helpers/fixtures';

describe('token/sources/fingerprint', () => {
  it('shows the first and last four characters of a token', () => {
    assert.equal(fingerprint('abcdEFGHIJKLMNOPQRSTUVWXYZ0123wxyz'), 'abcd…wxyz');
  });

  it('reveals no more than 8 characters of a real-length token', () => {
    const token = tokenString('fp');
    const shown = fingerprint(token);
    assert.equal(shown, `${token.slice(0, 4)}…${token.slice(-4)}`);
    assert.equal(shown.replace('…', '').length, 8);
    assert.ok(!shown.includes(token.slice(0, 5)));
  });

  it('masks short tokens completely, up to 23 characters', () => {
    for (const token of ['', 'a', 'abcdefgh', 'x'.repeat(23)]) assert.equal(fingerprint(token), '****', token);
    assert.equal(fingerprint('y'.repeat(24)), 'yyyy…yyyy');
  });

  it('tells different tokens apart by their ends', () => {
    assert.notEqual(fingerprint(tokenString('one')), fingerprint(`${tokenString('two').slice(0, -4)}ZZZZ`));
  });
});
