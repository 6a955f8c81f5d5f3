import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, removeDir, run } from './run';

// CI runs as root, where permissions cannot make a file unreadable; a link to
// nothing is a file that exists by name and cannot be read.
describe('cli: a file that cannot be read', () => {
  let dir: string;
  before(() => {
    dir = copyFixture('basic');
    symlinkSync(join(dir, 'no-such-target.md'), join(dir, 'dangling.md'));
  });
  after(() => removeDir(dir));

  it('is reported once on stderr with its name and reason, the other files are still linted, and the exit code is theirs', () => {
    const without = run(dir, ['renamed.md']).status;
    const r = run(dir, ['dangling.md', 'renamed.md']);
    assert.equal(r.status, without);
    assert.equal(r.stderr, 'cx-lint: dangling.md: is a symbolic link to a file that does not exist; not linted\n');
    assert.match(r.stdout, /renamed\.md[\s\S]*cx-renamed-customer-service/);
  });
});
