// The ESM build: esbuild bundles it whole (the UMD build's lazy require('./impl/…') calls are invisible to a bundler).
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { lastAtOrBefore } from '../engine';
import { PackError } from './diagnostics';
import { encodingProblem, nestingProblem } from './read-limits';
import type { Source } from './source';

/** What each jsonc-parser error code means, in words a person fixing the file can act on. */
const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'not a valid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between items',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the list',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'not a valid comment',
  UnexpectedEndOfComment: 'a /* comment */ is not closed',
  UnexpectedEndOfString: 'a string is not closed with "',
  UnexpectedEndOfNumber: 'a number ends too early',
  InvalidUnicode: 'not a valid \\u escape',
  InvalidEscapeCharacter: 'not a valid escape character',
  InvalidCharacter: 'a character that must be escaped inside a string',
};

/**
 * A `.json` config file (`.cxlintrc.json`, package.json) parsed as JSON, with
 * comments and trailing commas allowed as in tsconfig.json and VS Code's settings
 * (jsonc-parser), so syntax errors say JSON and point at the offending character,
 * and every value and key can be located for later errors.
 */
export class JsonSource implements Source {
  private root: Node | undefined;
  private readonly problems: PackError[] = [];
  private readonly lineStarts: number[] = [0];
  private value: unknown;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    const pre = encodingProblem(text) ?? nestingProblem(text);
    if (pre) {
      this.problems.push(this.error(pre.offset, pre.reason));
      return;
    }
    // A byte order mark is not JSON, but editors write it: read past it (a space keeps offsets).
    const body = text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
    const errors: ParseError[] = [];
    try {
      this.root = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
      for (const e of errors.slice(0, 20)) {
        const what = JSON_ERRORS[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error);
        this.problems.push(this.error(e.offset, `JSON syntax error: ${what}. Fix the JSON syntax (comments and trailing commas are allowed).`));
      }
      if (errors.length) return;
      this.checkDuplicates(this.root);
      if (!this.problems.length) this.value = this.root ? toValue(this.root) : undefined;
    } catch (e) {
      // The parser and these walks recurse; nestingProblem reads YAML, and a JSON comment can hide nesting from it.
      if (!(e instanceof RangeError)) throw e;
      this.root = undefined;
      this.problems.push(this.error(0, 'lists and maps nest too deep to read. Flatten the data.'));
    }
  }

  private error(offset: number, reason: string): PackError {
    const p = this.linePos(offset);
    return new PackError(this.file, p.line, p.col, reason);
  }

  private linePos(offset: number): { line: number; col: number } {
    const line = lastAtOrBefore(this.lineStarts, offset, (s) => s);
    return { line: line + 1, col: offset - this.lineStarts[line] + 1 };
  }

  /** JSON parsers keep the last of two equal keys; a config that says a thing twice is a mistake to show. */
  private checkDuplicates(node: Node | undefined): void {
    if (!node?.children) return;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children) {
        const key = prop.children?.[0];
        if (key && typeof key.value === 'string') {
          if (seen.has(key.value))
            this.problems.push(this.error(key.offset, `the key "${key.value}" appears twice in this object; JSON keeps only the last. Remove one.`));
          seen.add(key.value);
        }
      }
    }
    for (const c of node.children) this.checkDuplicates(c);
  }

  errors(): PackError[] {
    return this.problems;
  }

  toJS(): unknown {
    return this.value;
  }

  topKeys(): string[] | null | undefined {
    if (!this.root) return undefined;
    if (this.root.type !== 'object') return null;
    return (this.root.children ?? []).map((p) => p.children?.[0]?.value).filter((k): k is string => typeof k === 'string');
  }

  private path(pointer: string): Array<string | number> {
    return pointer
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  }

  /** The node at a pointer, or the deepest existing node on the way to it. */
  private nodeAt(pointer: string): Node | undefined {
    if (!this.root) return undefined;
    const path = this.path(pointer);
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.root : findNodeAtLocation(this.root, path.slice(0, n));
      if (node) return node;
    }
    return undefined;
  }

  position(pointer: string): { line: number; col: number } {
    const node = this.nodeAt(pointer);
    return node ? this.linePos(node.offset) : { line: 1, col: 1 };
  }

  positionIn(pointer: string, offset: number): { line: number; col: number } {
    const node = this.root && findNodeAtLocation(this.root, this.path(pointer));
    if (node?.type === 'string' && typeof node.value === 'string') {
      const start = node.offset + 1;
      if (this.text.slice(start, start + node.value.length) === node.value) return this.linePos(start + Math.min(offset, node.value.length));
    }
    return this.position(pointer);
  }

  keyPosition(pointer: string, key: string): { line: number; col: number } {
    const parent = this.root && (pointer ? findNodeAtLocation(this.root, this.path(pointer)) : this.root);
    if (parent?.type === 'object') {
      const prop = parent.children?.find((p) => p.children?.[0]?.value === key);
      if (prop?.children?.[0]) return this.linePos(prop.children[0].offset);
    }
    return this.position(pointer);
  }
}

/** The value of a node, as JSON.parse would give it: "__proto__" is an own key like any other. */
function toValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || typeof k.value !== 'string') continue;
        Object.defineProperty(out, k.value, { value: v ? toValue(v) : null, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}
