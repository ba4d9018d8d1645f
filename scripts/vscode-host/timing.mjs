// The suites' waits and the runner's come from one file, test/integration/support/timing.ts; the
// runner reads its compiled copy (npm run build:tests), so a bound changed there changes here too.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

import { REPO } from './paths.mjs';

const COMPILED = path.join(REPO, 'out', 'test', 'integration', 'support', 'timing.js');

/** @returns {{ STEP_MS: number, POLL_MS: number, NOTIFICATION_LOOK_MS: number, TEST_MS: number, LEAK_SCAN_MS: number, RUN_MS: number }} */
export function itTiming() {
  if (!fs.existsSync(COMPILED)) throw new Error(`${path.relative(REPO, COMPILED)} missing: run \`npm run build:tests\` first`);
  return createRequire(import.meta.url)(COMPILED);
}
