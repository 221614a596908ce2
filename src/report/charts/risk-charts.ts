import type { Comparison, OptionResult, Results } from "../../model/index.ts";
import { AXIS_NAME, millionsTick, percentTick } from "./axis.ts";
import type { ChartSpec } from "./chart-spec.ts";
import { CHEAPER, DEARER, optionColour } from "./palette.ts";

/** The probability an option has failed by the end of each year, with its 95% interval as a band. */
export function failureCurveChart(r: Results, o: OptionResult): ChartSpec {
  const f = o.failure!;
  const colour = optionColour(r.options.indexOf(o));
  return {
    id: `failure-${o.id}`,
    title: `${o.label}: probability of failure (reserves below the threshold) by the end of each year, with 95% interval`,
    width: 760,
    height: 340,
    option: {
      grid: { left: 70, right: 20, top: 40, bottom: 56 },
      legend: { top: 4, itemGap: 24, data: ["95% interval", "Probability failed by year end"] },
      xAxis: { type: "category", data: r.years, name: "Financial year", nameGap: 30, boundaryGap: false, ...AXIS_NAME },
      yAxis: { type: "value", min: 0, max: 1, name: "Probability failed", nameGap: 48, ...AXIS_NAME, axisLabel: { formatter: percentTick } },
      series: [
        { name: "low", type: "line", data: f.probabilityByYear.map((p) => p.ci95[0]), stack: "ci", symbol: "none", lineStyle: { opacity: 0 }, silent: true },
        {
          name: "95% interval",
          type: "line",
          data: f.probabilityByYear.map((p) => p.ci95[1] - p.ci95[0]),
          stack: "ci",
          symbol: "none",
          lineStyle: { opacity: 0 },
          areaStyle: { color: colour, opacity: 0.3 },
          itemStyle: { color: colour, opacity: 0.4 },
        },
        { name: "Probability failed by year end", type: "line", data: f.probabilityByYear.map((p) => p.p), lineStyle: { width: 2.5, color: colour }, itemStyle: { color: colour } },
      ],
    },
  };
}

/**
 * The distribution of a paired cost difference (a minus b) over the horizon: bars left of zero
 * (a cheaper) in blue, right of zero (a dearer) in vermillion, the two roles of the palette.
 */
export function differenceHistogramChart(c: Comparison, labels: { a: string; b: string }): ChartSpec {
  const h = c.histogram;
  const width = (h.hi - h.lo) / h.counts.length;
  const total = h.counts.reduce((s, n) => s + n, 0) || 1;
  const centre = (i: number) => h.lo + (i + 0.5) * width;
  const bar = (keep: (x: number) => boolean) => h.counts.map((n, i) => [centre(i), keep(centre(i)) ? n / total : 0]);
  return {
    id: `difference-${c.a}-${c.b}`,
    title: `${labels.a} minus ${labels.b}: distribution of the difference in total cost over the horizon, GBP m nominal`,
    width: 760,
    height: 320,
    option: {
      grid: { left: 70, right: 20, top: 40, bottom: 56 },
      legend: { top: 4, itemGap: 24, data: [`${labels.a} cheaper`, `${labels.a} dearer`] },
      xAxis: {
        type: "value",
        min: h.lo,
        max: h.hi,
        name: `${labels.a} minus ${labels.b}, GBP m over the horizon`,
        nameGap: 30,
        ...AXIS_NAME,
        axisLabel: { formatter: millionsTick, hideOverlap: true },
      },
      yAxis: { type: "value", name: "Share of futures", nameGap: 48, ...AXIS_NAME, axisLabel: { formatter: percentTick } },
      series: [
        { name: `${labels.a} cheaper`, type: "bar", data: bar((x) => x < 0), barWidth: "90%", barGap: "-100%", itemStyle: { color: CHEAPER } },
        {
          name: `${labels.a} dearer`,
          type: "bar",
          data: bar((x) => x >= 0),
          barWidth: "90%",
          barGap: "-100%",
          itemStyle: { color: DEARER },
          markLine: { symbol: "none", silent: true, label: { show: false }, lineStyle: { color: "#000", type: "dashed" }, data: h.lo < 0 && h.hi > 0 ? [{ xAxis: 0 }] : [] },
        },
      ],
    },
  };
}
