// A comment says what the code does and why, in words that still hold when the tracker is gone:
// "(issue N)" with a number tells a reader nothing the sentence around it should not say itself.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './helpers/repoRoot';
import { sourceFiles } from './helpers/sourceScan';

describe('comments name what the code does, not the issue that asked for it', () => {
  it('no "issue N" in src/ or test/', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('test')];
    assert.ok(files.length > 200);
    const found = files.flatMap((file) =>
      readFileSync(join(repoRoot, file), 'utf8')
        .split('\n')
        .flatMap((line, index) => (/\bissue #?\d+/i.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
    assert.deepEqual(found, []);
  });
});
