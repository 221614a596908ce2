/** A mistake in how the command was called (bad flag value): exit code 2, like a bad scenario. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Parses a positive whole number flag, or throws a UsageError naming the flag and the value. */
export function positiveInteger(flag: string, max = 10_000_000): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max) {
      throw new UsageError(`${flag}: expected a whole number from 1 to ${max.toLocaleString("en-GB")}, got '${value}'`);
    }
    return n;
  };
}

/** Parses a flag that must be one of `choices`. */
export function oneOf<T extends string>(flag: string, choices: readonly T[]): (value: string) => T {
  return (value: string) => {
    if (!(choices as readonly string[]).includes(value)) {
      throw new UsageError(`${flag}: expected one of ${choices.join(", ")}, got '${value}'`);
    }
    return value as T;
  };
}

/** Parses a flag that must be a number above 0 and below 1. */
export function positiveFraction(flag: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!(n > 0 && n < 1)) throw new UsageError(`${flag}: expected a number between 0 and 1 (0.01 = 1%), got '${value}'`);
    return n;
  };
}
