import type { RootContent } from 'mdast';

interface Entry {
  /** The chunk's text, copied so that it does not keep the whole document alive. */
  key: string;
  nodes: readonly RootContent[];
}

/**
 * The parsed chunks of one document's previous version, owned by whoever re-lints
 * that document (the language server keeps one per open document). A chunk whose
 * text is unchanged is not parsed again: the parser is a pure function of the chunk's
 * text, so the cached tree is exactly what parsing would give. Only the chunks of the
 * latest parse are kept, so the cache holds about one document's trees.
 */
export class ParseCache {
  private entries = new Map<string, Entry>();
  private next = new Map<string, Entry>();
  /** Chunks reused and parsed by the last parse (tests and the benchmark read them). */
  hits = 0;
  misses = 0;

  begin(): void {
    this.next = new Map();
    this.hits = 0;
    this.misses = 0;
  }

  take(chunk: string, parse: (chunk: string) => RootContent[]): readonly RootContent[] {
    let entry = this.entries.get(chunk) ?? this.next.get(chunk);
    if (entry) this.hits++;
    else {
      this.misses++;
      // A slice of the document would pin the whole document text (and every node
      // value sliced from it) for as long as the entry lives; a flat copy pins only
      // the chunk.
      const key = flatCopy(chunk);
      entry = { key, nodes: parse(key) };
    }
    this.next.set(entry.key, entry);
    return entry.nodes;
  }

  end(): void {
    this.entries = this.next;
    this.next = new Map();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A copy of `s` that shares no storage with the string it was sliced from. */
function flatCopy(s: string): string {
  // Concatenation makes a new string that V8 flattens into its own buffer on first
  // read; the slice then points into that buffer instead of the document.
  return (' ' + s).slice(1);
}
