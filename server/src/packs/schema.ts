import { CHECK_TYPES, LEVELS, SECTION_ROLES, SEVERITY_SETTINGS } from '../engine';

/**
 * JSON Schemas for packs, rules and config, built from the engine's own registries
 * (check types, levels, section roles) so the loader, VS Code's validation and the
 * docs cannot drift. `npm run build` writes them to rules/schema/; a test checks
 * the committed files match.
 */
const severity = { enum: [...SEVERITY_SETTINGS] };
const pattern = { type: 'string', minLength: 1, maxLength: 500, description: 'A phrase pattern (docs/how-cx-lint-reads.md §7).' };
const patternList = { type: 'array', items: pattern, maxItems: 2000 };
const rawRegex = {
  type: 'string',
  minLength: 1,
  maxLength: 500,
  description: 'A raw regular expression in RE2 syntax, run on the linear-time re2js engine against case-folded text (no lookaround, no backreferences).',
};
const kinds = { type: 'array', items: { enum: ['posting', 'charter', 'other'] }, uniqueItems: true };
const classRef = { type: 'string', pattern: '^[a-z][a-z0-9-]*$' };
const scope = { enum: ['duties', 'role', 'document'] };

const ruleSetting = {
  oneOf: [
    severity,
    { type: 'array', prefixItems: [severity], items: false, minItems: 1, maxItems: 1 },
    { type: 'array', prefixItems: [severity, { type: 'object' }], items: false, minItems: 2, maxItems: 2 },
  ],
};

const checkSchemas: Record<string, object> = {
  phrase: { properties: { type: { const: 'phrase' }, class: classRef, scope }, required: ['type', 'class'] },
  requires: {
    properties: {
      type: { const: 'requires' },
      anyOf: { type: 'array', items: classRef, minItems: 1 },
      scope,
      minDuties: { type: 'integer', minimum: 0 },
      onlyIf: { type: 'object', additionalProperties: false, properties: { anyOf: { type: 'array', items: classRef, minItems: 1 }, scope }, required: ['anyOf'] },
    },
    required: ['type', 'anyOf'],
  },
  share: {
    properties: {
      type: { const: 'share' },
      class: { oneOf: [classRef, { type: 'array', items: classRef, minItems: 1 }] },
      with: { type: 'array', items: classRef, description: 'Classes that count as the class itself, toward minCount and the share (supervising contact handling, for contact handling).' },
      also: { type: 'array', items: classRef, description: 'Classes that also count toward the share once the class reaches minCount (shift work for contact handling).' },
      unless: { type: 'array', items: classRef },
      yieldsTo: { type: 'array', items: classRef, description: 'No finding when more counted duties have one of these classes than have the class: the role is better read as that (selling, for contact handling).' },
      exclude: { type: 'array', items: classRef },
      minShare: { type: 'number', minimum: 0, maximum: 1 },
      minCoreShare: { type: 'number', minimum: 0, maximum: 1, description: 'Also report when at least this share of the counted duties have the class itself (or a `with` class), whatever the share with `also` classes.' },
      minCoreCount: { type: 'integer', minimum: 1, description: 'How many duties the minCoreShare path needs (default minCount).' },
      minCount: { type: 'integer', minimum: 1 },
    },
    required: ['type', 'class', 'minShare', 'minCount'],
  },
  coverage: {
    properties: { type: { const: 'coverage' }, classes: { type: 'object', additionalProperties: classRef, minProperties: 1 }, scope },
    required: ['type', 'classes'],
  },
  'no-duties': { properties: { type: { const: 'no-duties' } }, required: ['type'] },
};

/** A numeric option of a check, as its schema declares it. */
export interface OptionSchema {
  type: 'number' | 'integer';
  minimum?: number;
  maximum?: number;
  description?: string;
}

/**
 * The options a rule takes in `[severity, options]`, like ESLint's meta.schema: the
 * numeric parameters its check sets (minShare, minCount, …), with the type and range
 * the check's schema gives them. Nothing else (a class, a scope) can be changed from a
 * config: that would be a different rule, and is done in a pack.
 */
export function ruleOptionSchemas(check: { type: string } & Record<string, unknown>): Record<string, OptionSchema> {
  const props = ((checkSchemas[check.type] as { properties?: Record<string, any> } | undefined)?.properties ?? {}) as Record<string, any>;
  const out: Record<string, OptionSchema> = {};
  for (const [k, v] of Object.entries(props)) {
    if ((v.type === 'number' || v.type === 'integer') && typeof check[k] === 'number') out[k] = { type: v.type, minimum: v.minimum, maximum: v.maximum, description: v.description };
  }
  return out;
}

