/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * Styles for every page: readable on a phone (tables scroll inside their own box rather than widen
 * the page), visible keyboard focus, AA contrast, and a print sheet for A4 that drops navigation
 * and forms and keeps tables and charts whole.
 */
const CSS = `
:root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #c9c9c9; --accent: #005a9c; --band: #f2f5f8; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0; }
header.site { background: #0b3d62; color: #fff; padding: 0.5em 1em; }
header.site a { color: #fff; font-weight: 600; text-decoration: none; margin-right: 1.2em; }
header.site a:hover, header.site a:focus { text-decoration: underline; }
main { max-width: 1100px; margin: 0 auto; padding: 1em; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid #e69f00; outline-offset: 2px; }
h1 { font-size: 1.6em; line-height: 1.25; } h2 { font-size: 1.3em; margin-top: 1.6em; } h3 { font-size: 1.05em; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 0.5em 0 1.2em; font-variant-numeric: tabular-nums; font-size: 0.9em; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: right; vertical-align: top; }
th:first-child, td.text { text-align: left; } thead th { background: var(--band); }
tr.subtotal, tr.gap { font-weight: 600; } tr.band { color: var(--muted); font-style: italic; }
.note { color: var(--muted); font-size: 0.9em; }
.warning { background: #fff3cd; border-left: 4px solid #b58100; padding: 0.5em 1em; }
.downloads a, .button { display: inline-block; margin: 0.2em 0.4em 0.2em 0; padding: 0.35em 0.8em; border: 1px solid var(--accent); border-radius: 4px; text-decoration: none; }
button { font: inherit; padding: 0.45em 1.1em; background: var(--accent); color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
label { font-weight: 600; } input, select { font: inherit; padding: 0.25em 0.4em; max-width: 100%; }
fieldset { border: 1px solid var(--line); margin: 1em 0; } legend { font-weight: 600; padding: 0 0.3em; }
.field { display: grid; grid-template-columns: minmax(12em, 2fr) 3fr; gap: 0.3em 1em; padding: 0.5em 0; border-bottom: 1px solid #eee; }
.field .params { display: flex; flex-wrap: wrap; gap: 0.5em; } .field .params label { font-weight: normal; display: flex; flex-direction: column; font-size: 0.85em; }
.field .params input { width: 8em; } .source { grid-column: 1 / -1; color: var(--muted); font-size: 0.85em; }
figure { margin: 1em 0; } figure svg { display: block; width: 100%; height: auto; } figcaption { color: var(--muted); font-size: 0.9em; }
progress { width: 100%; height: 1.4em; }
@media (max-width: 640px) { body { font-size: 15px; } .field { grid-template-columns: 1fr; } main { padding: 0.6em; } }
@media print {
  @page { size: A4; margin: 14mm; }
  header.site, nav, form, .downloads, .no-print { display: none !important; }
  body { font-size: 10pt; } main { max-width: none; padding: 0; }
  .scroll { overflow: visible; } table { font-size: 8pt; page-break-inside: avoid; } figure { page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}`;

/** A whole HTML page with the site's header, styles and the viewport tag phones need. */
export function htmlPage(title: string, body: string, options: { script?: string } = {}): string {
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>
<header class="site"><nav aria-label="Site"><a href="/">trustsim</a><a href="/#runs">Run history</a><a href="/docs">API</a></nav></header>
<main id="main">
${body}
</main>
${options.script ? `<script>${options.script}</script>` : ""}
</body></html>
`;
}
