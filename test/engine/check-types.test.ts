import assert from 'node:assert/strict';
import { CHECK_TYPES, checkClasses, classRefSchema, FIX_TYPES, type CheckData } from '../../server/src/engine';

/**
 * A check type's module declares the lexicon classes it reads twice: in its schema
 * (which properties hold class names) and in `classes()` (which setup and the pack
 * loader use). These tests hold the two together for every registered type.
 */
type Schema = { oneOf?: Schema[]; items?: Schema; additionalProperties?: Schema | boolean; properties?: Record<string, Schema> };

/** A value of the shape `s` whose every class name is `name`, or undefined when `s` holds no class. */
function classValue(s: Schema, name: string): unknown {
  if (s === classRefSchema) return name;
  if (s.oneOf) return s.oneOf.map((o) => classValue(o, name)).find((v) => v !== undefined);
  if (s.items) return classValue(s.items, name) === undefined ? undefined : [classValue(s.items, name)];
  if (s.additionalProperties === classRefSchema) return { label: name };
  if (s.properties) {
    const entries = Object.entries(s.properties)
      .map(([k, p]) => [k, classValue(p, name)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return undefined;
}

describe('check types: one module each, registered once', () => {
  for (const [type, def] of Object.entries(CHECK_TYPES)) {
    it(`${type}: its schema names its own type`, () => {
      assert.deepEqual(def.schema.properties.type, { const: type });
      assert.ok(def.summary.length > 0);
    });

    it(`${type}: every schema property that holds a class name is reported by classes(), at its JSON pointer`, () => {
      for (const [prop, s] of Object.entries(def.schema.properties)) {
        const value = classValue(s as Schema, 'probe-class');
        if (value === undefined) continue;
        const refs = checkClasses({ type, [prop]: value } as unknown as CheckData);
        assert.ok(refs.length > 0, `${type}.${prop} holds a class name that classes() does not report`);
        for (const r of refs) {
          assert.equal(r.name, 'probe-class');
          assert.ok(r.pointer.startsWith(`/${prop}`), `${type}.${prop}: pointer ${r.pointer}`);
        }
      }
    });
  }

  it('the probe finds class-holding properties (share has nine, evidence, alsoWhen and alsoUnlessRival among them)', () => {
    const props = Object.values(CHECK_TYPES.share.schema.properties).filter((s) => classValue(s as Schema, 'x') !== undefined);
    assert.equal(props.length, 9);
  });
});

describe('fix types: one module each, registered once', () => {
  it('a property two fix types share has one schema (the rule schema lists each property once)', () => {
    const seen = new Map<string, { type: string; schema: object }>();
    for (const [type, def] of Object.entries(FIX_TYPES)) {
      for (const [prop, schema] of Object.entries(def.properties)) {
        const first = seen.get(prop);
        if (first) assert.deepEqual(schema, first.schema, `${type}.${prop} differs from ${first.type}.${prop}`);
        else seen.set(prop, { type, schema });
      }
    }
    // insert-duties and insert-section both take a heading.
    assert.ok(seen.has('heading'));
  });
});
