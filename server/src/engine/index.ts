/** The engine's public surface: text and data in, findings out. */
export { lint } from './lint';
export { createSetup, SetupError, parseRuleSetting, type LintConfig, type Setup } from './setup';
export { applyEdits } from './fix/apply-fixes';
export { fixText } from './fix/fix-all';
export { eolOf } from './fix/fixes';
export { FIX_TYPES } from './fix/fix-types';
export { ParseCache } from './parse/parse-cache';
export { compilePattern, compiledRows, primePatterns, PatternError, inflections, type PatternRow } from './match/patterns';
export { CHECK_TYPES } from './rules/check-types';
export { checkClasses } from './rules/checks';
export { classRefSchema } from './rules/check-types/schema-parts';
export { ENGINE_VERSION } from './version';
export type * from './types';
export { SEVERITIES, SEVERITY_SETTINGS, SEVERITY_SPELLINGS, severitySetting } from './types';
export type * from './pack-types';
export { DEFAULT_MAX_FILE_SIZE, FILE_TOO_LARGE, fileTooLargeResult } from './parse/size-limit';
export { formatReading, lineOf, type Reading } from './rules/reading';
export { MARKUP_NOT_PARSED, MAX_INLINE_MARKS } from './parse/inline-limit';
export { MAX_LIST_DEPTH, MAX_QUOTE_DEPTH } from './parse/nesting-cap';
// For packs/ and the other layers, which reach the engine only through this file.
export { own, keyRecord } from './own';
export { lastAtOrBefore } from './parse/search';
export { compileRawRegex } from './match/raw-regex';
export { LEVELS, PLAIN_VOCABULARY_KEYS, SECTION_ROLES } from './match/vocabulary';
