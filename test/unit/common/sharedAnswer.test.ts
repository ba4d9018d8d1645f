import * as assert from 'assert';

import { SharedAnswers } from '../../../src/common/sharedAnswer';

describe('common/sharedAnswer', () => {
  it('callers with the same key share one pending question; other keys ask their own', async () => {
    const answers = new SharedAnswers<string>();
    const asked: string[] = [];
    let release: (value: string) => void = () => undefined;
    const ask = (key: string) => () => {
      asked.push(key);
      return new Promise<string>((resolve) => (release = resolve));
    };
    const first = answers.get('a', ask('a'));
    const second = answers.get('a', ask('a'));
    assert.strictEqual(first, second);
    release('yes');
    assert.deepStrictEqual(await Promise.all([first, second]), ['yes', 'yes']);
    assert.deepStrictEqual(asked, ['a']);
  });

  it('forgets a settled answer (also a refusal): the next need asks again', async () => {
    const answers = new SharedAnswers<void>();
    let asked = 0;
    await assert.rejects(
      answers.get('k', async () => {
        asked++;
        throw new Error('declined');
      }),
      /declined/,
    );
    await answers.get('k', async () => {
      asked++;
    });
    assert.strictEqual(asked, 2);
  });
});
