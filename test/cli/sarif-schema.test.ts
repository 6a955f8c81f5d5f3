import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { ROOT } from '../helpers/fixtures';
import { copyFixture, removeDir, run } from './run';

// The official SARIF 2.1.0 (rtm.5) schema, copied verbatim from the npm package
// @microsoft/jest-sarif 1.0.0-beta.0 (MIT licence): package/lib/schemas/sarif-2.1.0-rtm.5.json.
// It is a draft-04 schema; its only draft-04 specifics are `$schema` and `id`, so it is
// loaded into a draft-07 Ajv with those two keys adapted.
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-2.1.0.schema.json'), 'utf8'));
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // unicodeRegExp: false because the schema's `language` pattern has a stray `]`, which
  // is legal only in a non-unicode RegExp (it is so in the published schema).
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('CLI --format sarif against the SARIF 2.1.0 JSON schema', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyFixture('basic');
  });
  afterEach(() => removeDir(dir));

  it('the report with findings is valid', () => {
    const r = run(dir, ['--format', 'sarif']);
    assert.equal(r.status, 0, r.stderr);
    const validate = sarifValidator();
    const log = JSON.parse(r.stdout);
    assert.ok(log.runs[0].results.length > 0);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  });

  it('a report with no findings is valid', () => {
    const r = run(dir, ['--format', 'sarif', 'clean.md']);
    assert.equal(r.status, 0, r.stderr);
    const validate = sarifValidator();
    const log = JSON.parse(r.stdout);
    assert.equal(log.runs[0].results.length, 0);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  });

  it('the validator rejects a broken log (the schema is really applied)', () => {
    const validate = sarifValidator();
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
    assert.equal(validate({ version: '9.9', runs: [] }), false);
  });
});
