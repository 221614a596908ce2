import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** The owner every request has when the service runs without tokens (loopback only). */
export const LOCAL_OWNER = "local";

/** Bearer tokens by their SHA-256, each naming its owner; empty means no access control. */
export type AccessTokens = ReadonlyMap<string, string>;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Parses token lines: `name:token` or a bare `token` (owner named after its hash), one a line or
 * separated by commas; `#` starts a comment. Tokens shorter than 16 characters are refused: they
 * can be guessed.
 */
export function parseAccessTokens(text: string, origin: string): AccessTokens {
  const tokens = new Map<string, string>();
  for (const raw of text.split(/[\n,]/)) {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") continue;
    const colon = line.indexOf(":");
    const token = colon >= 0 ? line.slice(colon + 1).trim() : line;
    const hash = hashToken(token);
    const owner = colon >= 0 ? line.slice(0, colon).trim() : `token-${hash.slice(0, 8)}`;
    if (token.length < 16) throw new RangeError(`${origin}: expected tokens of at least 16 characters, got one of ${token.length} (owner '${owner}')`);
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(owner)) throw new RangeError(`${origin}: expected an owner name of letters, digits, '.', '_' or '-', got '${owner}'`);
    tokens.set(hash, owner);
  }
  return tokens;
}

/** Tokens from a file (TRUSTSIM_TOKENS_FILE or --tokens-file) and the TRUSTSIM_TOKENS variable, merged. */
export function loadAccessTokens(file: string | undefined, env: string | undefined): AccessTokens {
  const tokens = new Map<string, string>();
  if (file) for (const [h, o] of parseAccessTokens(readFileSync(file, "utf8"), file)) tokens.set(h, o);
  if (env) for (const [h, o] of parseAccessTokens(env, "TRUSTSIM_TOKENS")) tokens.set(h, o);
  return tokens;
}

/** The owner named by an Authorization header, or why not. */
export function ownerFromHeader(tokens: AccessTokens, header: string | undefined): { owner: string } | { error: string } {
  if (tokens.size === 0) return { owner: LOCAL_OWNER };
  const m = header?.match(/^Bearer\s+(\S{1,512})\s*$/i);
  if (!m) return { error: "expected an 'Authorization: Bearer <token>' header" };
  const owner = tokens.get(hashToken(m[1]));
  return owner === undefined ? { error: "unknown token" } : { owner };
}
