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
