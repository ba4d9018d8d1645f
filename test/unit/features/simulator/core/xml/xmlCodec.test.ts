import * as assert from 'node:assert/strict';

import {
  appendCdataField,
  buildXml,
  childOf,
  childrenOf,
  parseXml,
  textOf,
} from '../../../../../../src/features/simulator/core/xml/xmlCodec';
import { hardeningCase } from '../../../../../hardening/ledger';

describe('callback/xml/xmlCodec', () => {
  it('builds strings as CDATA, numbers and bigints bare, arrays as repeated tags, skipping undefined', () => {
    assert.equal(
      buildXml({ A: 'x<&', B: 1.5, C: 12345678901234567890n, D: undefined, E: { item: [{ F: 'a' }, { F: 'b' }] } }),
      '<xml><A><![CDATA[x<&]]></A><B>1.5</B><C>12345678901234567890</C><E><item><F><![CDATA[a]]></F></item><item><F><![CDATA[b]]></F></item></E></xml>',
    );
  });

  it('parses everything as text, keeps CDATA as written and joins split CDATA', () => {
    const parsed = parseXml(
      '<?xml version="1.0"?><xml><N>007</N><T><![CDATA[  spaced ]]></T><S><![CDATA[a]]]]><![CDATA[>b]]></S><E/></xml>',
    );
    assert.ok(parsed.ok);
    assert.equal(parsed.root, 'xml');
    assert.equal(textOf(parsed.node, 'N'), '007');
    assert.equal(textOf(parsed.node, 'T'), '  spaced ');
    assert.equal(textOf(parsed.node, 'S'), 'a]]>b');
    assert.equal(textOf(parsed.node, 'E'), '');
    assert.equal(textOf(parsed.node, 'Missing'), undefined);
  });

  it('reads nested and repeated children', () => {
    const parsed = parseXml(
      '<xml><Articles><item><Title>a</Title></item><item><Title>b</Title></item></Articles><One><item><Title>c</Title></item></One></xml>',
    );
    assert.ok(parsed.ok);
    assert.deepEqual(
      childrenOf(childOf(parsed.node, 'Articles'), 'item').map((i) => textOf(i, 'Title')),
      ['a', 'b'],
    );
    assert.deepEqual(
      childrenOf(childOf(parsed.node, 'One'), 'item').map((i) => textOf(i, 'Title')),
      ['c'],
    );
    assert.equal(childOf(parsed.node, 'Nothing'), undefined);
    assert.equal(textOf(parsed.node, 'Articles'), undefined, 'an element with children is not a text field');
  });

  it('appends a CDATA field and keeps the rest byte for byte', () => {
    const xml = '<xml><A><![CDATA[a & b]]></A><N>1</N></xml>';
    assert.equal(
      appendCdataField(xml, 'Encrypt', 'k+/='),
      '<xml><A><![CDATA[a & b]]></A><N>1</N><Encrypt><![CDATA[k+/=]]></Encrypt></xml>',
    );
    assert.throws(() => appendCdataField('<other/>', 'Encrypt', 'x'), /not an <xml> document/);
  });

  it('reports malformed documents with their position instead of throwing', () =>
    hardeningCase('hostile', 'callback xml: malformed documents', () => {
      for (const text of ['<xml>', '<xml></nope>', '<a></a><b></b>', '', 'plain', '<xml><A>&bogus;</A>']) {
        const parsed = parseXml(text);
        if (parsed.ok) assert.equal(parsed.root, 'xml', text);
        else assert.ok(parsed.error.length > 0, text);
      }
      const unclosed = parseXml('<xml><A>1</xml>');
      assert.ok(!unclosed.ok && /line 1/.test(unclosed.error));
    }));
});
