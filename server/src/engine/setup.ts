import picomatch from 'picomatch';
import { compileClass, entryKey, Negation, type CompiledClass, type LexiconClassData } from './match/lexicon';
import type { CheckData, PackData, RuleData, RuleSetting } from './pack-types';
import { LeadIndex, PatternError } from './match/patterns';
import { severitySetting, SEVERITY_SETTINGS, type DocKind, type Severity, type SeveritySetting } from './types';
import { DEFAULT_MAX_FILE_SIZE } from './parse/size-limit';
import { Vocabulary, type VocabularyData } from './match/vocabulary';
import { keyRecord, own } from './own';
import { checkClasses } from './rules/checks';

/** Config as the engine sees it: already discovered, merged and resolved (no files). */
export interface LintConfig {
  rules?: Record<string, RuleSetting>;
  titles?: { family?: string[] };
  kinds?: Partial<Record<DocKind, string[]>>;
  /** Bytes of UTF-8; larger documents get one `file-too-large` finding. Default DEFAULT_MAX_FILE_SIZE. */
  maxFileSize?: number;
}

export interface ActiveRule {
  data: RuleData;
  severity: Severity;
  check: CheckData;
  pack: { name: string; version: string };
}

export interface Setup {
  vocab: Vocabulary;
  negation: Negation;
  classes: Map<string, CompiledClass>;
  /** The start words of every class's patterns, so a block's words are looked up once for all classes. */
  leads: LeadIndex;
  /** A class's description, used in messages ("handling calls, chats and tickets"). */
  lexiconDescriptions: Map<string, string>;
  rules: ActiveRule[];
  /** Every rule known, enabled or not, for listing and docs. */
  allRules: Array<{ data: RuleData; pack: { name: string; version: string } }>;
  kindOf(relativePath: string | undefined): DocKind | undefined;
  /** From the config, so every caller of lint() (CLI, language server, API) applies the same limit. */
  maxFileSize: number;
}

export class SetupError extends Error {
  constructor(
    message: string,
    readonly where: { pack?: string; rule?: string; lexicon?: string; pattern?: string },
  ) {
    super(message);
  }
}

export function parseRuleSetting(s: RuleSetting, ruleId: string): { severity: SeveritySetting; options: Record<string, unknown> } {
  const [spelt, options] = Array.isArray(s) ? [s[0], s[1] ?? {}] : [s, {}];
  const severity = severitySetting(spelt);
  if (!severity) {
    throw new SetupError(`rule "${ruleId}": severity must be one of ${SEVERITY_SETTINGS.join(', ')} (got "${String(spelt)}")`, { rule: ruleId });
  }
  return { severity, options: options as Record<string, unknown> };
}

function mergeDeep(target: any, src: any): any {
  if (Array.isArray(src)) return [...(Array.isArray(target) ? target : []), ...src];
  if (src && typeof src === 'object') {
    const out: any = Object.assign(keyRecord(), target && typeof target === 'object' ? target : {});
    for (const [k, v] of Object.entries(src)) out[k] = mergeDeep(own(out, k), v);
    return out;
  }
  return src === undefined ? target : src;
}

function applyOptions(rule: RuleData, options: Record<string, unknown>): CheckData {
  const check: any = { ...rule.check };
  for (const [k, v] of Object.entries(options)) {
    // Only the check's numeric parameters are options (a class or scope would make another rule).
    if (!Object.hasOwn(check, k) || typeof check[k] !== 'number' || typeof v !== 'number' || !Number.isFinite(v)) {
      throw new SetupError(
        `rule "${rule.id}": unknown option "${k}" (options: ${
          Object.keys(check)
            .filter((x) => x !== 'type' && typeof check[x] === 'number')
            .join(', ') || 'none'
        })`,
        { rule: rule.id },
      );
    }
    check[k] = v;
  }
  return check;
}

