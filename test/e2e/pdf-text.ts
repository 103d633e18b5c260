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
  const source = Buffer.from(pdf).toString("latin1");
  const objects = new Map<string, string>();
  for (const m of source.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(m[1] ?? "", m[2] ?? "");
  const streamOf = (body: string): string | undefined => {
    const m = body.match(/stream\r?\n([\s\S]*?)\r?\nendstream/);
    if (!m) return undefined;
    const bytes = Buffer.from(m[1] ?? "", "latin1");
    return /\/FlateDecode/.test(body) ? inflateSync(bytes).toString("latin1") : bytes.toString("latin1");
  };
  // Font resource name → ToUnicode map, from every page's resources.
  const fonts = new Map<string, CMap>();
  for (const body of objects.values()) {
    const dict = body.match(/\/Font\s*<<([\s\S]*?)>>/)?.[1];
    if (!dict || !/\/Type \/Page\b/.test(body)) continue;
    for (const ref of dict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const name = ref[1] ?? "";
      if (fonts.has(name)) continue;
      const toUnicode = objects.get(ref[2] ?? "")?.match(/\/ToUnicode (\d+) 0 R/)?.[1];
      const cmap = toUnicode === undefined ? undefined : streamOf(objects.get(toUnicode) ?? "");
      if (cmap) fonts.set(name, parseCMap(cmap));
    }
  }
  const pages = [...objects.values()].filter((b) => /\/Type \/Page\b/.test(b));
  const out: string[] = [];
  for (const page of pages) {
    const contents = page.match(/\/Contents (\d+) 0 R/)?.[1];
    const content = contents === undefined ? undefined : streamOf(objects.get(contents) ?? "");
    if (!content) continue;
    let font: CMap = new Map();
    for (const op of content.matchAll(
      /\/(\w+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj|\[((?:[^\]])*)\]\s*TJ|\bBT\b|\bTm\b/g,
    )) {
      if (op[1] !== undefined) font = fonts.get(op[1]) ?? new Map();
      else if (op[2] !== undefined || op[3] !== undefined) {
        const hexes =
          op[2] !== undefined
            ? [op[2]]
            : [...(op[3] ?? "").matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1] ?? "");
        for (const hex of hexes) {
          for (let i = 0; i + 4 <= hex.length; i += 4)
            out.push(font.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? "");
        }
      } else out.push("\n");
    }
  }
  return out.join("");
}

/** Text with all whitespace removed and ligatures ("ﬁ") spelled out: line wraps never decide a match. */
export const squeeze = (text: string): string => text.normalize("NFKC").replace(/\s+/g, "");
