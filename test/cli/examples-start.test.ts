import assert from 'node:assert/strict';
import { ROOT } from '../helpers/fixtures';
import { run } from './run';

describe('npm start (cx-lint examples)', function () {
  this.timeout(60_000);
  it("lints the example postings only, not the example pack's docs and fixtures", () => {
    const r = run(ROOT, ['examples', '--format', 'json']);
    const files: string[] = JSON.parse(r.stdout).results.map((x: { filePath: string }) => x.filePath.replace(/\\/g, '/'));
    assert.ok(files.length >= 6, files.join());
    assert.deepEqual(
      files.filter((f) => f.includes('packs/')),
      [],
    );
    assert.equal(r.stderr, '');
  });
});
