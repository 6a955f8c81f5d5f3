import { CHECK_TYPES, classRefSchema as classRef, FIX_TYPES, LEVELS, SECTION_ROLES, SEVERITY_SETTINGS, SEVERITY_SPELLINGS, type RuleData } from '../engine';

/**
 * JSON Schemas for packs, rules and config, built from the engine's own registries
 * (check types, fix types, levels, section roles) so the loader, VS Code's validation and the
 * docs cannot drift. `npm run build` writes them to rules/schema/; a test checks
 * the committed files match.
 */
const severity = { enum: [...SEVERITY_SETTINGS] };
const pattern = { type: 'string', minLength: 1, maxLength: 500, description: 'A phrase pattern (docs/how-cx-lint-reads.md §7).' };
const patternList = { type: 'array', items: pattern, maxItems: 2000 };
/** The `type:` values that name each kind, in a pack's vocabulary and in a config. */
const KIND_LISTS = {
  posting: { type: 'array', items: { type: 'string' } },
  charter: { type: 'array', items: { type: 'string' } },
  other: { type: 'array', items: { type: 'string' } },
};
/** A list of front matter key names. */
const keyList = (maxItems: number, description: string) => ({ type: 'array', items: { type: 'string' }, maxItems, description });
const wordList = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 100 }, maxItems: 500 };
const rawRegex = {
  type: 'string',
  minLength: 1,
  maxLength: 500,
  description: 'A raw regular expression in RE2 syntax, run on the linear-time re2js engine against case-folded text (no lookaround, no backreferences).',
};
const kinds = { type: 'array', items: { enum: ['posting', 'charter', 'other'] }, uniqueItems: true };

/** What a config may set a rule's severity to: a severity, off, or an alias ("warn", as ESLint users type it). */
const settingSeverity = {
  enum: [...SEVERITY_SPELLINGS],
  // VS Code shows these beside the completions.
  enumDescriptions: SEVERITY_SPELLINGS.map((s) =>
    s === 'off'
      ? 'The rule is not run.'
      : s === 'warn'
        ? 'The same as "warning" (ESLint\'s spelling).'
        : `Report as ${s === 'info' ? 'information' : s === 'error' ? 'an error' : `a ${s}`}.`,
  ),
};

