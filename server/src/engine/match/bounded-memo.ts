/**
 * Answers already worked out, by key, for pure functions asked the same thing again
 * and again (a word's pattern ids, a heading's role). Bounded: when it holds `max`
 * keys it starts again empty, so a stream of ever-new keys (a hostile or huge
 * document, a long editor session) costs at most `max` entries, never unbounded memory.
 */
export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}

  /** The remembered value, or undefined. (With `put`: for hot paths that should not make a closure per call.) */
  peek(key: K): V | undefined {
    return this.map.get(key);
  }

  put(key: K, value: V): V {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, value);
    return value;
  }

  get(key: K, make: () => V): V {
    const hit = this.map.get(key);
    return hit !== undefined ? hit : this.put(key, make());
  }

  clear(): void {
    this.map.clear();
  }
}
