import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { PackError } from './diagnostics';
import { configSchema, packSchema, ruleSchema } from './schema';
import { didYouMean, listOf } from './suggest';
import type { Source } from './source';

type Kind = 'pack' | 'rule' | 'config';
const schemas: Record<Kind, () => object> = { pack: packSchema, rule: ruleSchema, config: configSchema };
let ajv: Ajv2020 | undefined;
const validators: Partial<Record<Kind, ValidateFunction>> = {};

/** Compiling a schema costs tens of milliseconds: only when a file of that kind is read. */
function validatorFor(kind: Kind): ValidateFunction {
  // verbose: errors carry their schema, for the allowed keys and values they list.
  ajv ??= new Ajv2020({ allErrors: true, strict: false, verbose: true });
  return (validators[kind] ??= ajv.compile(schemas[kind]()));
}

function describe(e: ErrorObject): string {
  const where = e.instancePath || '(top level)';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as any).additionalProperty as string;
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}).filter((k) => k !== '$schema');
      const hint = didYouMean(key, known);
      return `unknown property "${key}" in ${where}.${hint || ' Remove it or check its spelling.'}${known.length ? ` Allowed: ${listOf(known)}.` : ''}`;
    }
    case 'enum': {
      const allowed = (e.params as any).allowedValues as unknown[];
      const got = e.data;
      const hint =
        typeof got === 'string'
          ? didYouMean(
              got,
              allowed.filter((v): v is string => typeof v === 'string'),
            )
          : '';
      return `${where} must be one of ${allowed.map((v: unknown) => JSON.stringify(v)).join(', ')}${typeof got === 'string' ? ` (got ${JSON.stringify(got)})` : ''}.${hint}`;
    }
    case 'required':
      return `${where} is missing required property "${(e.params as any).missingProperty}".`;
    case 'maxItems':
    case 'maxLength':
      return `${where} ${e.message} (a limit that keeps packs fast and safe).`;
    default:
      return `${where} ${e.message}.`;
  }
}

/** Validates a parsed file against its schema; each error located at file:line:col. */
export function validateSource(kind: Kind, src: Pick<Source, 'file' | 'position' | 'keyPosition'>, value: unknown): PackError[] {
  const validate = validatorFor(kind);
  if (validate(value)) return [];
  let errors = (validate.errors ?? []).filter((e) => (e.keyword !== 'if' && e.keyword !== 'oneOf') || (validate.errors ?? []).length === 1);
  // A failed oneOf also reports "must be object" for the branches the value was never meant for.
  const paths = new Set(errors.filter((e) => e.keyword !== 'type').map((e) => e.instancePath));
  errors = errors.filter((e) => e.keyword !== 'type' || !paths.has(e.instancePath));
  const seen = new Set<string>();
  const out: PackError[] = [];
  for (const e of errors.length ? errors : (validate.errors ?? [])) {
    const pos = e.keyword === 'additionalProperties' ? src.keyPosition(e.instancePath, (e.params as any).additionalProperty) : src.position(e.instancePath);
    const msg = describe(e);
    const key = `${pos.line}:${pos.col}:${msg}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(new PackError(src.file, pos.line, pos.col, msg));
  }
  return out;
}
