// Writes media/wechat-menu.schema.json from the rules table (English texts).
// Run through `npm run generate:menu-schema`, which compiles the sources to out/ first.
// `--check` only compares and exits with 1 when the committed file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { serializeMenuSchema, MENU_SCHEMA_FILE } = require(join(root, 'out/src/features/menu/core/schema.js'));

const target = join(root, MENU_SCHEMA_FILE);
const text = serializeMenuSchema();
let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {
  // missing: treated as out of date
}
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${MENU_SCHEMA_FILE} is out of date: run npm run generate:menu-schema`);
    process.exit(1);
  }
  console.log(`${MENU_SCHEMA_FILE} is up to date`);
} else if (current === text) {
  console.log(`${MENU_SCHEMA_FILE} unchanged`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${MENU_SCHEMA_FILE}`);
}