/** A rules entry: severity, [severity] or [severity, options], with the options' own schema when known. */
function ruleSettingSchema(options: object = { type: 'object' }): object {
  return {
    oneOf: [
      settingSeverity,
      { type: 'array', prefixItems: [settingSeverity], items: false, minItems: 1, maxItems: 1 },
      { type: 'array', prefixItems: [settingSeverity, options], items: false, minItems: 2, maxItems: 2 },
    ],
  };
}
const ruleSetting = ruleSettingSchema();

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
  const type = Object.hasOwn(CHECK_TYPES, check.type) ? CHECK_TYPES[check.type as keyof typeof CHECK_TYPES] : undefined;
  const props = (type?.schema.properties ?? {}) as Record<string, any>;
  const out: Record<string, OptionSchema> = {};
  for (const [k, v] of Object.entries(props)) {
    if ((v.type === 'number' || v.type === 'integer') && typeof check[k] === 'number')
      out[k] = { type: v.type, minimum: v.minimum, maximum: v.maximum, description: v.description };
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
      title: {
        type: 'string',
        minLength: 1,
        maxLength: 80,
        description: 'A short name in words ("Customer Service renamed"), shown in the editor\'s menus and hovers instead of the id.',
      },
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
          then: { ...CHECK_TYPES[t as keyof typeof CHECK_TYPES].schema, additionalProperties: false },
        })),
      },
      message: { type: 'string', minLength: 1, maxLength: 1000 },
      why: { type: 'string', maxLength: 2000 },
      goodExample: { type: 'string', maxLength: 2000 },
      docs: { type: 'string', maxLength: 300, description: "Path of the rule's documentation, inside the pack." },
      fixes: {
        type: 'array',
        maxItems: 10,
        items: {
          type: 'object',
          required: ['type', 'title'],
          properties: {
            type: { enum: Object.keys(FIX_TYPES) },
            title: { type: 'string', maxLength: 200 },
            // Every fix type's properties in one object: the schema does not tie a property to its type.
            ...Object.assign({}, ...Object.values(FIX_TYPES).map((t) => t.properties)),
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
  const presetRef = {
    type: 'string',
    pattern: '^(@[^/\\s]+/)?[^/\\s]+(/[^/\\s]+)?$',
    description: '"<pack>/<preset>": a pack name (manifest name or npm name) and one of its presets.',
  };
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
      locale: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: "BCP 47 language tag of the pack's words, e.g. en or en-GB." },
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
            properties: KIND_LISTS,
          },
          frontMatter: {
            type: 'object',
            additionalProperties: false,
            properties: {
              titleKeys: keyList(50, 'Front matter keys that hold the title, in order of preference.'),
              kindKeys: keyList(50, 'Front matter keys whose value may name the kind (see kinds).'),
              dutyKeys: keyList(
                50,
                'Front matter keys that hold the duties (a string or a list of strings), as careers sites run by a CMS keep them: `responsibilities`, `duties`.',
              ),
              postingKeys: keyList(200, 'Front matter keys only a job posting has (company, salary…): two of them and a title make a posting.'),
            },
          },
          negation: {
            type: 'object',
            additionalProperties: false,
            properties: { cues: patternList, strictCues: patternList, nonCues: patternList, window: { type: 'integer', minimum: 1, maximum: 12 } },
          },
          dutyStarters: patternList,
          dutySubjects: { ...patternList, description: 'Subjects set aside before a duty starter is looked for ("They will…", "You may…").' },
          hiringLeadIns: {
            ...patternList,
            description:
              'What a hiring sentence says before the work ("We are looking for an engineer to …"): in a posting with no duty lines, the work after it is its one duty.',
          },
          dutyLeadIns: { ...patternList, description: 'Openings set aside before a duty starter is looked for ("Under the direction of the manager, …").' },
          roleAddress: {
            ...patternList,
            description:
              'What shows a sentence in a company section speaks of the role itself ("As a Tier 1 representative, you will…"), so it counts as a duty when the posting has no duties section.',
          },
          readerAddress: {
            ...patternList,
            description:
              'What shows a sentence speaks to the applicant ("you", "your"): a paragraph-only posting reads as duties only the paragraphs that do, or that speak of the role or hire for it.',
          },
          notDuties: { ...patternList, description: 'Lines that are never duties wherever they stand: physical demands, compliance boilerplate.' },
          notDutyStarters: { ...patternList, description: 'How lines start that are never duties: requirements inside a duties list ("Experience with…").' },
          // Plain words, not phrase patterns (docs/packs.md, "Plain words").
          sentences: {
            type: 'object',
            additionalProperties: false,
            properties: {
              abbreviations: { ...wordList, description: 'Abbreviations whose full stop does not end a sentence (e.g, etc; any case).' },
              runOnWords: { ...wordList, description: 'A line ending with one of these runs on into the next (and, or; as written).' },
            },
          },
          clauses: {
            type: 'object',
            additionalProperties: false,
            properties: {
              breaks: { ...wordList, description: 'Words that end a clause, so a negation cue before them does not reach past them (but, however).' },
              openers: { ...wordList, description: 'Words that start a new clause after a comma (you, we, instead).' },
              joiners: { ...wordList, description: 'Words that join the tasks a duty sentence lists, with or without a comma (and, or, as well as).' },
              rangeOpeners: {
                ...wordList,
                description: 'Words that open a range of tasks, before a verb in -ing ("from taking orders to answering phones": from).',
              },
              rangeJoiners: { ...wordList, description: 'Words that join a range of tasks, before a verb in -ing (to).' },
              nounVerbs: {
                ...wordList,
                description: 'Words that are nouns as often as verbs (support, booking): after a join they start a task only before one of verbObjects.',
              },
              verbObjects: { ...wordList, description: 'Words that show the word before them is a verb with its object (the, our, customers).' },
            },
          },
          leadIns: {
            type: 'object',
            additionalProperties: false,
            description: 'A line that introduces a list with a colon ("You will:"): whether the list is the role\'s work.',
            properties: {
              workEndings: { ...wordList, description: "How the last clause before the colon ends when it introduces the work (will, 'll, the following)." },
              notWork: {
                ...wordList,
                description: 'Words that make such a clause about what the job offers or asks for, or a quotation (have, need, love, reads).',
              },
            },
          },
          headingVoice: {
            type: 'object',
            additionalProperties: false,
            description: 'Words that tell who a heading speaks for.',
            properties: {
              company: { ...wordList, description: 'Words that make a heading the company\'s voice ("Growing with us": us, we).' },
              reader: { ...wordList, description: 'Openings that speak to the reader about the job ("You\'ll also:": you\'ll, you will).' },
            },
          },
          roleSubject: {
            type: 'object',
            additionalProperties: false,
            description: 'A role named as the subject of a duty sentence ("The Patient Services Assistant greets…"), in lower case.',
            properties: {
              determiners: { ...wordList, description: 'Words a sentence opens with before the role (the, our).' },
              adverbs: { ...wordList, description: 'Words between the role and its duty verb (also, regularly).' },
              verbs: { ...wordList, description: 'What, after the role, makes a duty besides a duty starter (will, is responsible).' },
            },
          },
          titleWords: {
            type: 'object',
            additionalProperties: false,
            description: 'Words of a job title that are not the role, in lower case.',
            properties: {
              employer: { ...wordList, description: 'What joins a title to its employer (at).' },
              support: { ...wordList, description: 'What starts whom the role supports, up to the next separator (to, reporting to).' },
              of: { ...wordList, description: 'The role noun stands before these (of, for).' },
              connectors: { ...wordList, description: 'What a level-only role part may hold besides levels and qualifiers (and, of).' },
              familyConnectors: { ...wordList, description: 'drop-family: removed with the family word before it (of, for).' },
              familyArticles: { ...wordList, description: 'drop-family: removed after a family connector (the).' },
            },
          },
          charterHeadingWords: {
            ...wordList,
            description: 'A heading with a word starting with one of these is a charter heading (mandate, scope; any case).',
          },
          language: {
            type: 'object',
            additionalProperties: false,
            description:
              'The language the pack reads, known by its commonest words: a document of at least minWords words, fewer than minShare of which are these words, is kind other (its words cannot be read).',
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 100 },
              words: { ...wordList, minItems: 1 },
              minShare: { type: 'number', minimum: 0, maximum: 1 },
              minWords: { type: 'integer', minimum: 1 },
            },
            required: ['name', 'words', 'minShare', 'minWords'],
          },
          newDutiesHeading: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            description: 'The heading of the duties section an insert-duties fix adds when its rule gives none.',
          },
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

