import * as echarts from "echarts";
import { Resvg } from "@resvg/resvg-js";
import type { ChartSpec } from "./chart-spec.ts";

// Arial metrics (Liberation Sans on Linux) are close to what ECharts assumes when it measures text without a DOM.
const FONT = "Liberation Sans, Arial, Helvetica, sans-serif";

/**
 * A chart as an SVG string, by ECharts' server-side renderer (no DOM, no browser): the element
 * carries role="img" and the title as its accessible name. Animation is off so the markup is final.
 */
export function chartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, fontSize: 12, color: "#222" },
      aria: { enabled: true, label: { description: spec.title } },
      legend: { itemGap: 24 },
      ...spec.option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * The same chart as PNG for Word and Excel, which do not take SVG reliably: resvg draws the SVG at
 * `scale` times its size (2 for print) with the system's fonts.
 */
export function chartPng(spec: ChartSpec, scale = 2): Buffer {
  const svg = chartSvg(spec);
  const png = new Resvg(svg, {
    fitTo: { mode: "width", value: Math.round(spec.width * scale) },
    background: "#ffffff",
    font: { loadSystemFonts: true, defaultFontFamily: "Liberation Sans", sansSerifFamily: "Liberation Sans" },
  }).render();
  return png.asPng();
}
