// Writes rules/schema/*.schema.json from the engine's registries (see server/src/packs/schema.ts).
// `npm run build` runs it; test/packs/schema.test.ts fails when the committed files drift.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema, packSchema, ruleSchema } from '../server/src/packs/schema';

export function schemaFiles(): Record<string, string> {
  const fmt = (o: object) => `${JSON.stringify(o, null, 2)}\n`;
  return {
    'pack.schema.json': fmt(packSchema()),
    'rule.schema.json': fmt(ruleSchema()),
    'config.schema.json': fmt(configSchema()),
  };
}

if (require.main === module) {
  const dir = join(process.argv[2] ?? '.', 'rules', 'schema');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(schemaFiles())) writeFileSync(join(dir, name), text);
}