/**
 * The `rules` of a config. Given the rules of a pack (the build passes cx-core's), each
 * id is a property with its description (hover), its default severity and the schema
 * of its options, so that editors complete ids and options; and an id that looks like
 * cx-core's (`cx-…`) but is not one is flagged as a typo. Ids of other packs are
 * accepted as they are (the config loader checks them against the packs in use).
 */
function rulesSchema(known?: readonly RuleData[]): object {
  const base = { type: 'object', additionalProperties: ruleSetting, description: 'Rule id → severity, or [severity, options].' };
  if (!known?.length) return base;
  const properties: Record<string, object> = {};
  for (const r of [...known].sort((a, b) => a.id.localeCompare(b.id))) {
    const opts = ruleOptionSchemas(r.check as { type: string } & Record<string, unknown>);
    const names = Object.keys(opts);
    const optionText = names.length
      ? ` Options: ${names.map((n) => `\`${n}\` (default ${String((r.check as unknown as Record<string, unknown>)[n])})`).join(', ')}.`
      : '';
    properties[r.id] = {
      ...ruleSettingSchema({ type: 'object', additionalProperties: false, properties: Object.fromEntries(names.map((n) => [n, { ...opts[n] }])) }),
      description: `${r.description} (default: ${r.severity})`,
      markdownDescription: `**${r.id}**: ${r.description}\n\nDefault severity: \`${r.severity}\`.${optionText}${r.why ? `\n\n${r.why}` : ''}`,
    };
  }
  const ids = Object.keys(properties);
  return {
    ...base,
    properties,
    propertyNames: { anyOf: [{ enum: ids }, { not: { pattern: '^cx-' } }], errorMessage: 'Not a cx-core rule id.' },
  };
}

export function configSchema(known?: readonly RuleData[]): object {
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
        description:
          'Presets to start from: "cx-core/recommended", "cx-core/strict", or "<pack>/<preset>" (pack by manifest name or npm name; a pack named here is loaded if installed). See docs/packs.md.',
      },
      packs: {
        type: 'array',
        items: { type: 'string' },
        description:
          'Extra rule packs, loaded in order after cx-core: folder paths ("./packs/house") or npm names ("cx-lint-pack-acme" or "acme", "@cxpa/cx-lint-pack-titles" or "@cxpa/titles").',
      },
      rules: rulesSchema(known),
      include: { type: 'array', items: { type: 'string' } },
      exclude: { type: 'array', items: { type: 'string' } },
      titles: { type: 'object', additionalProperties: false, properties: { family: patternList } },
      kinds: {
        type: 'object',
        additionalProperties: false,
        properties: KIND_LISTS,
      },
      maxFileSize: {
        type: 'integer',
        minimum: 1,
        description: 'Largest document linted, in bytes of UTF-8 (default 10485760, 10 MiB). A larger one gets a single file-too-large info finding.',
      },
    },
  };
}
