import { HttpError } from "./http-error.ts";
import type { RunStore } from "./run-store.ts";

/** Per-owner limits: what one token may run and keep. */
export interface QuotaLimits {
  /** Runs of one owner going at once. */
  maxConcurrentRuns: number;
  /** Runs one owner may start in any hour. */
  maxRunsPerHour: number;
  /** Bytes one owner's stored runs may take (deflated inputs, results, downloads). */
  maxStoredBytes: number;
  /** Retention: finished runs kept per owner, newest first. */
  keepRuns: number;
  /** Retention: finished runs older than this many days are deleted. */
  keepDays: number;
}

export const DEFAULT_QUOTAS: QuotaLimits = {
  maxConcurrentRuns: 2,
  maxRunsPerHour: 120,
  maxStoredBytes: 1024 * 1024 * 1024,
  keepRuns: 200,
  keepDays: 30,
};

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** Applies an owner's quotas and retention against the run store. */
export class RunQuotas {
  constructor(
    private readonly store: RunStore,
    readonly limits: QuotaLimits,
  ) {}

  /** Retention first (oldest finished runs beyond the limits go), then each quota; throws 429 naming the one hit. */
  admit(owner: string, now = Date.now()): void {
    this.retain(owner, now);
    const l = this.limits;
    const active = this.store.activeCount(owner);
    if (active >= l.maxConcurrentRuns) {
      throw new HttpError(429, `${active} of your runs are going, the most one token may run at once; wait for one to finish or cancel it (DELETE /runs/:id)`, { "retry-after": "5" });
    }
    const lastHour = this.store.createdSince(owner, new Date(now - 3_600_000).toISOString());
    if (lastHour >= l.maxRunsPerHour) {
      throw new HttpError(429, `you started ${lastHour} runs in the last hour, the most one token may; try again later`, { "retry-after": "60" });
    }
    const stored = this.store.storedBytes(owner);
    if (stored >= l.maxStoredBytes) {
      throw new HttpError(429, `your stored runs take ${mb(stored)} of your ${mb(l.maxStoredBytes)}; delete some (DELETE /runs/:id) before starting another`);
    }
  }

  /** Deletes an owner's finished runs beyond the newest `keepRuns` or older than `keepDays`; never one in progress. */
  retain(owner: string, now = Date.now()): string[] {
    return this.store.evict(owner, this.limits.keepRuns, new Date(now - this.limits.keepDays * 86_400_000).toISOString());
  }
}
