// Writes rules/schema/*.schema.json from the engine's registries (see server/src/packs/schema.ts).
// `npm run build` runs it; test/packs/schema.test.ts fails when the committed files drift.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { builtinPackDir } from '../server/src/packs/builtin';
import { loadPack } from '../server/src/packs/load-pack';
import { configSchema, packSchema, ruleSchema } from '../server/src/packs/schema';

/** cx-core's rules, so that the config schema VS Code uses lists their ids (completion, hover, typos). */
function cxCoreRules() {
  const { loaded, errors } = loadPack(builtinPackDir());
  if (!loaded) throw new Error(`cx-core does not load:\n${errors.map((e) => e.message).join('\n')}`);
  return loaded.pack.rules;
}

export function schemaFiles(): Record<string, string> {
  const fmt = (o: object) => `${JSON.stringify(o, null, 2)}\n`;
  return {
    'pack.schema.json': fmt(packSchema()),
    'rule.schema.json': fmt(ruleSchema()),
    'config.schema.json': fmt(configSchema(cxCoreRules())),
  };
}

if (require.main === module) {
  const dir = join(process.argv[2] ?? '.', 'rules', 'schema');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(schemaFiles())) writeFileSync(join(dir, name), text);
}
