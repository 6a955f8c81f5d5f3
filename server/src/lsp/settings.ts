import { type RuleSetting, type Severity, keyRecord, SEVERITIES } from '../engine';

/**
 * Editor settings (`cxLint.*` in VS Code; `settings.cxLint` or initializationOptions
 * elsewhere). They add to what .cxlintrc files say: rules here override the config's
 * rules, extra title terms are appended, include/exclude narrow what is linted.
 */
export interface Settings {
  enable: boolean;
  /** Lint as you type (debounced) or only when a document is opened or saved. */
  run: 'onType' | 'onSave';
  rules: Record<string, RuleSetting>;
  /** Globs relative to the workspace folder; empty means every Markdown document. */
  include: string[];
  exclude: string[];
  titles: { family: string[] };
  /** An explicit config file (like the CLI's --config), relative to the workspace folder. */
  configFile: string;
  /** Documents longer than this (UTF-16 code units) are linted on open and save only, in the background worker (shorter ones as you type: on the main thread when cheap, lint-cost.ts). */
  largeFileSize: number;
  /**
   * Findings of rules below this severity are not reported (like Vale's MinAlertLevel):
   * the rules are switched off for the editor (document-config.ts), so hover, quick
   * fixes and fix-all agree with what is shown.
   */
  minSeverity: Severity;
  /**
   * How hint-severity findings are published: as Information (VS Code lists those in
   * the Problems panel and underlines them) or as LSP hints (VS Code shows only faint
   * dots and leaves them out of the Problems panel).
   */
  hintsAs: 'information' | 'hint';
  /** A code lens above the title summarising how the document was read. */
  codeLens: boolean;
  /**
   * Whether the workspace is trusted. Not a setting a workspace can write: the server
   * sets it from `initializationOptions.workspaceTrusted` (VS Code's Restricted Mode
   * sends false). Untrusted: no config file or pack is read from outside the workspace folder.
   */
  trusted: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  run: 'onType',
  rules: {},
  include: [],
  exclude: [],
  titles: { family: [] },
  configFile: '',
  largeFileSize: 1048576,
  minSeverity: 'hint',
  hintsAs: 'information',
  codeLens: true,
  trusted: true,
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);

/** Tolerant of whatever a client sends: null, partial objects, wrong types fall back to defaults. `trusted` comes from the server, never from `raw`. */
export function normalizeSettings(raw: unknown, trusted = true): Settings {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, any>) : {};
  const rules = keyRecord<RuleSetting>();
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [id, v] of Object.entries(r.rules)) if (typeof v === 'string' || Array.isArray(v)) rules[id] = v as RuleSetting;
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    run: r.run === 'onSave' ? 'onSave' : 'onType',
    rules,
    include: strings(r.include),
    exclude: strings(r.exclude),
    titles: { family: strings(r.titles?.family) },
    configFile: typeof r.configFile === 'string' ? r.configFile : '',
    largeFileSize: typeof r.largeFileSize === 'number' && r.largeFileSize > 0 ? r.largeFileSize : DEFAULT_SETTINGS.largeFileSize,
    minSeverity: (SEVERITIES as readonly unknown[]).includes(r.minSeverity) ? (r.minSeverity as Severity) : DEFAULT_SETTINGS.minSeverity,
    hintsAs: r.hintsAs === 'hint' ? 'hint' : 'information',
    codeLens: typeof r.codeLens === 'boolean' ? r.codeLens : DEFAULT_SETTINGS.codeLens,
    trusted,
  };
}
