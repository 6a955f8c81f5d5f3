import type { PackError } from './diagnostics';

/** A parsed config or pack file (YAML or JSON) that can say where any of its keys and values are. */
export interface Source {
  readonly file: string;
  readonly text: string;
  /** Syntax and read problems, located. */
  errors(): PackError[];
  /** The data; only meaningful when errors() is empty. */
  toJS(): unknown;
  /** Line and column of the value at a JSON pointer such as /rules/0/severity. */
  position(pointer: string): { line: number; col: number };
  /** Line and column of character `offset` of the string at a pointer (else of the value). */
  positionIn(pointer: string, offset: number): { line: number; col: number };
  /** Position of a key (for "unknown property" errors). */
  keyPosition(pointer: string, key: string): { line: number; col: number };
  /** The top-level keys when the file is a mapping (even half-parsed), undefined when empty, null when it is something else. */
  topKeys(): string[] | null | undefined;
}

/** A source seen through a prefix: the "cxlint" object of a package.json as if it were the whole file. */
export function under(src: Source, prefix: string): Source {
  return {
    file: src.file,
    text: src.text,
    errors: () => src.errors(),
    toJS: () => src.toJS(),
    position: (p) => src.position(`${prefix}${p}`),
    positionIn: (p, o) => src.positionIn(`${prefix}${p}`, o),
    keyPosition: (p, k) => src.keyPosition(`${prefix}${p}`, k),
    topKeys: () => src.topKeys(),
  };
}
