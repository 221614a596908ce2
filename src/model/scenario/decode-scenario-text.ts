import { ScenarioError } from "../quantities/scenario-error.ts";

/**
 * The text of a scenario file from its bytes: UTF-8 (with or without a byte-order mark), or UTF-16
 * when it starts with a byte-order mark (as Windows editors save "Unicode"). Anything else that is
 * not valid UTF-8 is refused with a message that says so, rather than parsed as garbage.
 */
export function decodeScenarioText(bytes: Uint8Array, name = "scenario file"): string {
  const refuse = (message: string): never => {
    throw new ScenarioError([{ path: "", message }], name);
  };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode("utf-16le", bytes.subarray(2), refuse);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    if (swapped.length % 2 !== 0) refuse("expected UTF-16 text (it starts with a UTF-16 byte-order mark) but it has an odd number of bytes");
    swapped.swap16();
    return decode("utf-16le", swapped, refuse);
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const text = decode("utf-8", body, refuse);
  if (text.includes("\u0000")) refuse("expected a UTF-8 or UTF-16 (with byte-order mark) text file, found NUL bytes; save it as UTF-8");
  return text;
}

function decode(encoding: "utf-8" | "utf-16le", bytes: Uint8Array, refuse: (m: string) => never): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return refuse(`expected ${encoding === "utf-8" ? "UTF-8" : "UTF-16"} text, found bytes that are not; save the file as UTF-8`);
  }
}
