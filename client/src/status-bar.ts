import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';

/**
 * "cx-lint: 3" in the status bar: the active posting's finding count, the server
 * state and the loaded packs (tooltip). Clicking shows the output channel; when
 * cxLint.enable is off ("cx-lint off"), clicking turns it on.
 */
export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('cxLint.status', vscode.StatusBarAlignment.Right, 100);
  /** Exposed for the end-to-end tests, which cannot read the rendered status bar. */
  state: 'starting' | 'running' | 'stopped' | StatusParams['state'] = 'starting';
  packs: string[] = [];
  /** How many times the server has come up (1 + restarts, crash recoveries included). */
  starts = 0;
  private message: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor() {
    this.item.name = 'cx-lint';
    this.refresh();
    this.item.show();
  }

  serverState(s: 'starting' | 'running' | 'stopped'): void {
    if (s === 'running') this.starts++;
    if (s !== 'running' || this.state === 'starting' || this.state === 'stopped') this.state = s === 'running' ? 'ok' : s;
    this.refresh();
  }

  update(p: StatusParams): void {
    this.state = p.state;
    this.packs = p.packs;
    this.message = p.message;
    this.refresh();
  }

  /** Findings for the active editor's document, counted from the diagnostics VS Code holds. */
  activeCount(): number | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown') return undefined;
    return vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'cx-lint').length;
  }

  get text(): string {
    return this.item.text;
  }

  /**
   * cxLint.enable for the active document (or the workspace), read here rather than
   * waiting for the server: with it off the server says nothing until a posting is
   * opened, and the toggle command should show at once.
   */
  get enabled(): boolean {
    return vscode.workspace.getConfiguration('cxLint', vscode.window.activeTextEditor?.document.uri).get<boolean>('enable', true);
  }

  refresh(): void {
    const n = this.activeCount();
    const off = !this.enabled;
    const icon = off
      ? '$(circle-slash)'
      : { starting: '$(sync~spin)', running: '$(check)', ok: '$(check)', stopped: '$(circle-slash)', error: '$(error)', disabled: '$(circle-slash)' }[
          this.state
        ];
    const count = off ? ' off' : n === undefined || this.state === 'error' || this.state === 'disabled' ? '' : n === 0 ? ' 0' : ` ${n}`;
    this.item.text = `${icon} cx-lint${count}`;
    // Off, a click turns it back on; otherwise it shows the output.
    this.item.command = off ? 'cxLint.toggleEnable' : 'cxLint.showOutput';
    const lines = [
      off || this.state === 'disabled'
        ? 'cx-lint is off (cxLint.enable)'
        : this.state === 'error'
          ? `cx-lint: ${this.message ?? 'configuration error'}`
          : this.state === 'stopped'
            ? 'cx-lint: the server is not running'
            : `cx-lint: ${n ?? 0} finding${n === 1 ? '' : 's'} in this document`,
      this.packs.length ? `Packs: ${this.packs.join(', ')}` : '',
      off ? 'Click to turn it on for this workspace.' : 'Click to show the output.',
    ];
    this.item.tooltip = lines.filter(Boolean).join('\n');
    this.item.backgroundColor = this.state === 'error' && !off ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
    this.item.dispose();
  }
}
