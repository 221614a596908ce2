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
export { resultsHtml } from "./results-html.ts";
export { resultsXlsx } from "./results-xlsx.ts";
export { escapeHtml } from "./svg-charts.ts";
export { sensitivityTable, switchingTable } from "./sensitivity-table.ts";
