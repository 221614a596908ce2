import type { ConditioningSummary } from "../model/index.ts";
import { millions, percent } from "./format-money.ts";

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
  if (c.nationalDropped) out.push("National figures left out: they could not be matched together with this scenario's own (effective sample too small).");
  const head = "record".padEnd(40) + "year".padEnd(9) + "output".padEnd(11) + "published".padStart(11) + "   prior P10-P90".padEnd(20) + (c.mode === "conditioned" ? "conditioned P10-P50-P90" : "");
  out.push(head);
  for (const e of c.evidence) {
    const p = e.published;
    // National figures are growth rates, shown as percentages; a scenario's own are GBP m.
    const show = e.option === "national" ? (x: number) => percent(x, 1) : (x: number) => millions(x);
    const published = p.value !== undefined ? show(p.value) : `${p.low === undefined ? "..." : show(p.low)} to ${p.high === undefined ? "..." : show(p.high)}`;
    const band = (b: { p10: number; p90: number }) => `${show(b.p10)} to ${show(b.p90)}`;
    out.push(
      (e.option === "national" ? "national" : e.record).padEnd(40) + e.year.padEnd(9) + e.output.padEnd(11) + published.padStart(11) + `   ${band(e.prior)}`.padEnd(20) +
        (c.mode === "conditioned" ? `${show(e.conditioned.p10)} / ${show(e.conditioned.p50)} / ${show(e.conditioned.p90)}` : "") +
        (e.option === "national" ? "  (national series)" : `  (${e.basis}, error sd ${(e.sdShareOfBudget * 100).toFixed(1)}% of budget)`),
    );
  }
  out.push("GBP m, nominal. Later years are forecasts from the conditioned futures.");
  return out;
}
