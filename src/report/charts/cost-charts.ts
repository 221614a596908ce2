import type { OptionResult, Results } from "../../model/index.ts";
import { label } from "../label.ts";
import { AXIS_NAME, millionsTick, niceBounds } from "./axis.ts";
import type { ChartSpec } from "./chart-spec.ts";
import { NEUTRAL, optionColour } from "./palette.ts";

const WIDTH = 760;
const HEIGHT = 360;

/** The y range that holds every option's P5-P95 and budget, so option charts share one scale. */
export function sharedCostScale(r: Results): { min: number; max: number } {
  const values = r.options.flatMap((o) => [...o.yearly.totalCost.flatMap((s) => [s.p5, s.p95]), ...o.yearly.budget.map((s) => s.mean)]);
  return niceBounds(Math.min(0, ...values), Math.max(...values));
}

const yearAxis = (years: string[]) => ({ type: "category" as const, data: years, name: "Financial year", nameGap: 30, boundaryGap: false, ...AXIS_NAME });
const moneyAxis = (name: string, scale?: { min: number; max: number }) => ({
  type: "value" as const,
  name,
  nameGap: 52,
  ...AXIS_NAME,
  ...(scale ?? {}),
  axisLabel: { formatter: millionsTick },
});

/**
 * One option's total cost a year: median line, P10-P90 band, and the budget as a dashed line, on
 * the scale shared by all options (pass sharedCostScale) so that options can be compared by eye.
 */
export function costFanChart(r: Results, o: OptionResult, scale: { min: number; max: number }): ChartSpec {
  const index = r.options.indexOf(o);
  const colour = optionColour(index);
  const cost = o.yearly.totalCost;
  return {
    id: `cost-${o.id}`,
    title: `${o.label}: total cost a year, GBP m nominal, median with P10-P90 band, against the budget`,
    width: WIDTH,
    height: HEIGHT,
    option: {
      color: [colour],
      grid: { left: 70, right: 20, top: 40, bottom: 56 },
      legend: { top: 4, itemGap: 24, data: ["P10-P90", "Median (P50)", "Budget"] },
      xAxis: yearAxis(r.years),
      yAxis: moneyAxis("GBP m, nominal", scale),
      series: [
        { name: "P10 (base)", type: "line", data: cost.map((s) => s.p10), stack: "band", symbol: "none", lineStyle: { opacity: 0 }, silent: true },
        {
          name: "P10-P90",
          type: "line",
          data: cost.map((s) => s.p90 - s.p10),
          stack: "band",
          symbol: "none",
          lineStyle: { opacity: 0 },
          areaStyle: { color: colour, opacity: 0.25 },
          itemStyle: { color: colour, opacity: 0.4 },
        },
        { name: "Median (P50)", type: "line", data: cost.map((s) => s.p50), symbol: "circle", symbolSize: 5, lineStyle: { width: 2.5, color: colour }, itemStyle: { color: colour } },
        { name: "Budget", type: "line", data: o.yearly.budget.map((s) => s.mean), symbol: "none", lineStyle: { type: "dashed", width: 2, color: NEUTRAL }, itemStyle: { color: NEUTRAL } },
      ],
    },
  };
}

/** Every option's mean of one yearly line on one chart (overspend, reserves), a colour each. */
export function linesByOptionChart(r: Results, line: string, title: string, id: string): ChartSpec {
  return {
    id,
    title: `${title}, GBP m nominal, mean over futures, by option`,
    width: WIDTH,
    height: HEIGHT,
    option: {
      color: r.options.map((_, i) => optionColour(i)),
      grid: { left: 70, right: 20, top: 40, bottom: 56 },
      legend: { top: 4, itemGap: 24 },
      xAxis: yearAxis(r.years),
      yAxis: moneyAxis(`${label(line)}, GBP m`),
      series: r.options.map((o, i) => ({
        name: o.label,
        type: "line" as const,
        data: o.yearly[line].map((s) => s.mean),
        symbol: ["circle", "rect", "triangle", "diamond"][i % 4],
        symbolSize: 6,
        lineStyle: { width: 2, type: (["solid", "dashed", "dotted"] as const)[i % 3] },
      })),
    },
  };
}
