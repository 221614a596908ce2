/**
 * Typed arrays as JSON for a queue: each Float64Array, Int32Array, Uint32Array or Uint8Array becomes
 * { $typed: kind, base64 } of its bytes, so a partial crosses Redis bit for bit (a float printed as
 * decimal text would round-trip too, at three times the size and a parse per value).
 */
const KINDS = { f64: Float64Array, i32: Int32Array, u32: Uint32Array, u8: Uint8Array } as const;
type Kind = keyof typeof KINDS;

/** A value with its typed arrays replaced by base64 records, ready for JSON.stringify. */
export function encodeTyped(value: unknown): unknown {
  // A Buffer is a Uint8Array too: it is encoded as one, and comes back as one.
  if (value instanceof Float64Array || value instanceof Int32Array || value instanceof Uint32Array || value instanceof Uint8Array) {
    const kind: Kind = value instanceof Float64Array ? "f64" : value instanceof Int32Array ? "i32" : value instanceof Uint32Array ? "u32" : "u8";
    return { $typed: kind, base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  }
  if (Array.isArray(value)) return value.map(encodeTyped);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeTyped(v)]));
  }
  return value;
}

/** The inverse of encodeTyped. */
export function decodeTyped(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeTyped);
  if (value !== null && typeof value === "object") {
    const record = value as { $typed?: Kind; base64?: string };
    if (record.$typed !== undefined && typeof record.base64 === "string") {
      const bytes = Buffer.from(record.base64, "base64");
      const Type = KINDS[record.$typed];
      if (Type === undefined) throw new TypeError(`decodeTyped: unknown typed array kind '${record.$typed}'`);
      // Copied into a fresh buffer: Buffer.from may share an unaligned pool slab.
      const copy = new Uint8Array(bytes.byteLength);
      copy.set(bytes);
      return new Type(copy.buffer);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeTyped(v)]));
  }
  return value;
}
