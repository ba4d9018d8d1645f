import * as assert from 'node:assert/strict';

import { teamSourcesToClose } from '../../../../src/token/sources/settingsChange';

describe('teamSourcesToClose', () => {
  const affecting =
    (...sections: string[]) =>
    (section: string): boolean =>
      sections.includes(section);
  it('a new Redis URL closes the Redis connection only', () =>
    assert.deepEqual([...teamSourcesToClose(affecting('wechat.redis'))], ['redis']));
  it('a new token service URL closes the service only', () =>
    assert.deepEqual([...teamSourcesToClose(affecting('wechat.tokenService'))], ['url']));
  it('another account list forgets what both read', () =>
    assert.deepEqual([...teamSourcesToClose(affecting('wechat.accounts'))].sort(), ['redis', 'url']));
  it('other settings close nothing', () => assert.deepEqual([...teamSourcesToClose(affecting('wechat.tokenMode'))], []));
});
