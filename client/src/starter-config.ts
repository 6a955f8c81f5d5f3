/**
 * The starter `.cxlintrc.json` that *Create Configuration File* writes: the defaults,
 * written out, with a comment on each key so that a writer sees what can go where.
 * `.cxlintrc.json` is JSON with comments (jsonc), like tsconfig.json. Kept apart from
 * create-config.ts (which needs VS Code) so that a test can load it as a config.
 */
export const STARTER_CONFIG = `{
  // cx-lint configuration. Completion (Ctrl+Space) lists every key and rule id;
  // hover a key for what it does. This file applies to the postings in this folder
  // and the folders below it.

  // Where to start: "cx-core/recommended" (every rule at its default severity)
  // or "cx-core/strict" (the subtler rules raised to warnings).
  "extends": ["cx-core/recommended"],

  // Extra job-title words that count as customer-experience titles:
  // "titles": { "family": ["Member Happiness"] },

  // Documents never to lint (globs relative to this folder):
  // "exclude": ["drafts/**"],

  // Rule severities: "error", "warning", "info", "hint" or "off";
  // or [severity, options], e.g. "cx-renamed-sales": ["warning", { "minShare": 0.6 }].
  "rules": {
    // "cx-strategy-pillars": "off"
  }
}
`;
