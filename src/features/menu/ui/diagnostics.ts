// Validates menu documents as the user types (debounced) and publishes the problems to the
// Problems panel, each pointing at the exact JSON node and naming the errcode it prevents.
import * as vscode from 'vscode';

import { DisposableStore } from '../../../common/lifecycle';
import { hasMenuFileName, mayBeMenuDocument } from '../core/menuDocuments';
import { MENU_SCHEMA_SCHEME } from '../core/schemaUri';
import { isMenuDocument, MenuProblem, MenuValidation, problemMessage, validateMenu } from '../core/validate';

const DEBOUNCE_MS = 250;
const SEVERITY: Record<MenuProblem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  hint: vscode.DiagnosticSeverity.Hint,
};

export class MenuDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('wechat-menu');
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly results = new Map<string, MenuValidation>();
  /** Documents found not to be menus, with the version checked: not parsed again until edited. */
  private readonly notMenus = new Map<string, number>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly owned = new DisposableStore();
  /** Fires after a document's problems were recomputed (code lens, preview, context key). */
  readonly onDidValidate = this.changeEmitter.event;

  constructor(
    /** validateMenu bound to the log, where an internal validation error goes. */
    private readonly validate: (text: string) => MenuValidation = validateMenu,
  ) {
    this.owned.add(this.collection);
    this.owned.add(this.changeEmitter);
    this.owned.add(vscode.workspace.onDidOpenTextDocument((document) => this.validateNow(document)));
    this.owned.add(vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)));
    this.owned.add(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)));
    for (const document of vscode.workspace.textDocuments) this.validateNow(document);
  }

  /** The latest validation of a menu document, computing it if needed; undefined for other documents. */
  validation(document: vscode.TextDocument): MenuValidation | undefined {
    const key = document.uri.toString();
    if (this.notMenus.get(key) === document.version) return undefined;
    if (!this.results.has(key) || this.pending.has(key)) this.validateNow(document);
    return this.results.get(key);
  }

  isMenu(document: vscode.TextDocument): boolean {
    return this.validation(document) !== undefined;
  }

  validateNow(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    if (!isJson(document)) return;
    const named = hasMenuFileName(document.fileName);
    // The cheap look at the first few KB spares a full parse of every other JSON file.
    if (!named && (!mayBeMenuDocument(document) || !isMenuDocument(document.getText()))) {
      if (this.results.has(key)) this.forget(document.uri);
      this.notMenus.set(key, document.version);
      return;
    }
    this.notMenus.delete(key);
    const validation = this.validate(document.getText());
    this.results.set(key, validation);
    this.collection.set(
      document.uri,
      validation.problems.map((problem) => toDiagnostic(document, problem)),
    );
    this.changeEmitter.fire(document.uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.owned.dispose();
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isJson(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => this.validateNow(document), DEBOUNCE_MS),
    );
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.results.delete(key);
    this.notMenus.delete(key);
    this.collection.delete(uri);
    this.changeEmitter.fire(uri);
  }
}

/**
 * JSON documents that may be menus. Not the extension's own schema (wechat-menu-schema:/
 * wechat-menu.schema.json): its name matches `wechat-menu*.json`, but it is no menu, and the JSON
 * language service opens it whenever a menu file is open.
 */
function isJson(document: vscode.TextDocument): boolean {
  return (document.languageId === 'json' || document.languageId === 'jsonc') && document.uri.scheme !== MENU_SCHEMA_SCHEME;
}

export function toDiagnostic(document: vscode.TextDocument, problem: MenuProblem): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(problem.offset), document.positionAt(problem.offset + Math.max(problem.length, 0)));
  const diagnostic = new vscode.Diagnostic(range, problemMessage(problem, vscode.l10n.t), SEVERITY[problem.severity]);
  diagnostic.source = vscode.l10n.t('WeChat menu');
  diagnostic.code = problem.errcode !== undefined ? `${problem.errcode}` : problem.code;
  return diagnostic;
}
