// The errcode tables of the features loaded so far (each feature's bundle adds its own when it
// loads). Activation holds this catalog without the general table (src/wechat/errcodes.ts): the
// code that explains an answer wraps the lookup with withGeneral, which loads with it.
import type { ErrcodeLookup, ErrcodeTable } from './errcodes';

/**
 * The errcode tables in force, consulted in order (the first that knows a code wins, so a feature
 * cannot shadow a general errcode). Built once by the composition root; the lazily loaded menu
 * feature adds its table when it loads.
 */
export class ErrcodeCatalog {
  private readonly tables: ErrcodeTable[];

  constructor(...tables: ErrcodeTable[]) {
    this.tables = [...tables];
  }

  add(table: ErrcodeTable): void {
    if (!this.tables.includes(table)) this.tables.push(table);
  }

  readonly lookup: ErrcodeLookup = (errcode) => {
    for (const table of this.tables) {
      if (Object.hasOwn(table, errcode)) return table[errcode];
    }
    return undefined;
  };
}
