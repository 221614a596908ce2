/**
 * 32-bit hashing used only to derive generator states, never as a random source itself.
 * FNV-1a for strings (http://www.isthe.com/chongo/tech/comp/fnv/) and MurmurHash3's fmix32
 * finaliser (https://github.com/aappleby/smhasher) to spread nearby integers apart.
 */

/** FNV-1a hash of a string's UTF-16 code units, as an unsigned 32-bit integer. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3 fmix32: a bijection on 32-bit integers with full avalanche. */
export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
