/** Charts of results as ECharts specs, rendered to SVG for pages and PNG for Word and Excel. */
export type { ChartSpec } from "./chart-spec.ts";
export { chartSvg, chartPng } from "./render-chart.ts";
export { costFanChart, linesByOptionChart, sharedCostScale } from "./cost-charts.ts";
export { failureCurveChart, differenceHistogramChart } from "./risk-charts.ts";
export { tornadoChart } from "./tornado-chart.ts";
export { OKABE_ITO, optionColour } from "./palette.ts";
export { resultCharts } from "./result-charts.ts";
export { portfolioFailuresChart, portfolioPlansChart, planName, probabilityHalfWidth } from "./portfolio-charts.ts";
