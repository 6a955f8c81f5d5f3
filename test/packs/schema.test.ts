import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { schemaFiles } from '../../scripts/gen-schemas';
import { loadPack } from '../../server/src/packs/load-pack';
import { ROOT, read } from '../helpers/fixtures';
import { tempFiles } from '../helpers/temp-files';

describe('schemas and pack validation', () => {
  it('rules/schema/*.json are what the engine registries generate', () => {
    for (const [name, text] of Object.entries(schemaFiles()))
      assert.equal(read(join(ROOT, 'rules', 'schema', name)), text, `${name} is stale: run npm run build`);
  });

  it('the committed schemas match the generated ones (no drift in git)', function () {
    if (!existsSync(join(ROOT, '.git'))) this.skip();
    const diff = execFileSync('git', ['diff', '--stat', '--', 'rules/schema'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(diff, '', 'regenerated schemas differ from the committed ones: commit rules/schema');
  });

  function pack(files: Record<string, string>): string {
    return tempFiles('cx-pack-', files);
  }

  it('reports invalid YAML with file, line and column', () => {
    const dir = pack({ 'pack.yaml': 'name: bad\nversion: 1.0.0\nlexicons:\n  customer: [unclosed\n' });
    const { errors } = loadPack(dir);
    assert.equal(errors.length > 0, true);
    assert.match(errors[0].message, /pack\.yaml:\d+:\d+: .*Fix the YAML syntax/);
  });

  it('reports schema violations at the offending key', () => {
    const dir = pack({
      'pack.yaml': 'name: bad\nversion: 1.0.0\nrules: rules/*/rule.yaml\n',
      'rules/x/rule.yaml': 'id: x\nseverity: loud\ndescription: d\nappliesTo: [{}]\ncheck: { type: no-duties }\nmessage: m\n',
    });
    const { errors } = loadPack(dir);
    assert.ok(
      errors.some((e) => e.line === 2 && /severity must be one of/.test(e.reason)),
      errors.map((e) => e.message).join('\n'),
    );
  });

  it('reports a bad pattern with its position and the column inside the pattern', () => {
    const dir = pack({ 'pack.yaml': 'name: bad\nversion: 1.0.0\nlexicons:\n  customer:\n    match:\n      - "(client|guest"\n' });
    const { errors } = loadPack(dir);
    assert.equal(errors[0].line, 6);
    assert.match(errors[0].reason, /missing "\)"/);
  });

  it('rejects a pack that needs a newer engine, naming the version it needs', () => {
    const { errors } = loadPack(pack({ 'pack.yaml': 'name: future\nversion: 1.0.0\nengine: ">=9"\n' }));
    assert.match(errors[0].reason, /needs cx-lint engine >=9, but this cx-lint has engine 1\.0\.0/);
  });

  it('rejects docs paths that leave the pack folder', () => {
    const dir = pack({
      'pack.yaml': 'name: esc\nversion: 1.0.0\nrules: rules/*/rule.yaml\n',
      'rules/x/rule.yaml': 'id: x\nseverity: info\ndescription: d\nappliesTo: [{}]\ncheck: { type: no-duties }\nmessage: m\ndocs: ../../../../etc/passwd\n',
    });
    const { errors } = loadPack(dir);
    assert.match(errors[0].reason, /leaves the pack folder/);
  });
});
