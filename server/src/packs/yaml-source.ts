import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { PackError } from './diagnostics';

/** A parsed YAML/JSON file that can say where any of its values came from. */
export class YamlSource {
  readonly doc: Document;
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
  }

  errors(): PackError[] {
    return this.doc.errors.map((e) => {
      const pos = e.linePos?.[0] ?? (e.pos ? this.lines.linePos(e.pos[0]) : { line: 1, col: 1 });
      return new PackError(this.file, pos.line, pos.col, `${e.message.split('\n')[0]}. Fix the YAML syntax.`);
    });
  }

  toJS(): unknown {
    return this.doc.toJS({ maxAliasCount: 100 });
  }

  /** Line and column of the value at a JSON pointer such as /rules/0/severity. */
  position(pointer: string): { line: number; col: number } {
    const path = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return this.lines.linePos(node.range[0]);
    }
    return { line: 1, col: 1 };
  }

  /** Position of a key (for "unknown property" errors). */
  keyPosition(pointer: string, key: string): { line: number; col: number } {
    const parent = this.doc.getIn(pointer.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p)), true) as any;
    const pair = parent?.items?.find((it: any) => it.key?.value === key);
    if (pair?.key?.range) return this.lines.linePos(pair.key.range[0]);
    return this.position(pointer);
  }
}