export function ruleSchema(): object {
  const types = Object.keys(CHECK_TYPES);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://cx-lint.dev/schema/rule.schema.json',
    title: 'cx-lint rule',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'severity', 'description', 'appliesTo', 'check', 'message'],
    properties: {
      id: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 80 },
      title: { type: 'string', minLength: 1, maxLength: 80, description: 'A short name in words ("Customer Service renamed"), shown in the editor\'s menus and hovers instead of the id.' },
      severity,
      description: { type: 'string', maxLength: 300 },
      category: { type: 'string' },
      appliesTo: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          properties: {
            kinds,
            titleForms: { type: 'array', items: { enum: ['role', 'discipline', 'team', 'none'] } },
            levels: { type: 'array', items: { enum: [...LEVELS] } },
            mentions: { type: 'array', items: classRef },
            titleMentions: { type: 'array', items: classRef },
          },
        },
      },
      check: {
        type: 'object',
        required: ['type'],
        properties: { type: { enum: types, description: types.map((t) => `${t}: ${CHECK_TYPES[t as keyof typeof CHECK_TYPES].summary}`).join('\n') } },
        allOf: types.map((t) => ({
          if: { properties: { type: { const: t } } },
          then: { ...checkSchemas[t], additionalProperties: false },
        })),
      },
      message: { type: 'string', minLength: 1, maxLength: 1000 },
      why: { type: 'string', maxLength: 2000 },
      goodExample: { type: 'string', maxLength: 2000 },
      docs: { type: 'string', maxLength: 300, description: 'Path of the rule\'s documentation, inside the pack.' },
      fixes: {
        type: 'array',
        maxItems: 10,
        items: {
          type: 'object',
          required: ['type', 'title'],
          properties: {
            type: { enum: ['retitle', 'drop-family', 'insert-duties', 'insert-section', 'substitute'] },
            title: { type: 'string', maxLength: 200 },
            replaceFamilyWith: { type: 'string', maxLength: 100 },
            duties: { type: 'array', items: { type: 'string', maxLength: 500 }, maxItems: 20 },
            heading: { type: 'string', maxLength: 200 },
            lines: { type: 'array', items: { type: 'string', maxLength: 500 }, maxItems: 50 },
            bullets: { type: 'boolean' },
            unsafeWhen: {
              type: 'array',
              items: { type: 'string', minLength: 1, maxLength: 100 },
              maxItems: 100,
              description: 'substitute only: words or phrases that, anywhere in the sentence, make the swap not safe (offered, never applied by fix-all or --fix).',
            },
          },
          additionalProperties: false,
        },
      },
      examples: {
        type: 'object',
        additionalProperties: false,
        properties: {
          valid: { type: 'array', items: { $ref: '#/$defs/example' } },
          invalid: { type: 'array', items: { $ref: '#/$defs/example' } },
        },
      },
    },
    $defs: {
      example: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          name: { type: 'string' },
          text: { type: 'string', maxLength: 100000 },
          count: { type: 'integer', minimum: 1 },
          fix: { type: 'string' },
          output: { type: 'string' },
        },
      },
    },
  };
}

