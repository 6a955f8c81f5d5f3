import { PackError } from './diagnostics';
import { configSchema, packSchema, ruleSchema } from './schema';
import type { Source } from './source';

type Kind = 'config' | 'pack' | 'rule';

const WHAT: Record<Kind, string> = { config: 'a cx-lint config', pack: 'a cx-lint pack manifest', rule: 'a cx-lint rule file' };
const schemas: Record<Kind, () => object> = { config: configSchema, pack: packSchema, rule: ruleSchema };
const keysOf: Partial<Record<Kind, Set<string>>> = {};

/** Keys too common in other files to tell anything: `$schema` (any JSON), `root` (many app configs). */
const GENERIC = new Set(['$schema', 'root']);

/** The kind's own top-level keys, as its schema lists them, less the generic ones. */
function topLevelKeys(kind: Kind): Set<string> {
  return (keysOf[kind] ??= new Set(Object.keys((schemas[kind]() as { properties?: object }).properties ?? {}).filter((k) => !GENERIC.has(k))));
}

/**
 * Whether a file is recognisably of its kind: a mapping (even a half-parsed one) that
 * uses at least one of the kind's own top-level keys, or an empty file. A path in a
 * config can name any file on the machine (`"packs": ["/etc/shadow"]`); YAML and
 * schema messages quote keys and tokens, so for a file that is not recognisable they
 * would print its content.
 */
function recognisable(kind: Kind, src: Source): boolean {
  const keys = src.topKeys();
  if (keys === undefined) return true;
  if (keys === null) return false;
  const known = topLevelKeys(kind);
  return keys.some((k) => known.has(k));
}

/**
 * The errors to show for a file of `kind` that did not parse or validate: as they are
 * when the file is recognisably of its kind, else one error that quotes nothing of it.
 */
export function errorsToShow(kind: Kind, src: Source, errors: PackError[]): PackError[] {
  if (!errors.length || recognisable(kind, src)) return errors;
  const keys = [...topLevelKeys(kind)]
    .slice(0, 4)
    .map((k) => `"${k}"`)
    .join(', ');
  return [
    new PackError(
      src.file,
      1,
      1,
      `is not ${WHAT[kind]} (not a JSON or YAML mapping with any of its keys: ${keys}, …), so nothing of its content is shown. Check the path that names it.`,
    ),
  ];
}
