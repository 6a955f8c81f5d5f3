/** The engine's public surface: text and data in, findings out. */
export { lint } from './lint';
export { createSetup, SetupError, parseRuleSetting, type LintConfig, type Setup } from './setup';
export { applyEdits } from './apply-fixes';
export { fixText } from './fix-all';
export { eolOf } from './fixes';
export { ParseCache } from './parse-cache';
export { compilePattern, PatternError, inflections } from './patterns';
export { CHECK_TYPES } from './checks';
export { ENGINE_VERSION } from './version';
export type * from './types';
export { SEVERITIES, SEVERITY_SETTINGS, SEVERITY_SPELLINGS, isSeveritySetting, severitySetting } from './types';
export type * from './pack-types';
export { DEFAULT_MAX_FILE_SIZE, FILE_TOO_LARGE, fileTooLargeResult } from './size-limit';
export { formatReading, type Reading } from './reading';
export { MARKUP_NOT_PARSED, MAX_INLINE_MARKS } from './inline-limit';
export { MAX_LIST_DEPTH, MAX_QUOTE_DEPTH } from './nesting-cap';
// For packs/ and the other layers, which reach the engine only through this file.
export { own, keyRecord } from './own';
export { compileRawRegex } from './raw-regex';
export { LEVELS, SECTION_ROLES } from './vocabulary';
