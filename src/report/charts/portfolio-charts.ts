import type { PortfolioReport } from "../../model/index.ts";
import { AXIS_NAME, millionsTick, percentTick } from "./axis.ts";
import type { ChartSpec } from "./chart-spec.ts";
import { OKABE_ITO } from "./palette.ts";

/** Half-width of a 95% interval for a probability from `n` futures: 1.96 sqrt(p(1-p)/n). */
export function probabilityHalfWidth(p: number, n: number): number {
  return 1.96 * Math.sqrt((p * (1 - p)) / n);
}

/**
 * The chance that at least 1, 2 and 3 members have failed by the end of each year, each with its
 * 95% interval as a band (stacked: an invisible base at the lower bound, the band's width above it).
 */
export function portfolioFailuresChart(r: PortfolioReport): ChartSpec {
  const n = r.portfolio.iterations;
  const years = r.years.map((y) => y.year);
  const series = [0, 1, 2].flatMap((k) => {
    const colour = OKABE_ITO[k];
    const p = r.years.map((y) => y.failedBy[k]);
    const lo = p.map((x) => Math.max(0, x - probabilityHalfWidth(x, n)));
    const hi = p.map((x) => Math.min(1, x + probabilityHalfWidth(x, n)));
    const name = `At least ${k + 1} failed`;
    return [
      { name: `${name} (low)`, type: "line" as const, data: lo, stack: `ci${k}`, symbol: "none", lineStyle: { opacity: 0 }, silent: true },
      { name: `${name}, 95% interval`, type: "line" as const, data: hi.map((h, t) => h - lo[t]), stack: `ci${k}`, symbol: "none", lineStyle: { opacity: 0 }, areaStyle: { color: colour, opacity: 0.25 }, itemStyle: { color: colour, opacity: 0.4 }, silent: true },
      {
        name,
        type: "line" as const,
        data: p,
        symbol: ["circle", "rect", "triangle"][k],
        symbolSize: 6,
        lineStyle: { width: 2.5, color: colour, type: (["solid", "dashed", "dotted"] as const)[k] },
        itemStyle: { color: colour },
      },
    ];
  });
  return {
    id: "portfolio-failures",
    title: "Chance that at least 1, 2 and 3 members have failed by the end of each year, with 95% intervals",
    width: 760,
    height: 360,
    option: {
      grid: { left: 70, right: 20, top: 40, bottom: 56 },
      legend: { top: 4, itemGap: 24, data: ["At least 1 failed", "At least 2 failed", "At least 3 failed"] },
      xAxis: { type: "category", data: years, name: "Financial year", nameGap: 30, boundaryGap: false, ...AXIS_NAME },
      yAxis: { type: "value", min: 0, max: 1, name: "Probability", nameGap: 48, ...AXIS_NAME, axisLabel: { formatter: percentTick } },
      series,
    },
  };
}

/** A response plan's id in words, short enough for an axis ("council-step-in" -> "council step-in"). */
export function planName(id: string): string {
  return id.replace(/-/g, " ").replace(/\bdfe\b/gi, "DfE");
}

/**
 * Each response plan's cost to the DfE and to the councils over the portfolio: the expected cost
 * (solid) beside its P90 (light), one colour per payer, on one horizontal scale.
 */
export function portfolioPlansChart(r: PortfolioReport): ChartSpec {
  const plans = [...r.plans].reverse();
  const bar = (name: string, colour: string, opacity: number, data: number[]) => ({ name, type: "bar" as const, data, itemStyle: { color: colour, opacity }, barMaxWidth: 14 });
  return {
    id: "portfolio-plans",
    title: "Each response plan over the portfolio: expected and P90 cost to the DfE and to councils, GBP m nominal",
    width: 760,
    height: 120 + plans.length * 78,
    option: {
      grid: { left: 170, right: 24, top: 56, bottom: 56 },
      legend: { top: 4, itemGap: 18, data: ["DfE, expected", "DfE, P90", "Councils, expected", "Councils, P90"] },
      xAxis: { type: "value", name: "GBP m, nominal, failure to end of horizon", nameGap: 30, ...AXIS_NAME, axisLabel: { formatter: millionsTick, hideOverlap: true } },
      yAxis: { type: "category", data: plans.map((p) => planName(p.id)), axisLabel: { width: 150, overflow: "break", fontSize: 11 }, axisTick: { show: false } },
      series: [
        bar("DfE, expected", OKABE_ITO[0], 1, plans.map((p) => p.dfe.mean)),
        bar("DfE, P90", OKABE_ITO[4], 1, plans.map((p) => p.dfe.p90)),
        bar("Councils, expected", OKABE_ITO[5], 1, plans.map((p) => p.council.mean)),
        bar("Councils, P90", OKABE_ITO[1], 1, plans.map((p) => p.council.p90)),
      ],
    },
  };
}
