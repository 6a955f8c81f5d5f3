import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatResults, lintFiles } from '../../server/src/api';
import { ROOT } from '../helpers/fixtures';
import { copyFixture, removeDir, run } from './run';
import { FORMAT_NAMES } from '../../server/src/report/formats';

// Golden files are reviewed output; regenerate with UPDATE_GOLDEN=1 npx mocha … and review the diff.
const GOLDEN = join(ROOT, 'test', 'fixtures', 'cli', 'golden');
// Every format in the registry the CLI and the API read.
const FORMATS = FORMAT_NAMES;

describe('cli: golden output per format (sorted and stable)', () => {
  let dir: string;
  before(() => {
    dir = copyFixture('basic');
  });
  after(() => removeDir(dir));

  for (const format of FORMATS) {
    it(`--format ${format} prints exactly the reviewed output, and the same twice`, () => {
      const first = run(dir, ['--format', format, '.']);
      const second = run(dir, ['--format', format, '.']);
      assert.equal(first.status, 0, first.stderr);
      assert.equal(first.stdout, second.stdout, 'output is stable across runs');
      const file = join(GOLDEN, `basic.${format}.txt`);
      // The package's own folder (in docs links) and version differ between checkouts.
      const normalised = first.stdout
        .split(pathToFileURL(ROOT).href)
        .join('file:///CX_LINT_ROOT')
        .replace(/"version": "\d+\.\d+\.\d+[^"]*"/g, '"version": "X"');
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, normalised);
      assert.equal(normalised, readFileSync(file, 'utf8'));
    });
  }

  for (const format of FORMATS) {
    // SARIF's rule list (description, default level) once came from the findings in the API only.
    it(`the Node API formatResults gives the CLI's ${format} output`, () => {
      const files = ['clean.md', 'initiative.md', 'renamed.md'].map((f) => join(dir, f));
      const api = formatResults(lintFiles(files), format, { cwd: dir });
      assert.equal(api, run(dir, ['--format', format, '.']).stdout);
    });
  }
});
