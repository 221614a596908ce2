/** Reports of results for people and spreadsheets. */
export { resultsTable } from "./results-table.ts";
export { resultsCsv } from "./results-csv.ts";
export { millions, percent } from "./format-money.ts";
export { calibrationTable } from "./calibration-table.ts";
export { contingencyTable, failureCurve, planComparison } from "./contingency-table.ts";

import type { Results } from "../model/index.ts";
/** Results as the JSON the CLI prints and the server serves. */
export function resultsJson(r: Results | object): string {
  return JSON.stringify(r, null, 2) + "\n";
}
export { resultsHtml, type HtmlReportMeta } from "./results-html.ts";
export { resultsXlsx, GBP_M, type ReportMeta } from "./results-xlsx.ts";
export { resultsDocx } from "./results-docx.ts";
export { escapeHtml, htmlPage } from "./html-page.ts";
export { label, assumptionLabel } from "./label.ts";
export { scenarioChanges, type ScenarioChange } from "./scenario-changes.ts";
export { summarySentences, inTen } from "./summary-sentences.ts";
export { chartSvg, chartPng, resultCharts, type ChartSpec } from "./charts/index.ts";
export { sensitivityTable, switchingTable } from "./sensitivity-table.ts";
export { stressTable } from "./stress-table.ts";
export { backtestTable } from "./backtest-table.ts";
