import JSZip from "jszip";

/**
 * The same zip (XLSX, DOCX) with every entry dated `date` and the document's own created and
 * modified dates set to it, so that the same run always gives the same bytes: a file can be
 * checked by its hash, and a re-download does not look like a new version. exceljs and docx
 * stamp the time of writing in both places. JSZip writes DOS dates from the UTC fields. `rewrite`
 * edits named XML parts on the way (docx numbers drawings with a counter global to the process).
 */
export async function deterministicZip(zipped: Uint8Array, date: Date, rewrite: Record<string, (xml: string) => string> = {}): Promise<Buffer> {
  const source = await JSZip.loadAsync(zipped);
  const out = new JSZip();
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name];
    if (entry.dir) continue;
    let content: Uint8Array | string = await entry.async("uint8array");
    if (name === "docProps/core.xml") {
      content = new TextDecoder().decode(content).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
    }
    if (rewrite[name]) content = rewrite[name](typeof content === "string" ? content : new TextDecoder().decode(content));
    out.file(name, content, { date, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "DOS" });
}
