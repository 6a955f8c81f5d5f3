import { parseDocument, isCollection, isMap, isScalar, isSeq } from 'yaml';
import { parse as parseToml } from 'smol-toml';

/**
 * Front matter as real postings carry it: YAML (`---`), TOML (`+++`, Hugo) or JSON
 * (`{ … }`, Hugo). Each gives its top-level values, and for string values where they
 * sit in the file, so a finding or a fix can land on the `title` value itself.
 */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json';

export interface FrontMatterValue {
  key: string;
  value: string;
  /** Set on each string of a YAML list (`responsibilities:` with `- …` under it): its position in the list. */
  item?: number;
  /** Offsets of the key and of the value's text in the front matter body. */
  keyRange: [number, number];
  valueRange: [number, number];
}

export interface FrontMatterData {
  data: Map<string, unknown>;
  strings: FrontMatterValue[];
  error?: string;
}

/** Reads the body of a front matter block (the text between the fences). */
export function readFrontMatterBody(format: FrontMatterFormat, body: string): FrontMatterData {
  switch (format) {
    case 'yaml':
      return readYaml(body);
    case 'toml':
      return readKeyValueLines(body, () => parseToml(body), TOML_STRING, 'TOML');
    case 'json':
      return readKeyValueLines(body, () => JSON.parse(`{${body}}`), JSON_STRING, 'JSON');
  }
}

function readYaml(body: string): FrontMatterData {
  const doc = parseDocument(body, { prettyErrors: false, uniqueKeys: false, strict: false });
  const out: FrontMatterData = { data: new Map(), strings: [] };
  if (!isMap(doc.contents)) {
    out.error = doc.errors[0]?.message ?? 'front matter is not a YAML mapping';
    return out;
  }
  // Jekyll's YAML reader accepts things the YAML spec does not (a quoted value that
  // runs over several unindented lines). The pairs before the first error are read
  // as the parser recovered them; nothing after it is trusted.
  const firstError = doc.errors.length ? doc.errors[0].pos[0] : Infinity;
  if (doc.errors.length) out.error = doc.errors[0].message;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    // A nested value (`location:` with `city:` and `state:` under it) still tells that
    // the key is there, which is what posting keys need; its content is not read.
    if (isCollection(pair.value) && pair.value.range) {
      if (pair.value.range[1] > firstError) break;
      out.data.set(String(pair.key.value), null);
      // A list of strings (a CMS's `responsibilities:` field) keeps each string and
      // where it sits, so the model can read a posting's duties kept in front matter.
      if (isSeq(pair.value) && pair.key.range) {
        const key = String(pair.key.value);
        pair.value.items.forEach((it, item) => {
          if (isScalar(it) && typeof it.value === 'string' && it.range)
            out.strings.push({ key, value: it.value, item, keyRange: [pair.key.range![0], pair.key.range![1]], valueRange: [it.range[0], it.range[1]] });
        });
      }
      continue;
    }
    if (!isScalar(pair.value) || !pair.value.range) continue;
    if (pair.value.range[1] > firstError) break;
    const key = String(pair.key.value);
    const value = pair.value.value;
    out.data.set(key, value);
    if (typeof value === 'string') {
      out.strings.push({ key, value, keyRange: [pair.key.range[0], pair.key.range[1]], valueRange: [pair.value.range[0], pair.value.range[1]] });
    }
  }
  return out;
}

// One-line string values: `key = "value"` (TOML) and `"key": "value"` (JSON). The
// parsers give the values; these find where each sits, for ranges only.
const TOML_STRING = /^[ \t]*([A-Za-z0-9_-]+|"[^"\n]*")[ \t]*=[ \t]*(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)')[ \t]*(?:#.*)?$/gm;
const JSON_STRING = /"((?:[^"\\\n]|\\.)*)"[ \t]*:[ \t]*"((?:[^"\\\n]|\\.)*)"/g;

function readKeyValueLines(body: string, parse: () => unknown, strings: RegExp, name: string): FrontMatterData {
  const out: FrontMatterData = { data: new Map(), strings: [] };
  let parsed: unknown;
  try {
    parsed = parse();
  } catch (e) {
    out.error = `${name} front matter: ${(e as Error).message.split('\n')[0]}`;
    return out;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    out.error = `${name} front matter is not a table of keys`;
    return out;
  }
  for (const [k, v] of Object.entries(parsed)) out.data.set(k, v);
  // Only keys of the top-level table: TOML tables ([section]) end it.
  const topEnd = name === 'TOML' ? firstTomlTable(body) : body.length;
  strings.lastIndex = 0;
  for (let m = strings.exec(body); m; m = strings.exec(body)) {
    if (m.index >= topEnd) break;
    const key = m[1].replace(/^"|"$/g, '');
    const value = out.data.get(key);
    if (typeof value !== 'string') continue;
    const raw = m[2] ?? m[3] ?? '';
    const keyStart = body.indexOf(m[1], m.index);
    const valueStart = body.indexOf(raw, keyStart + m[1].length + 1);
    // Escapes make the text differ from the value; the range still covers the source text.
    out.strings.push({ key, value, keyRange: [keyStart, keyStart + m[1].length], valueRange: [valueStart, valueStart + raw.length] });
  }
  return out;
}

function firstTomlTable(body: string): number {
  const m = /^[ \t]*\[/m.exec(body);
  return m ? m.index : body.length;
}
