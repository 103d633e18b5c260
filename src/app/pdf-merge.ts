/**
 * Joins PDFs printed by Chromium (Skia/PDF) into one and numbers its pages "n / total" at the
 * foot of each page. Chromium prints a long document much faster in parts (its time per page
 * grows with the document's length), and page numbers drawn here cost far less than its
 * header/footer templates, which it lays out once per page.
 *
 * Not a general PDF library: it reads what Skia writes (a classic cross-reference table,
 * direct stream lengths, page resources inline, no outline, tags or named destinations) and
 * refuses anything else with UnsupportedPdf, so the caller can print the old way instead.
 */

/** The PDF is not shaped the way this merger expects (another printer, a new Skia). */
export class UnsupportedPdf extends Error {}

interface PdfObject {
  num: number;
  /** The object's text up to the stream data (or all of it, without a stream), latin1. */
  dict: string;
  /** The raw stream bytes (a view into the part), if the object has a stream. */
  stream?: Uint8Array;
}

/** A part read by parsePdf: what mergePdfs needs of it. */
export interface ParsedPdf {
  objects: Map<number, PdfObject>;
  root: number;
  info?: number;
}

const REF = /(\d+) 0 R\b/g;

/**
 * Reads one part for mergePdfs; `which` (from 0) names it in errors. The printing tabs read
 * each part as soon as it is printed, so the join at the end has less to do.
 * @example mergePdfs([parsePdf(first, 0), parsePdf(second, 1)])
 */
export function parsePdf(bytes: Uint8Array, which: number): ParsedPdf {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  if (!text.startsWith("%PDF-")) throw new UnsupportedPdf(`part ${which + 1} is not a PDF`);
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\r?\n/y;
  let at = text.indexOf("\n", text.indexOf("\n") + 1) + 1;
  for (;;) {
    while (at < text.length && /\s/.test(text[at] ?? "")) at++;
    header.lastIndex = at;
    const m = header.exec(text);
    if (!m) break;
    const num = Number(m[1]);
    const start = header.lastIndex;
    const end = text.indexOf("endobj", start);
    const streamAt = text.indexOf("stream", start);
    if (end < 0) throw new UnsupportedPdf(`object ${num} of part ${which + 1} does not end`);
    if (streamAt >= 0 && streamAt < end) {
      const dict = text.slice(start, streamAt);
      const length = dict.match(/\/Length\s+(\d+)(?!\s+\d+\s+R)/);
      if (!length) throw new UnsupportedPdf(`object ${num} of part ${which + 1}: indirect stream length`);
      const dataStart = text[streamAt + 6] === "\r" ? streamAt + 8 : streamAt + 7;
      const dataEnd = dataStart + Number(length[1]);
      const tail = text.indexOf("endobj", dataEnd);
      if (!/^\r?\n?endstream\s*$/.test(text.slice(dataEnd, tail)))
        throw new UnsupportedPdf(`object ${num} of part ${which + 1}: stream length does not match`);
      objects.set(num, { num, dict, stream: bytes.subarray(dataStart, dataEnd) });
      at = tail + 6;
    } else {
      objects.set(num, { num, dict: text.slice(start, end) });
      at = end + 6;
    }
  }
  const trailer = text.slice(text.lastIndexOf("trailer"));
  const root = trailer.match(/\/Root\s+(\d+) 0 R/);
  if (!root || objects.size === 0) throw new UnsupportedPdf(`part ${which + 1} has no classic trailer`);
  const info = trailer.match(/\/Info\s+(\d+) 0 R/);
  return { objects, root: Number(root[1]), ...(info ? { info: Number(info[1]) } : {}) };
}

// Helvetica's advance widths (thousandths of an em) for the characters of "12 / 345".
const HELVETICA_WIDTH: Record<string, number> = { " ": 278, "/": 278 };
for (const digit of "0123456789") HELVETICA_WIDTH[digit] = 556;
const FOOT_SIZE = 8;
/** Baseline of the page number above the bottom edge, in points (the sheet's margin is 16 mm). */
const FOOT_Y = 22;

