/**
 * The files `cx-lint pack init` writes: a pack that passes `pack validate` and
 * `pack test` as it stands (a test runs both on it), ready to edit and publish.
 */
export function packSkeleton(name: string, engine: string): Record<string, string> {
  const short = name.replace(/^@[^/]+\//, '').replace(/^cx-lint-pack-?/, '');
  const ruleId = `${short.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'my'}-no-buzzword-titles`.replace(/^([^a-z])/, 'p-$1');
  const major = engine.split('.')[0];
  const manifest = `# A cx-lint rule pack: plain data, never code. Format: https://github.com/cx-lint/cx-lint/blob/main/docs/packs.md
# yaml-language-server: $schema=https://cx-lint.dev/schema/pack.schema.json
name: ${JSON.stringify(name)}
version: 0.1.0
description: House rules for our job postings.
license: MIT
homepage: https://example.com/${name}
publisher: Your organisation
engine: "^${major}.0.0"
locale: en
rules: rules/*/rule.yaml

presets:
  recommended:
    description: Every rule at its default severity.
    rules: {}
  strict:
    description: Every rule as a warning, on top of cx-core's strict preset.
    extends: [cx-core/strict]
    rules:
      ${ruleId}: warning

# Lexicon classes add to cx-core's (cx-core loads first). A class of our own:
lexicons:
  buzzword-title:
    description: novelty job-title words
    match:
      - { match: "customer (experience|success|service) {(ninja*|rockstar*|guru*|wizard*)}", replace: specialist }
  # Extending a cx-core class: for us, "members" are customers.
  customer:
    match:
      - member*
    exclude:
      - (team|staff|board|committee) member*
`;
  const rule = `id: ${ruleId}
title: Novelty job title
severity: info
description: A novelty word ("ninja", "rockstar", "guru") in a customer-facing job title.
category: wording
appliesTo:
  - kinds: [posting, charter]
check:
  type: phrase
  class: buzzword-title
  scope: document
message: "A novelty title: candidates search for plain job titles, not “{match}”. Say what the person does."
why: Plain titles are found by job boards and understood by candidates; novelty words are neither.
goodExample: "# Customer Experience Specialist"
fixes:
  - type: substitute
    title: Replace “{original}” with “{replacement}”
docs: README.md
examples:
  valid:
    - name: a plain title
      text: |
        # Customer Experience Specialist
        ## Responsibilities
        - Answer members' questions by phone and chat
  invalid:
    - name: a ninja
      text: |
        # Customer Experience Ninja
        ## Responsibilities
        - Answer members' questions by phone and chat
      count: 1
      output: |
        # Customer Experience Specialist
        ## Responsibilities
        - Answer members' questions by phone and chat
`;
  const readme = `# ${ruleId}

Reports a novelty word — *ninja*, *rockstar*, *guru*, *wizard* — in a customer-facing
job title, and offers to replace it with *specialist*.

## Why

Candidates search job boards for plain titles, and a novelty title says nothing about
the work.

## Examples

Reported: \`# Customer Experience Ninja\`

Not reported: \`# Customer Experience Specialist\`
`;
  return {
    'pack.yaml': manifest,
    [`rules/${ruleId}/rule.yaml`]: rule,
    [`rules/${ruleId}/README.md`]: readme,
    [`rules/${ruleId}/fixtures/valid/plain-title.md`]: `# Customer Experience Specialist\n\n## Responsibilities\n\n- Answer members' questions by phone, chat and email\n- Log what members ask for so the product team can act on it\n`,
    [`rules/${ruleId}/fixtures/invalid/rockstar-title.md`]: `# Customer Success Rockstar <!-- expect: ${ruleId} -->\n\n## Responsibilities\n\n- Help members get started with their accounts\n- Call members who have not logged in for a month\n`,
    'package.json':
      JSON.stringify(
        {
          name,
          version: '0.1.0',
          description: 'House rules for our job postings (a cx-lint rule pack).',
          license: 'MIT',
          keywords: ['cx-lint', 'cx-lint-pack'],
          files: ['pack.yaml', 'rules/'],
          // No peerDependencies on cx-lint: npm would fetch it when the pack is installed
          // (failing offline, or pulling a second copy). The manifest's engine range says
          // which cx-lint versions can read the pack. No bin, main or scripts: see package-json.ts.
          cxlint: { pack: '.' },
        },
        null,
        2,
      ) + '\n',
    'README.md': `# ${name}\n\nA [cx-lint](https://github.com/cx-lint/cx-lint) rule pack.\n\n\`\`\`json\n{ "extends": ["cx-core/recommended", "${name}/recommended"] }\n\`\`\`\n\nCheck it with \`cx-lint pack validate .\` and \`cx-lint pack test .\`; publish with \`npm publish\`.\n`,
  };
}
