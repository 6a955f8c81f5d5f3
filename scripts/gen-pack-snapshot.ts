// Writes dist/cx-core.pack.json: the built-in pack, loaded and validated once at build
// time, so each CLI run and worker skips YAML parsing, schema compilation and pattern
// compilation for it
// (server/src/packs/pack-snapshot.ts checks every file's bytes before trusting it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compiledRows, createSetup } from '../server/src/engine';
import { BUILTIN_SNAPSHOT } from '../server/src/packs/builtin';
import { PackErrors } from '../server/src/packs/diagnostics';
import { loadPack } from '../server/src/packs/load-pack';
import { makeSnapshot } from '../server/src/packs/pack-snapshot';

const root = process.argv[2] ?? '.';
const { loaded, errors } = loadPack(join(root, 'rules', 'cx-core'));
if (!loaded) {
  // A broken built-in pack is reported by the tests and at run time; write no snapshot.
  process.stderr.write(`gen-pack-snapshot: built-in pack not loaded:\n${new PackErrors(errors).message}\n`);
} else {
  // A setup compiles every pattern the pack holds (lexicons, vocabulary, negation cues);
  // the snapshot keeps them all compiled.
  createSetup([loaded.pack]);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', BUILTIN_SNAPSHOT), JSON.stringify(makeSnapshot(loaded, compiledRows())));
}
