import type { LexiconClassData } from './match/lexicon';
// A rule's check: one of the check types of rules/check-types/, each of which defines its data.
import type { CheckData } from './rules/check-types';
export type { CheckData };
// A rule's fixes: each one of the fix types of fix/fix-types/.
import type { FixData } from './fix/fix-types';
export type { FixData };
import type { DocKind, SeveritySetting, SeveritySpelling } from './types';
import type { Level, VocabularyData } from './match/vocabulary';

/** What a rule pack contains once loaded (docs/packs.md). Plain data: no code. */
export interface PackData {
  name: string;
  version: string;
  description?: string;
  homepage?: string;
  license?: string;
  publisher?: string;
  engine?: string;
  locale?: string;
  extends?: string[];
  vocabulary?: DeepPartial<VocabularyData>;
  lexicons?: Record<string, LexiconClassData & { remove?: string[] }>;
  presets?: Record<string, PresetData>;
  rules: RuleData[];
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends Array<unknown> ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

export interface PresetData {
  description?: string;
  /** Presets applied before this one ("cx-core/strict"). */
  extends?: string[];
  rules: Record<string, RuleSetting>;
}

/** A config's setting for a rule; its severity may be spelt as an alias ("warn"). */
export type RuleSetting = SeveritySpelling | [SeveritySpelling] | [SeveritySpelling, Record<string, unknown>];

export type TitleForm = 'role' | 'discipline' | 'team' | 'none';

export interface Condition {
  kinds?: DocKind[];
  titleForms?: TitleForm[];
  levels?: Level[];
  /** Some role prose (or the title) matches one of these classes. */
  mentions?: string[];
  /** The title (or front matter, or a purpose section) matches one of these classes. */
  titleMentions?: string[];
}

export type Scope = 'duties' | 'role' | 'document';

export interface ExampleData {
  name?: string;
  text: string;
  /** For invalid examples: how many findings of this rule (default: at least one). */
  count?: number;
  /** Expected text after applying the named (or first) fix. */
  output?: string;
  fix?: string;
}

export interface RuleData {
  id: string;
  /** A short name in words ("Customer Service renamed") for menus and hovers; the id when absent. */
  title?: string;
  severity: SeveritySetting;
  description: string;
  category?: string;
  appliesTo: Condition[];
  check: CheckData;
  message: string;
  fixes?: FixData[];
  /** A resolved URL or path to the rule's documentation. */
  docsUrl?: string;
  /** Plain-text summary of why it matters (hover). */
  why?: string;
  goodExample?: string;
  examples?: { valid?: ExampleData[]; invalid?: ExampleData[] };
}
