import type { ConditioningSummary } from "../model/index.ts";
import { millions } from "./format-money.ts";

/**
 * The evidence a run was conditioned on, as lines of text: each published figure beside the
 * simulated P10-P90 before and after conditioning, and the effective sample size.
 */
export function conditioningTable(c: ConditioningSummary): string[] {
  const out: string[] = [];
  out.push(
    c.mode === "conditioned"
      ? `== Evidence: futures conditioned on ${c.evidence.length} published figure${c.evidence.length === 1 ? "" : "s"} ==`
      : "== Evidence (not used: --prior shows the unconditioned futures) ==",
  );
  out.push(
    c.mode === "conditioned"
      ? `${c.pool.toLocaleString("en-GB")} prior futures weighted by the evidence; effective sample size ${c.effectiveSampleSize.toLocaleString("en-GB")}, ${c.distinct.toLocaleString("en-GB")} distinct futures kept.`
      : `Bands over the ${c.pool.toLocaleString("en-GB")} unconditioned futures.`,
  );
  const head = "record".padEnd(40) + "year".padEnd(9) + "output".padEnd(11) + "published".padStart(11) + "   prior P10-P90".padEnd(20) + (c.mode === "conditioned" ? "conditioned P10-P50-P90" : "");
  out.push(head);
  for (const e of c.evidence) {
    const p = e.published;
    const published = p.value !== undefined ? millions(p.value) : `${p.low === undefined ? "..." : millions(p.low)} to ${p.high === undefined ? "..." : millions(p.high)}`;
    const band = (b: { p10: number; p90: number }) => `${millions(b.p10)} to ${millions(b.p90)}`;
    out.push(
      e.record.padEnd(40) + e.year.padEnd(9) + e.output.padEnd(11) + published.padStart(11) + `   ${band(e.prior)}`.padEnd(20) +
        (c.mode === "conditioned" ? `${millions(e.conditioned.p10)} / ${millions(e.conditioned.p50)} / ${millions(e.conditioned.p90)}` : "") +
        `  (${e.basis}, error sd ${(e.sdShareOfBudget * 100).toFixed(1)}% of budget)`,
    );
  }
  out.push("GBP m, nominal. Later years are forecasts from the conditioned futures.");
  return out;
}
