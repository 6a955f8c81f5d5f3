import { SEVERITY_SETTINGS, severitySetting, type RuleData } from '../engine';
import { ruleOptionSchemas, type OptionSchema } from './schema';
import { didYouMean, listOf } from './suggest';

/**
 * One problem with a `rules` entry, located by a JSON pointer below the entry
 * (`""` the entry, `/0` its severity, `/1` its options, `/1/minShare` one option), or
 * at a key (`key`) of the object at the pointer.
 */
export interface SettingProblem {
  id: string;
  pointer: string;
  key?: string;
  message: string;
}

/** "a number from 0 to 1", "a whole number of at least 1". */
export function describeOption(o: OptionSchema): string {
  const kind = o.type === 'integer' ? 'a whole number' : 'a number';
  if (o.minimum !== undefined && o.maximum !== undefined) return `${kind} from ${o.minimum} to ${o.maximum}`;
  if (o.minimum !== undefined) return `${kind} of at least ${o.minimum}`;
  if (o.maximum !== undefined) return `${kind} of at most ${o.maximum}`;
  return kind;
}

function optionList(schemas: Record<string, OptionSchema>): string {
  const names = Object.keys(schemas);
  return names.length ? `Its options: ${names.map((n) => `${n} (${describeOption(schemas[n])})`).join(', ')}.` : 'It takes no options.';
}

/**
 * What is wrong with `rules[id] = setting` given the rules of the loaded packs: an
 * unknown rule id, a severity that is not one of the five, an option the rule does not
 * have, or one of the wrong type or out of range, each saying what is allowed and the
 * nearest valid name. Empty when the entry is fine.
 */
export function ruleSettingProblems(id: string, setting: unknown, rules: ReadonlyMap<string, RuleData>): SettingProblem[] {
  const rule = rules.get(id);
  if (!rule) {
    return [
      {
        id,
        pointer: '',
        key: id,
        message: `unknown rule "${id}": no loaded pack has it.${didYouMean(id, rules.keys())} Rules: ${listOf([...rules.keys()].sort(), 40)}.`,
      },
    ];
  }
  const isArray = Array.isArray(setting);
  const severity = isArray ? setting[0] : setting;
  const out: SettingProblem[] = [];
  if (!severitySetting(severity)) {
    const got = typeof severity === 'string' ? `"${severity}"` : (JSON.stringify(severity) ?? String(severity));
    out.push({
      id,
      pointer: isArray ? '/0' : '',
      message: `the severity of rule "${id}" must be one of ${SEVERITY_SETTINGS.join(', ')} (got ${got}).${typeof severity === 'string' ? didYouMean(severity, SEVERITY_SETTINGS) : ''}`,
    });
  }
  if (!isArray) return out;
  if (setting.length > 2)
    out.push({ id, pointer: '', message: `rule "${id}" is set to a list of ${setting.length}; write "severity" or ["severity", { options }].` });
  if (setting.length < 2) return out;
  const options = setting[1];
  const schemas = ruleOptionSchemas(rule.check as { type: string } & Record<string, unknown>);
  if (!options || typeof options !== 'object' || Array.isArray(options)) {
    out.push({
      id,
      pointer: '/1',
      message: `the options of rule "${id}" must be an object such as { "${Object.keys(schemas)[0] ?? 'option'}": … }. ${optionList(schemas)}`,
    });
    return out;
  }
  for (const [k, v] of Object.entries(options)) {
    const schema = Object.hasOwn(schemas, k) ? schemas[k] : undefined;
    if (!schema) {
      out.push({ id, pointer: '/1', key: k, message: `rule "${id}" has no option "${k}".${didYouMean(k, Object.keys(schemas))} ${optionList(schemas)}` });
      continue;
    }
    const ok =
      typeof v === 'number' &&
      Number.isFinite(v) &&
      (schema.type !== 'integer' || Number.isInteger(v)) &&
      (schema.minimum === undefined || v >= schema.minimum) &&
      (schema.maximum === undefined || v <= schema.maximum);
    if (!ok)
      out.push({
        id,
        pointer: `/1/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        message: `option "${k}" of rule "${id}" must be ${describeOption(schema)} (got ${JSON.stringify(v) ?? String(v)}).`,
      });
  }
  return out;
}
