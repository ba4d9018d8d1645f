// Where the menu schema lives. A module of its own, without dependencies, because the activation
// bundle registers the provider for this scheme and must not pull in the schema builder.

/** URI scheme of the localised schema served by the extension. */
export const MENU_SCHEMA_SCHEME = 'wechat-menu-schema';
/** What `contributes.jsonValidation[].url` points at (a unit test checks package.json). */
export const MENU_SCHEMA_URI = `${MENU_SCHEMA_SCHEME}:/wechat-menu.schema.json`;
/** The committed English schema, relative to the extension root. */
export const MENU_SCHEMA_FILE = 'media/wechat-menu.schema.json';
