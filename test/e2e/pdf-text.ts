/**
 * Text of a PDF printed by Chromium, without a PDF library: inflate the content streams,
 * map each font's glyph ids back to Unicode through its ToUnicode CMap, and read the
 * text-showing operators. Enough for Skia's output (Type0 fonts, Identity-H, hex strings);
 * not a general PDF reader.
 */
import { inflateSync } from "node:zlib";

type CMap = Map<number, string>;

const utf16 = (hex: string): string => {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(Number.parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
};

function parseCMap(text: string): CMap {
  const map: CMap = new Map();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? "").matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set(Number.parseInt(m[1] ?? "", 16), utf16(m[2] ?? ""));
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? "").matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g,
    )) {
      const from = Number.parseInt(m[1] ?? "", 16);
      const to = Number.parseInt(m[2] ?? "", 16);
      const dst = m[3] ?? "";
      if (dst.startsWith("[")) {
        const list = [...dst.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => utf16(x[1] ?? ""));
        for (let code = from; code <= to; code++) map.set(code, list[code - from] ?? "");
      } else {
        const base = dst.slice(1, -1);
        const last = Number.parseInt(base.slice(-4), 16);
        for (let code = from; code <= to; code++) {
          map.set(code, utf16(base.slice(0, -4) + (last + code - from).toString(16).padStart(4, "0")));
        }
      }
    }
  }
  return map;
}

/** The text of every page, in content-stream order; text objects are separated by newlines. */
export function pdfText(pdf: Uint8Array): string {
  return pdfPages(pdf).join("");
}

/** The text of each page, as pdfText reads it, in the order the pages are stored. */
export function pdfPages(pdf: Uint8Array): string[] {
  const source = Buffer.from(pdf).toString("latin1");
  const objects = new Map<string, string>();
  // Object by object; a stream is skipped by its /Length, as its bytes may spell "endobj".
  const header = /(\d+) 0 obj/g;
  for (let m = header.exec(source); m; m = header.exec(source)) {
    const start = header.lastIndex;
    let end = source.indexOf("endobj", start);
    const streamAt = source.indexOf("stream", start);
    const length = source.slice(start, streamAt).match(/\/Length\s+(\d+)(?!\s+\d+\s+R)/);
    if (streamAt >= 0 && streamAt < end && length)
      end = source.indexOf("endobj", streamAt + Number(length[1]));
    objects.set(m[1] ?? "", source.slice(start, end));
    header.lastIndex = end;
  }
  const streamOf = (body: string): string | undefined => {
    const at = body.search(/stream\r?\n/);
    const length = body.slice(0, Math.max(at, 0)).match(/\/Length\s+(\d+)(?!\s+\d+\s+R)/);
    if (at < 0 || !length) return undefined;
    const from = body.indexOf("\n", at) + 1;
    const bytes = Buffer.from(body.slice(from, from + Number(length[1])), "latin1");
    return /\/FlateDecode/.test(body) ? inflateSync(bytes).toString("latin1") : bytes.toString("latin1");
  };
  // Font resource name → ToUnicode map, per page: pages of a joined PDF may use one name for
  // different fonts. Maps are cached per font object.
  const cmaps = new Map<string, CMap>();
  const narrow = new Set<CMap>();
  const fontsOf = (page: string): Map<string, CMap> => {
    const fonts = new Map<string, CMap>();
    const dict = page.match(/\/Font\s*<<([\s\S]*?)>>/)?.[1];
    for (const ref of dict?.matchAll(/\/(\w+)\s+(\d+) 0 R/g) ?? []) {
      const id = ref[2] ?? "";
      if (!cmaps.has(id)) {
        const toUnicode = objects.get(id)?.match(/\/ToUnicode (\d+) 0 R/)?.[1];
        const cmap = toUnicode === undefined ? undefined : streamOf(objects.get(toUnicode) ?? "");
        const map: CMap = cmap ? parseCMap(cmap) : new Map();
        // A Type 3 font (Skia draws variable fonts' glyphs as one) shows one byte per glyph.
        if (/\/Subtype \/Type3/.test(objects.get(id) ?? "")) narrow.add(map);
        cmaps.set(id, map);
      }
      fonts.set(ref[1] ?? "", cmaps.get(id) ?? new Map());
    }
    return fonts;
  };
  const pages = [...objects.values()].filter((b) => /\/Type \/Page\b/.test(b));
  const texts: string[] = [];
  for (const page of pages) {
    const out: string[] = [];
    texts.push("");
    const fonts = fontsOf(page);
    // One content stream, or an array of them (a joined PDF numbers its pages in another).
    const contents = page.match(/\/Contents\s+(\[[^\]]*\]|\d+ 0 R)/)?.[1] ?? "";
    const content = [...contents.matchAll(/(\d+) 0 R/g)]
      .map((ref) => streamOf(objects.get(ref[1] ?? "") ?? "") ?? "")
      .join("\n");
    if (!content) continue;
    let font: CMap = new Map();
    for (const op of content.matchAll(
      /\/(\w+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj|\[((?:[^\]])*)\]\s*TJ|\(([^)]*)\)\s*Tj|\bBT\b|\bTm\b/g,
    )) {
      if (op[1] !== undefined) font = fonts.get(op[1]) ?? new Map();
      else if (op[4] !== undefined) out.push(op[4]);
      else if (op[2] !== undefined || op[3] !== undefined) {
        const hexes =
          op[2] !== undefined
            ? [op[2]]
            : [...(op[3] ?? "").matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1] ?? "");
        const digits = narrow.has(font) ? 2 : 4;
        for (const hex of hexes) {
          for (let i = 0; i + digits <= hex.length; i += digits)
            out.push(font.get(Number.parseInt(hex.slice(i, i + digits), 16)) ?? "");
        }
      } else out.push("\n");
    }
    texts[texts.length - 1] = out.join("");
  }
  return texts;
}

/** Text with all whitespace removed and ligatures ("ﬁ") spelled out: line wraps never decide a match. */
export const squeeze = (text: string): string => text.normalize("NFKC").replace(/\s+/g, "");
