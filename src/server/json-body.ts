import { HttpError } from "./http-error.ts";

/** JSON bodies nested deeper than this are refused before parsing (a scenario needs about 7 levels). */
export const MAX_JSON_DEPTH = 64;

/**
 * The nesting depth of JSON text, by one pass over its characters (strings skipped), stopping as
 * soon as it exceeds `limit`: no recursion, no allocation, so any body is checked in linear time.
 */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/** Parses a JSON request body, refusing deep nesting first; errors are 400s that say what was wrong. */
export function parseJsonBody(text: string): unknown {
  if (text.length === 0) throw new HttpError(400, "body: expected JSON, got an empty body");
  if (jsonDepthExceeds(text)) throw new HttpError(400, `body: expected JSON nested at most ${MAX_JSON_DEPTH} levels deep (a scenario needs about 7)`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `body: malformed JSON: ${(error as Error).message.slice(0, 200)}`);
  }
}
