// BackupStorage in memory, for the tests of the backup store and of the menu texts.
import type { BackupStorage } from '../../../../../src/features/menu/core/backups';

export class MemoryBackupStorage implements BackupStorage {
  readonly files = new Map<string, string>();

  async list(): Promise<string[]> {
    return [...this.files.keys()];
  }

  async read(name: string): Promise<string> {
    const text = this.files.get(name);
    if (text === undefined) {
      throw new Error(`No such file: ${name}`);
    }
    return text;
  }

  async write(name: string, text: string): Promise<void> {
    this.files.set(name, text);
  }

  async delete(name: string): Promise<void> {
    this.files.delete(name);
  }
}