/** Catalog keys that a merge can drop or rebuild; any other (outline, tags, names) is refused. */
const CATALOG_KEYS = new Set(["Type", "Pages", "ViewerPreferences", "Lang", "MarkInfo"]);

/**
 * One PDF from parts printed by Chromium, pages in order, each numbered "n / total" centred at
 * its foot. Fonts are not shared between parts (each part embeds the subsets it uses).
 * @example const pdf = mergePdfs([await page.pdf(), await page.pdf()]); // "%PDF-1.4…"
 */
export function mergePdfs(parts: readonly (Uint8Array | ParsedPdf)[]): Uint8Array {
  if (parts.length === 0) throw new UnsupportedPdf("nothing to merge");
  const parsed = parts.map((part, i) => (part instanceof Uint8Array ? parsePdf(part, i) : part));
  // New numbers, dense: every part's objects but its catalog and (after the first) its info.
  const renumber = parsed.map(() => new Map<number, number>());
  const kept: Array<{ part: number; object: PdfObject }> = [];
  const pageRoots: number[] = [];
  const pages: Array<{ part: number; object: PdfObject }> = [];
  let next = 1;
  for (const [part, pdf] of parsed.entries()) {
    const catalog = pdf.objects.get(pdf.root);
    const pagesRef = catalog?.dict.match(/\/Pages\s+(\d+) 0 R/);
    if (!catalog || !/\/Type\s*\/Catalog/.test(catalog.dict) || !pagesRef)
      throw new UnsupportedPdf(`part ${part + 1} has no catalog`);
    for (const key of catalog.dict.matchAll(/\/([A-Za-z]+)\s/g)) {
      // Only the top-level keys matter; nested ones of ViewerPreferences are allowed too.
      if (!CATALOG_KEYS.has(key[1] ?? "") && !["DisplayDocTitle", "Catalog", "Marked"].includes(key[1] ?? ""))
        throw new UnsupportedPdf(`part ${part + 1} has /${key[1]} in its catalog`);
    }
    for (const object of pdf.objects.values()) {
      if (object.num === pdf.root) continue;
      if (part > 0 && object.num === pdf.info) continue;
      renumber[part]?.set(object.num, next++);
      kept.push({ part, object });
      if (/\/Type\s*\/Page\b(?!s)/.test(object.dict)) pages.push({ part, object });
    }
    pageRoots.push(renumber[part]?.get(Number(pagesRef[1])) ?? 0);
  }
  const rootPages = next++;
  const catalogNum = next++;
  const fontNum = next++;
  const saveNum = next++;
  const stampNums = new Map<PdfObject, number>();
  for (const { object } of pages) stampNums.set(object, next++);
  const total = pages.length;

  // Written as bytes: the streams are copied once, into the result.
  const out: Uint8Array[] = [];
  let length = 0;
  const put = (chunk: string | Uint8Array) => {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk;
    out.push(bytes);
    length += bytes.length;
  };
  put("%PDF-1.4\n%\xD3\xEB\xE9\xE1\n");
  const offsets: number[] = new Array(next).fill(0);
  const write = (num: number, body: string, stream?: Uint8Array) => {
    offsets[num] = length;
    if (stream === undefined) put(`${num} 0 obj\n${body}\nendobj\n`);
    else {
      put(`${num} 0 obj\n${body}stream\n`);
      put(stream);
      put("\nendstream\nendobj\n");
    }
  };
  const pageIndex = new Map(pages.map(({ object }, i) => [object, i]));
  for (const { part, object } of kept) {
    const map = renumber[part] ?? new Map<number, number>();
    let dict = object.dict.replace(REF, (_, n: string) => {
      const to = map.get(Number(n));
      if (to === undefined)
        throw new UnsupportedPdf(`part ${part + 1} points at object ${n}, which it lacks`);
      return `${to} 0 R`;
    });
    const num = map.get(object.num) ?? 0;
    if (pageRoots[part] === num) {
      if (/\/Parent\s/.test(dict))
        throw new UnsupportedPdf(`part ${part + 1}: its page tree root has a parent`);
      dict = dict.replace("<<", `<</Parent ${rootPages} 0 R\n`);
    }
    const index = pageIndex.get(object);
    if (index !== undefined) dict = stampPage(dict, part, saveNum, stampNums.get(object) ?? 0, fontNum);
    if (object.stream === undefined) write(num, dict.trimEnd());
    else write(num, dict, object.stream);
  }
  write(
    rootPages,
    `<</Type /Pages\n/Count ${total}\n/Kids [${pageRoots.map((n) => `${n} 0 R`).join(" ")}]>>`,
  );
  write(
    catalogNum,
    `<</Type /Catalog\n/Pages ${rootPages} 0 R\n/ViewerPreferences <</Type /ViewerPreferences\n/DisplayDocTitle true>>>>`,
  );
  write(fontNum, "<</Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica\n/Encoding /WinAnsiEncoding>>");
  write(saveNum, streamBody("q\n"));
  for (const [i, { object }] of pages.entries()) {
    const label = `${i + 1} / ${total}`;
    const width = ([...label].reduce((s, c) => s + (HELVETICA_WIDTH[c] ?? 556), 0) * FOOT_SIZE) / 1000;
    const box = object.dict.match(/\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/);
    const [x0, y0, x1] = box ? [Number(box[1]), Number(box[2]), Number(box[3])] : [0, 0, 595];
    const x = (x0 + (x1 - x0 - width) / 2).toFixed(2);
    const y = (y0 + FOOT_Y).toFixed(2);
    write(
      stampNums.get(object) ?? 0,
      streamBody(`Q\nq 0 g BT /DrPN ${FOOT_SIZE} Tf 1 0 0 1 ${x} ${y} Tm (${label}) Tj ET Q\n`),
    );
  }
  const info = parsed[0]?.info === undefined ? undefined : renumber[0]?.get(parsed[0].info);
  const xrefAt = length;
  const xref = [`xref\n0 ${next}\n0000000000 65535 f \n`];
  for (let num = 1; num < next; num++) xref.push(`${String(offsets[num]).padStart(10, "0")} 00000 n \n`);
  xref.push(
    `trailer\n<</Size ${next}\n/Root ${catalogNum} 0 R${info === undefined ? "" : `\n/Info ${info} 0 R`}>>\nstartxref\n${xrefAt}\n%%EOF\n`,
  );
  put(xref.join(""));
  return new Uint8Array(Buffer.concat(out, length));
}

const streamBody = (content: string): string => `<</Length ${content.length}>> stream\n${content}\nendstream`;

/** A page's contents wrapped in q…Q with the page number after; its font added to its resources. */
function stampPage(dict: string, part: number, saveNum: number, stampNum: number, fontNum: number): string {
  const contents = dict.match(/\/Contents\s+(\[[^\]]*\]|\d+ 0 R)/);
  if (!contents) return dict.replace("<<", `<</Contents [${saveNum} 0 R ${stampNum} 0 R]\n`);
  const inner = (contents[1] ?? "").replace(/^\[|\]$/g, "").trim();
  let out = dict.replace(contents[0], `/Contents [${saveNum} 0 R ${inner} ${stampNum} 0 R]`);
  if (!/\/Resources\s*<</.test(out))
    throw new UnsupportedPdf(`part ${part + 1}: page resources are not inline`);
  out = /\/Font\s*<</.test(out)
    ? out.replace(/\/Font\s*<</, `/Font <</DrPN ${fontNum} 0 R\n`)
    : out.replace(/\/Resources\s*<</, `/Resources <</Font <</DrPN ${fontNum} 0 R>>\n`);
  return out;
}
