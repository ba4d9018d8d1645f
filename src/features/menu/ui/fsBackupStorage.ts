// Menu backups as files in the extension's global storage (per machine, outside any workspace,
// so a backup survives closing the project). vscode.workspace.fs works locally and remotely.
import * as vscode from 'vscode';

import { BackupStorage } from '../core/backups';

export class FsBackupStorage implements BackupStorage {
  constructor(readonly folder: vscode.Uri) {}

  async list(): Promise<string[]> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.folder);
      return entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return [];
      throw error;
    }
  }

  async read(name: string): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri(name)));
  }

  async write(name: string, text: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.folder);
    await vscode.workspace.fs.writeFile(this.uri(name), new TextEncoder().encode(text));
  }

  async delete(name: string): Promise<void> {
    await vscode.workspace.fs.delete(this.uri(name));
  }

  uri(name: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, name);
  }
}
