import type { StressFigure, StressResult } from "../model/index.ts";
import { millions, percent } from "./format-money.ts";

/** Stressed against unstressed, GBP m: means and P90s of each run, then the paired difference with its standard error. */
export function stressTable(r: StressResult): string {
  const row = (label: string, f: StressFigure) =>
    label.padEnd(34) +
    [f.unstressed.mean, f.unstressed.p90, f.stressed.mean, f.stressed.p90, f.difference.mean].map((x) => millions(x).padStart(10)).join("") +
    `  ±${millions(f.difference.se, 2)}`;
  const out = [
    `Stress: ${r.scenario}, ${r.iterations.toLocaleString("en-GB")} iterations, seed "${r.seed}"`,
    ...r.stressed.map((s) => `  ${s.key} held in its P${+(s.lo * 100).toFixed(2)}-P${+(s.hi * 100).toFixed(2)} tail`),
    "",
    "horizon total cost, GBP m".padEnd(34) + ["mean", "P90", "stressed", "P90", "change"].map((h) => h.padStart(10)).join("") + "  (1 SE)",
  ];
  for (const o of r.options) {
    out.push(row(o.id, o.totalCost));
    if (o.probabilityFails) out.push(`  P(fails within the horizon): ${percent(o.probabilityFails.unstressed)} unstressed, ${percent(o.probabilityFails.stressed)} stressed`);
    for (const p of o.plans ?? []) out.push(row(`  plan ${p.id}`, p.totalCost));
  }
  out.push("", r.note);
  return out.join("\n") + "\n";
}