export function packSchema(): object {
  const lexiconEntry = {
    oneOf: [
      pattern,
      {
        type: 'object',
        additionalProperties: false,
        required: ['match'],
        properties: { match: pattern, replace: { type: 'string', maxLength: 200 }, safe: { type: 'boolean' } },
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['regex'],
        properties: { regex: rawRegex, replace: { type: 'string', maxLength: 200 }, safe: { type: 'boolean' } },
      },
    ],
  };
  const excludeEntry = { oneOf: [pattern, { type: 'object', additionalProperties: false, required: ['regex'], properties: { regex: rawRegex } }] };
  const presetRef = { type: 'string', pattern: '^(@[^/\\s]+/)?[^/\\s]+(/[^/\\s]+)?$', description: '"<pack>/<preset>": a pack name (manifest name or npm name) and one of its presets.' };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://cx-lint.dev/schema/pack.schema.json',
    title: 'cx-lint rule pack manifest',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'version'],
    properties: {
      name: { type: 'string', pattern: '^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$', maxLength: 214 },
      version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$' },
      description: { type: 'string', maxLength: 1000 },
      license: { type: 'string' },
      homepage: { type: 'string' },
      publisher: { type: 'string' },
      engine: { type: 'string', maxLength: 100, description: 'The cx-lint engine versions this pack needs, as a semver range.' },
      locale: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'BCP 47 language tag of the pack\'s words, e.g. en or en-GB.' },
      extends: {
        type: 'array',
        maxItems: 20,
        items: { type: 'string', minLength: 1, maxLength: 214 },
        description: 'Packs this pack builds on, loaded before it: folder paths inside or next to the pack ("./…", "../…") or npm package names.',
      },
      rules: {
        oneOf: [
          { type: 'string', description: 'A glob of rule files inside the pack, e.g. rules/*/rule.yaml' },
          { type: 'array', items: { type: 'string' } },
        ],
      },
      presets: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          properties: {
            description: { type: 'string' },
            extends: { type: 'array', items: presetRef, maxItems: 20, description: 'Presets applied before this one, e.g. cx-core/strict.' },
            rules: { type: 'object', additionalProperties: ruleSetting },
          },
        },
      },
      vocabulary: {
        type: 'object',
        additionalProperties: false,
        properties: {
          headings: { type: 'object', additionalProperties: false, properties: Object.fromEntries(SECTION_ROLES.map((r) => [r, patternList])) },
          titles: {
            type: 'object',
            additionalProperties: false,
            properties: {
              family: patternList,
              levels: { type: 'object', additionalProperties: false, properties: Object.fromEntries(LEVELS.map((l) => [l, patternList])) },
              disciplines: patternList,
              qualifiers: patternList,
              charter: patternList,
            },
          },
          kinds: {
            type: 'object',
            additionalProperties: false,
            description: 'Front matter type:/kind: values that name a kind; any other value says nothing about the kind.',
            properties: { posting: { type: 'array', items: { type: 'string' } }, charter: { type: 'array', items: { type: 'string' } }, other: { type: 'array', items: { type: 'string' } } },
          },
          frontMatter: {
            type: 'object',
            additionalProperties: false,
            properties: {
              titleKeys: { type: 'array', items: { type: 'string' }, maxItems: 50, description: 'Front matter keys that hold the title, in order of preference.' },
              kindKeys: { type: 'array', items: { type: 'string' }, maxItems: 50, description: 'Front matter keys whose value may name the kind (see kinds).' },
              postingKeys: { type: 'array', items: { type: 'string' }, maxItems: 200, description: 'Front matter keys only a job posting has (company, salary…): two of them and a title make a posting.' },
            },
          },
          negation: {
            type: 'object',
            additionalProperties: false,
            properties: { cues: patternList, strictCues: patternList, nonCues: patternList, window: { type: 'integer', minimum: 1, maximum: 12 } },
          },
          dutyStarters: patternList,
          dutySubjects: { ...patternList, description: 'Subjects set aside before a duty starter is looked for ("They will…", "You may…").' },
          dutyLeadIns: { ...patternList, description: 'Openings set aside before a duty starter is looked for ("Under the direction of the manager, …").' },
          roleAddress: { ...patternList, description: 'What shows a sentence in a company section speaks of the role itself ("As a Tier 1 representative, you will…"), so it counts as a duty when the posting has no duties section.' },
          notDuties: { ...patternList, description: 'Lines that are never duties wherever they stand: physical demands, compliance boilerplate.' },
          notDutyStarters: { ...patternList, description: 'How lines start that are never duties: requirements inside a duties list ("Experience with…").' },
        },
      },
      lexicons: {
        type: 'object',
        propertyNames: classRef,
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          properties: {
            description: { type: 'string', maxLength: 200 },
            match: { type: 'array', items: lexiconEntry, maxItems: 2000 },
            exclude: { type: 'array', items: excludeEntry, maxItems: 2000 },
            remove: patternList,
            negation: { enum: ['normal', 'strict', 'none'] },
          },
        },
      },
    },
  };
}

export function configSchema(): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://cx-lint.dev/schema/config.schema.json',
    title: 'cx-lint configuration (.cxlintrc.json / .cxlintrc.yaml / "cxlint" in package.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', description: 'Stop looking for configuration in parent folders.' },
      extends: {
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
        description: 'Presets to start from: "cx-core/recommended", "cx-core/strict", or "<pack>/<preset>" (pack by manifest name or npm name; a pack named here is loaded if installed). See docs/packs.md.',
      },
      packs: { type: 'array', items: { type: 'string' }, description: 'Extra rule packs, loaded in order after cx-core: folder paths ("./packs/house") or npm names ("cx-lint-pack-acme" or "acme", "@cxpa/cx-lint-pack-titles" or "@cxpa/titles").' },
      rules: { type: 'object', additionalProperties: ruleSetting, description: 'Rule id → severity, or [severity, options].' },
      include: { type: 'array', items: { type: 'string' } },
      exclude: { type: 'array', items: { type: 'string' } },
      titles: { type: 'object', additionalProperties: false, properties: { family: patternList } },
      kinds: { type: 'object', additionalProperties: false, properties: { posting: { type: 'array', items: { type: 'string' } }, charter: { type: 'array', items: { type: 'string' } }, other: { type: 'array', items: { type: 'string' } } } },
      maxFileSize: { type: 'integer', minimum: 1, description: 'Largest document linted, in bytes of UTF-8 (default 10485760, 10 MiB). A larger one gets a single file-too-large info finding.' },
    },
  };
}
