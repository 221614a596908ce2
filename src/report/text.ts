/**
 * The text reports (tables, CSV, JSON): the report layer's light surface. The CLI imports this
 * rather than index.ts because index.ts also carries the documents (HTML, XLSX, DOCX and charts),
 * whose libraries (exceljs, docx, echarts, resvg) took about a second to load on every command.
 */
import type { Results } from "../model/index.ts";

export { resultsTable } from "./results-table.ts";
export { resultsCsv } from "./results-csv.ts";
export { millions, percent } from "./format-money.ts";
export { calibrationTable } from "./calibration-table.ts";
export { contingencyTable, failureCurve, planComparison } from "./contingency-table.ts";
export { sensitivityTable, switchingTable } from "./sensitivity-table.ts";
export { stressTable } from "./stress-table.ts";
export { backtestTable } from "./backtest-table.ts";

/** Results as the JSON the CLI prints and the server serves. */
export function resultsJson(r: Results | object): string {
  return JSON.stringify(r, null, 2) + "\n";
}