/** Compiles packs and config once; the result lints any number of documents. */
export function createSetup(packs: PackData[], config: LintConfig = {}): Setup {
  let vocabData: any = {};
  const lexicons = new Map<string, LexiconClassData>();
  const rules = new Map<string, { data: RuleData; pack: { name: string; version: string } }>();
  for (const pack of packs) {
    vocabData = mergeDeep(vocabData, pack.vocabulary ?? {});
    for (const [name, cls] of Object.entries(pack.lexicons ?? {})) {
      const prev = lexicons.get(name);
      // Later packs win: `remove` drops entries by their pattern text, and an entry with
      // the same pattern text as an earlier one replaces it in place (new replace/safe).
      const remove = new Set((cls.remove ?? []).map((r) => r.toLowerCase()));
      const added = new Map((cls.match ?? []).map((e) => [entryKey(e), e] as const));
      const kept = (prev?.match ?? []).map((e) => added.get(entryKey(e)) ?? e);
      const keptKeys = new Set(kept.map(entryKey));
      const match = [...kept, ...(cls.match ?? []).filter((e) => !keptKeys.has(entryKey(e)))].filter((e) => !remove.has(entryKey(e)));
      lexicons.set(name, {
        description: cls.description ?? prev?.description,
        match,
        exclude: [...(prev?.exclude ?? []), ...(cls.exclude ?? [])].filter((e) => !remove.has(entryKey(e))),
        negation: cls.negation ?? prev?.negation,
      });
    }
    for (const r of pack.rules) rules.set(r.id, { data: r, pack: { name: pack.name, version: pack.version } });
  }
  if (config.titles?.family?.length) vocabData = mergeDeep(vocabData, { titles: { family: config.titles.family } });

  const v = vocabData as VocabularyData;
  const required = {
    headings: {},
    titles: { family: [], levels: {}, disciplines: [], qualifiers: [], charter: [] },
    kinds: { posting: [], charter: [] },
    negation: { cues: [], strictCues: [], nonCues: [], window: 6 },
    dutyStarters: [],
  };
  const full = mergeDeep(required, v) as VocabularyData;
  let vocab: Vocabulary;
  let negation: Negation;
  try {
    vocab = new Vocabulary(full);
    negation = new Negation(full.negation, vocab.clauseEnd);
  } catch (e) {
    if (e instanceof PatternError) throw new SetupError(`vocabulary: ${e.message}`, { pattern: e.pattern });
    throw e;
  }

  const classes = new Map<string, CompiledClass>();
  const leads = new LeadIndex();
  for (const [name, data] of lexicons) {
    try {
      classes.set(name, compileClass(name, data, leads));
    } catch (e) {
      if (e instanceof PatternError) throw new SetupError(`lexicon "${name}": ${e.message}`, { lexicon: name, pattern: e.pattern });
      throw e;
    }
  }

  const active: ActiveRule[] = [];
  for (const [id, { data, pack }] of rules) {
    const setting = own(config.rules, id);
    const { severity, options } = setting !== undefined ? parseRuleSetting(setting, id) : { severity: data.severity, options: {} };
    const check = applyOptions(data, options);
    for (const { name: cls } of checkClasses(check)) {
      if (!classes.has(cls)) throw new SetupError(`rule "${id}" uses lexicon class "${cls}", which no pack defines`, { rule: id, pack: pack.name });
    }
    if (severity !== 'off') active.push({ data, severity, check, pack });
  }
  for (const id of Object.keys(config.rules ?? {})) {
    if (!rules.has(id)) throw new SetupError(`config names rule "${id}", which no loaded pack defines`, { rule: id });
  }

  const globs = Object.entries(config.kinds ?? {}).map(([kind, list]) => [kind as DocKind, picomatch(list ?? [], { dot: true })] as const);
  return {
    vocab,
    negation,
    classes,
    leads,
    lexiconDescriptions: new Map([...lexicons].filter(([, d]) => d.description).map(([n, d]) => [n, d.description!])),
    rules: active,
    allRules: [...rules.values()],
    maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    kindOf(relativePath) {
      if (!relativePath) return undefined;
      const p = relativePath.replace(/\\/g, '/');
      for (const [kind, isMatch] of globs) if (isMatch(p)) return kind;
      return undefined;
    },
  };
}
