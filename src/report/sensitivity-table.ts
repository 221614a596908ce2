import type { SensitivityResult, SwitchingValue } from "../model/index.ts";
import { millions, percent } from "./format-money.ts";

/** The tornado as text: inputs by influence, rank correlation, share of variance and the P10-P90 swing as a bar. */
export function sensitivityTable(r: SensitivityResult, top = 15): string {
  const shown = r.inputs.slice(0, top);
  const widest = Math.max(1, ...shown.map((i) => Math.abs(i.swing)));
  const keyWidth = Math.max(10, ...shown.map((i) => i.key.length));
  const out = [
    `Sensitivity of ${r.output}`,
    `${r.iterations.toLocaleString("en-GB")} iterations, seed "${r.seed}". With every input at its median: GBP ${millions(r.outputAtMedians)}m.`,
    "rho: Spearman rank correlation with the output (a yearly input by its horizon average), ± its standard error;",
    "share: rho squared as a share of the total; swing: output with the input at its P90 less at its P10, others at medians.",
    "",
    `${"input".padEnd(keyWidth)}  ${"rho".padStart(12)}  ${"share".padStart(6)}  ${"swing GBP m".padStart(11)}  tornado`,
  ];
  for (const i of shown) {
    const bar = "#".repeat(Math.round((Math.abs(i.swing) / widest) * 30));
    out.push(
      `${i.key.padEnd(keyWidth)}  ${`${i.spearman.toFixed(3)} ±${i.spearmanSe.toFixed(3)}`.padStart(12)}  ${percent(i.contributionToVariance, 0).padStart(6)}  ${millions(i.swing, 2).padStart(11)}  ${i.swing < 0 ? "-" : "+"}${bar}`,
    );
  }
  if (r.inputs.length > top) out.push(`(${r.inputs.length - top} more inputs with less influence; --format json lists all)`);
  return out.join("\n") + "\n";
}

/** A switching value in a sentence and a few figures. */
export function switchingTable(s: SwitchingValue, a: string, b: string): string {
  return [
    `${a} and ${b} cost the same over the horizon (mean, nominal) when ${s.input} = ${s.value.toPrecision(8)} (± ${s.se.toPrecision(3)}, one standard error).`,
    `There ${a} minus ${b} is GBP ${s.meanDifference.toLocaleString("en-GB")} ± ${s.meanDifferenceSe.toLocaleString("en-GB")}; each unit of the input moves it by GBP ${s.slope.toPrecision(4)}.`,
    `Searched ${s.bracket[0].toPrecision(6)} to ${s.bracket[1].toPrecision(6)}: ${s.evaluations} evaluations of ${s.iterations.toLocaleString("en-GB")} iterations on the same futures.`,
  ].join("\n") + "\n";
}
