import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, removeDir, run } from './run';

describe('cli: what gets linted — include, exclude and .gitignore', () => {
  let dir: string;
  before(() => {
    dir = copyFixture('basic');
    for (const sub of ['jobs', 'jobs/old', 'drafts', 'notes']) {
      mkdirSync(join(dir, sub), { recursive: true });
      copyFileSync(join(dir, 'renamed.md'), join(dir, sub, 'renamed.md'));
    }
    writeFileSync(join(dir, '.cxlintrc.json'), JSON.stringify({ root: true, include: ['jobs/**/*.md'], exclude: ['jobs/old/**'] }));
    // Written here, not committed, so the repository's own git does not ignore the fixture.
    writeFileSync(join(dir, '.gitignore'), 'drafts/\n');
  });
  after(() => removeDir(dir));

  const linted = (args: string[]) =>
    JSON.parse(run(dir, [...args, '--format', 'json']).stdout)
      .results.map((r: { filePath: string }) => r.filePath)
      .sort();

  it('with no paths, lints the configured include globs minus exclude', () => {
    assert.deepEqual(linted([]), ['jobs/renamed.md']);
  });

  it('with a folder, lints its Markdown files but skips exclude globs and .gitignore entries', () => {
    assert.deepEqual(linted(['.']), ['clean.md', 'initiative.md', 'jobs/renamed.md', 'notes/renamed.md', 'renamed.md']);
  });

  it('a file named explicitly is linted even when .gitignore lists it', () => {
    assert.deepEqual(linted(['drafts/renamed.md']), ['drafts/renamed.md']);
  });
});
