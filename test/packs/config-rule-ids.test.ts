/**
 * Issue 15: the config schema VS Code uses lists every cx-core rule id (completion,
 * hover docs, flagged typos), and "warn" is accepted as ESLint users type it, by the
 * schema, the config loader, the CLI and the editor settings alike.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { loadConfigFor } from '../../server/src/config/load-config';
import { ROOT, read } from '../helpers/fixtures';
import { run } from '../cli/run';

const schema = JSON.parse(read(join(ROOT, 'rules', 'schema', 'config.schema.json')));
const CX_CORE_IDS = readdirSync(join(ROOT, 'rules', 'cx-core', 'rules')).sort();

describe('the config schema lists the rules; "warn" is a severity', () => {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  const valid = (config: object) => (validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

  it('has every cx-core rule id, with its description and default severity for hover', () => {
    const props = schema.properties.rules.properties as Record<string, { markdownDescription: string }>;
    assert.deepEqual(Object.keys(props).sort(), CX_CORE_IDS);
    assert.match(
      props['cx-renamed-sales'].markdownDescription,
      /^\*\*cx-renamed-sales\*\*: .+\n\nDefault severity: `warning`\. Options: `minShare` \(default 0\.5\)/,
    );
  });

  it('flags a misspelt cx-core id and a rule option that does not exist, and accepts ids of other packs', () => {
    assert.deepEqual(valid({ rules: { 'cx-as-initiative': 'off', 'cxpa-novelty-title': 'error' } }), []);
    assert.notDeepEqual(valid({ rules: { 'cx-as-initiativ': 'off' } }), []);
    assert.notDeepEqual(valid({ rules: { 'cx-renamed-sales': ['warning', { minShar: 0.6 }] } }), []);
    assert.notDeepEqual(valid({ rules: { 'cx-renamed-sales': ['warning', { minShare: 7 }] } }), []);
    assert.deepEqual(valid({ rules: { 'cx-renamed-sales': ['warning', { minShare: 0.6 }] } }), []);
  });

  it('accepts "warn", alone and with options', () => {
    assert.deepEqual(valid({ rules: { 'cx-as-initiative': 'warn', 'cx-renamed-sales': ['warn', { minShare: 0.6 }], 'cxpa-novelty-title': 'warn' } }), []);
    assert.notDeepEqual(valid({ rules: { 'cx-as-initiative': 'warnings' } }), []);
  });

  describe('the config loader and the CLI read "warn" as warning', () => {
    let dir = '';
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cx-lint-warn-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('in .cxlintrc.json, alone and with options', () => {
      writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ rules: { 'cx-as-initiative': 'warn', 'cx-renamed-sales': ['warn', { minShare: 0.6 }] } }));
      const cfg = loadConfigFor(join(dir, 'posting.md'));
      const rule = (id: string) => cfg.setup.rules.find((r) => r.data.id === id);
      assert.equal(rule('cx-as-initiative')?.severity, 'warning');
      assert.equal(rule('cx-renamed-sales')?.severity, 'warning');
      assert.equal((rule('cx-renamed-sales')?.check as { minShare?: number }).minShare, 0.6);
    });

    it('reports it as "warning" (the CLI)', () => {
      writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ rules: { 'cx-as-initiative': 'warn' } }));
      writeFileSync(
        join(dir, 'charter.md'),
        '# Head of Customer Experience\n\n## Purpose\n\nLead our new CX initiative across every team.\n\n## Accountabilities\n\n- Run the voice-of-the-customer programme with product and operations\n- Map customer journeys with operations and fix root causes\n\n## Reports to\n\nThe Chief Executive Officer\n',
      );
      const r = run(dir, ['--format', 'json', 'charter.md']);
      const findings = JSON.parse(r.stdout).results.flatMap((f: { messages: Array<{ ruleId: string; severity: string }> }) => f.messages);
      assert.equal(findings.find((m: { ruleId: string }) => m.ruleId === 'cx-as-initiative')?.severity, 'warning', r.stdout + r.stderr);
    });

    it('still refuses a severity that is no spelling of one, suggesting the nearest', () => {
      writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ rules: { 'cx-as-initiative': 'warnng' } }));
      assert.throws(() => loadConfigFor(join(dir, 'posting.md')), /Did you mean "warn(ing)?"\?/);
    });
  });
});
