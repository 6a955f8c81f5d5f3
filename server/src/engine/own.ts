/**
 * Rule ids, preset names and option keys come from config and pack files, so they
 * can be "constructor", "toString" or "__proto__". Looked up in a plain object they
 * find Object.prototype's members ("got function Object() { [native code] }", a
 * preset that does not exist accepted) or set an object's prototype. These two
 * helpers make such keys ordinary.
 */

/** The value stored under `key` itself, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && record !== null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An empty record without a prototype: assigning "__proto__" to it stores a key like any other. */
export function keyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
