import type { Results, SensitivityResult } from "../../model/index.ts";
import type { ChartSpec } from "./chart-spec.ts";
import { costFanChart, linesByOptionChart, sharedCostScale } from "./cost-charts.ts";
import { differenceHistogramChart, failureCurveChart } from "./risk-charts.ts";
import { tornadoChart } from "./tornado-chart.ts";

/** Every chart of a run, by role, in the order a report shows them; pages, XLSX and DOCX share it. */
export interface ResultCharts {
  cost: ChartSpec[];
  overspend: ChartSpec;
  reserves: ChartSpec | null;
  failure: ChartSpec[];
  differences: ChartSpec[];
  tornado: ChartSpec | null;
}

export function resultCharts(r: Results, sensitivity?: SensitivityResult): ResultCharts {
  const scale = sharedCostScale(r);
  const labelOf = (id: string) => r.options.find((o) => o.id === id)?.label ?? id;
  const hasReserves = r.options.some((o) => o.yearly.reserves.some((s) => s.mean !== 0));
  return {
    cost: r.options.map((o) => costFanChart(r, o, scale)),
    overspend: linesByOptionChart(r, "overspend", "Overspend (cost above budget) a year", "overspend"),
    reserves: hasReserves ? linesByOptionChart(r, "reserves", "Reserves at the end of each year", "reserves") : null,
    failure: r.options.filter((o) => o.failure).map((o) => failureCurveChart(r, o)),
    differences: r.comparisons.map((c) => differenceHistogramChart(c, { a: labelOf(c.a), b: labelOf(c.b) })),
    tornado: sensitivity ? tornadoChart(sensitivity, `What drives ${sensitivityLabel(sensitivity.output, labelOf)}: the ten most influential inputs`) : null,
  };
}

/** A sensitivity's output ("trust minus in-house: total cost over the horizon, GBP nominal") with option labels. */
export function sensitivityLabel(output: string, labelOf: (id: string) => string): string {
  const pair = /^(.+?) minus (.+?): /.exec(output);
  if (pair) return `the difference in total cost over the horizon, ${labelOf(pair[1])} minus ${labelOf(pair[2])}`;
  const one = /^(.+?): /.exec(output);
  return one ? `the total cost over the horizon of ${labelOf(one[1])}` : output;
}
