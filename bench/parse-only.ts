/**
 * The floor: reads every Markdown file under the given folders and parses it with
 * exactly the pipeline cx-lint uses (server/src/engine/parse/parse.ts), one file at a
 * time in one process, like `cx-lint --jobs 1`, and drops each tree. No lint.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseChunks } from '../server/src/engine/parse/parse';

function walk(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

let nodes = 0;
let files = 0;
for (const arg of process.argv.slice(2)) {
  for (const file of arg.endsWith('.md') ? [arg] : walk(arg, [])) {
    const { chunks } = parseChunks(readFileSync(file, 'utf8'));
    for (const c of chunks) nodes += c.nodes.length;
    files++;
  }
}
process.stdout.write(`${files} files, ${nodes} top-level nodes\n`);
