import { LineCounter, parseDocument, isMap, isNode, isScalar, visit, type Document } from 'yaml';
import { PackError } from './diagnostics';
import { encodingProblem, nestingProblem } from './read-limits';
import type { Source } from './source';

/** Aliases a file may expand: enough for real reuse, not for a "billion laughs" bomb. */
const MAX_ALIAS_COUNT = 100;

/** A parsed YAML/JSON file that can say where any of its values came from. */
export class YamlSource implements Source {
  readonly doc: Document;
  private readonly lines = new LineCounter();
  /** Problems found before or after parsing: encoding, nesting, alias expansion. */
  private readonly problems: PackError[] = [];
  private value: unknown;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    const pre = encodingProblem(text) ?? nestingProblem(text);
    if (pre) {
      // Not parsed: the parser would overflow the stack or report every line.
      this.doc = parseDocument('');
      const lines = new LineCounter();
      lines.addNewLine(0);
      for (let at = text.indexOf('\n'); at >= 0 && at < pre.offset; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
      const pos = lines.linePos(pre.offset);
      this.problems.push(new PackError(file, pos.line, pos.col, pre.reason));
      return;
    }
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    if (this.doc.errors.length) return;
    try {
      this.value = this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      // yaml throws a ReferenceError without a position for an alias bomb: locate the first alias.
      if (!(e instanceof ReferenceError)) throw e;
      let at = 0;
      visit(this.doc, {
        Alias: (_, node) => {
          at = node.range?.[0] ?? 0;
          return visit.BREAK;
        },
      });
      const pos = this.lines.linePos(at);
      this.problems.push(
        new PackError(
          file,
          pos.line,
          pos.col,
          `its aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies, like a "billion laughs" attack; it was not read. Write the values out.`,
        ),
      );
    }
  }

  errors(): PackError[] {
    return [
      ...this.problems,
      ...this.doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? (e.pos ? this.lines.linePos(e.pos[0]) : { line: 1, col: 1 });
        return new PackError(this.file, pos.line, pos.col, `${e.message.split('\n')[0]}. Fix the YAML syntax.`);
      }),
    ];
  }

  /** The data; only meaningful when errors() is empty. */
  toJS(): unknown {
    return this.value;
  }

  topKeys(): string[] | null | undefined {
    const c = this.doc.contents;
    if (c === null || c === undefined) return undefined;
    if (!isMap(c)) return null;
    return c.items.flatMap((pair) => (isScalar(pair.key) && typeof pair.key.value === 'string' ? [pair.key.value] : []));
  }

  /** Line and column of the value at a JSON pointer such as /rules/0/severity. */
  position(pointer: string): { line: number; col: number } {
    const path = this.path(pointer);
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return this.lines.linePos(node.range[0]);
    }
    return { line: 1, col: 1 };
  }

  /**
   * Line and column of character `offset` of the string at a pointer, when the file
   * spells the string as is (plain, or quoted without escapes); else of the value.
   */
  positionIn(pointer: string, offset: number): { line: number; col: number } {
    const node = this.doc.getIn(this.path(pointer), true);
    if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : node.type === 'PLAIN' ? 0 : -1;
      const start = node.range[0] + quoted;
      if (quoted >= 0 && this.text.slice(start, start + node.value.length) === node.value)
        return this.lines.linePos(start + Math.min(offset, node.value.length));
    }
    return this.position(pointer);
  }

  private path(pointer: string): Array<string | number> {
    return pointer
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  }

  /** Position of a key (for "unknown property" errors). */
  keyPosition(pointer: string, key: string): { line: number; col: number } {
    const parent = this.doc.getIn(
      pointer
        .split('/')
        .slice(1)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      true,
    ) as any;
    const pair = parent?.items?.find((it: any) => it.key?.value === key);
    if (pair?.key?.range) return this.lines.linePos(pair.key.range[0]);
    return this.position(pointer);
  }
}
