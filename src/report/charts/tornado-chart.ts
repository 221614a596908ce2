import type { SensitivityResult } from "../../model/index.ts";
import { assumptionLabel } from "../label.ts";
import { AXIS_NAME, millionsTick } from "./axis.ts";
import type { ChartSpec } from "./chart-spec.ts";
import { CHEAPER, DEARER } from "./palette.ts";

/**
 * The tornado: for the most influential inputs, how far the output moves from the all-medians case
 * when one input goes to its P10 (blue) or its P90 (vermillion). Bars are drawn from the median
 * case, so the axis reads as a change in GBP m; labels are the inputs in words, wrapped, not cut.
 */
export function tornadoChart(s: SensitivityResult, title: string, top = 10): ChartSpec {
  const rows = [...s.inputs].sort((x, y) => Math.abs(y.swing) - Math.abs(x.swing)).slice(0, top).reverse();
  const height = 90 + rows.length * 34;
  return {
    id: "tornado",
    title,
    width: 760,
    height,
    option: {
      grid: { left: 262, right: 24, top: 40, bottom: 56 },
      legend: { top: 4, itemGap: 24, data: ["Input at its P10", "Input at its P90"] },
      xAxis: {
        type: "value",
        name: "Change from the all-medians case, GBP m",
        nameGap: 30,
        ...AXIS_NAME,
        axisLabel: { formatter: millionsTick, hideOverlap: true },
      },
      yAxis: {
        type: "category",
        data: rows.map((i) => assumptionLabel(i.key)),
        axisLabel: { width: 220, overflow: "break", fontSize: 11, lineHeight: 13 },
        axisTick: { show: false },
      },
      series: [
        { name: "Input at its P10", type: "bar", stack: "swing", data: rows.map((i) => i.outputAtP10 - s.outputAtMedians), itemStyle: { color: CHEAPER }, barWidth: 18 },
        { name: "Input at its P90", type: "bar", stack: "swing", data: rows.map((i) => i.outputAtP90 - s.outputAtMedians), itemStyle: { color: DEARER }, barWidth: 18 },
      ],
    },
  };
}
