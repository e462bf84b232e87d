/**
 * A 53-bit hash of a text (cyrb53: two 32-bit lanes mixed together), for telling whether data has
 * changed without keeping it. Not cryptographic: a chance change slipping through is about one in
 * 2^53, where a 32-bit hash of a tab read every day could collide within a school's lifetime.
 */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Where a 32-bit FNV-1a hash starts (`fnvAdd`). */
export const FNV_OFFSET = 0x811c9dc5;

/**
 * One more text into a 32-bit FNV-1a hash, then `separator`, so ["ab", "c"] and ["a", "bc"] differ.
 * For the import checkpoint's fingerprint and the progress review's column check: a count and a
 * hash kept in properties to tell whether data changed, where a chance collision costs only a
 * recount (the 53-bit `textHash` is for what is compared every day).
 */
export function fnvAdd(h: number, text: string, separator: number): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ separator, 0x01000193);
}
