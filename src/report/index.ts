/** Reports of results for people and spreadsheets. */
export * from "./text.ts";
export { resultsHtml, type HtmlReportMeta } from "./results-html.ts";
export { resultsXlsx, GBP_M, type ReportMeta } from "./results-xlsx.ts";
export { resultsDocx } from "./results-docx.ts";
export { escapeHtml, htmlPage } from "./html-page.ts";
export { label, assumptionLabel } from "./label.ts";
export { scenarioChanges, type ScenarioChange } from "./scenario-changes.ts";
export { summarySentences, inTen } from "./summary-sentences.ts";
export { chartSvg, chartPng, resultCharts, type ChartSpec } from "./charts/index.ts";
export { portfolioCsv } from "./portfolio-csv.ts";
export { portfolioXlsx } from "./portfolio-xlsx.ts";
export { portfolioSentences } from "./portfolio-sentences.ts";
export { portfolioFailuresChart, portfolioPlansChart, planName, probabilityHalfWidth } from "./charts/index.ts";
