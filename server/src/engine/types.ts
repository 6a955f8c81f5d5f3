/** Public shapes shared by the engine, the CLI, the language server and the API. */
import type { Reading } from './rules/reading';

/**
 * The one list of severities, most severe first. The config loader, the CLI's --rule,
 * the JSON Schemas and the reports read it; package.json's cxLint.rules enum is
 * checked against it by a test.
 */
export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** What a config may set a rule to: a severity, or off. */
export const SEVERITY_SETTINGS = [...SEVERITIES, 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

export function isSeveritySetting(s: unknown): s is SeveritySetting {
  return (SEVERITY_SETTINGS as readonly unknown[]).includes(s);
}

/**
 * Other spellings a config or setting may use for a severity, read as the one they
 * name: ESLint's "warn", which its users type without thinking. Reports and messages
 * always use the full name.
 */
export const SEVERITY_ALIASES = { warn: 'warning' } as const satisfies Record<string, SeveritySetting>;
/** What a config may write for a rule's severity: a severity setting or an alias of one. */
export type SeveritySpelling = SeveritySetting | keyof typeof SEVERITY_ALIASES;
export const SEVERITY_SPELLINGS: readonly SeveritySpelling[] = [
  ...SEVERITY_SETTINGS,
  ...(Object.keys(SEVERITY_ALIASES) as Array<keyof typeof SEVERITY_ALIASES>),
];

/** The severity setting a spelling names, or undefined for anything else. */
export function severitySetting(s: unknown): SeveritySetting | undefined {
  if (isSeveritySetting(s)) return s;
  return typeof s === 'string' && Object.hasOwn(SEVERITY_ALIASES, s) ? SEVERITY_ALIASES[s as keyof typeof SEVERITY_ALIASES] : undefined;
}
export type DocKind = 'posting' | 'charter' | 'other';

/** Half-open offset range [start, end) into the original text (UTF-16 code units). */
export interface OffsetRange {
  start: number;
  end: number;
}

export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes may be applied by fix-all, --fix and on save; others are only offered. */
  safe: boolean;
  preferred?: boolean;
}

export interface RelatedInfo {
  range: OffsetRange;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: OffsetRange;
  fixes: Fix[];
  docsUrl?: string;
  pack: { name: string; version: string };
  related: RelatedInfo[];
  /** Evidence left out of `related`, which is capped to keep diagnostics small (the hover says "and N more"). */
  relatedOmitted?: number;
  /** Named values the message was built from; stable for tests and tools. */
  data: Record<string, string | number>;
}

export interface TitleInfo {
  text: string;
  range: OffsetRange;
  source: 'front-matter' | 'heading';
  /** CX-family term found in the title, if any, with its range. */
  family?: { term: string; range: OffsetRange };
  form: 'role' | 'discipline' | 'team' | 'none';
  roleNoun?: string;
  level?: 'frontline' | 'specialist' | 'manager' | 'leadership';
}

export interface LintResult {
  kind: DocKind;
  kindReason: string;
  title?: TitleInfo;
  findings: Finding[];
  /** How the document was read; only when asked for (`reading: true`). */
  reading?: Reading;
}
