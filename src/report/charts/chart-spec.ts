import type { EChartsOption } from "echarts";

/**
 * One chart, independent of how it is drawn: an ECharts option and its size in CSS pixels. The
 * same spec renders to SVG for the page and to PNG for Word and Excel, so they never disagree.
 */
export interface ChartSpec {
  /** Stable, for file names and element ids ("cost-trust"). */
  id: string;
  /** Says what the chart shows, for captions and screen readers. */
  title: string;
  width: number;
  height: number;
  option: EChartsOption;
}
