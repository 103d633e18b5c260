/**
 * Fonts for emoji and CJK in the printed sheet. The bundled Chromium has no such fonts (they
 * print as empty boxes), so the sheet embeds them, as `data:` URLs in `@font-face` rules: the
 * page still fetches nothing. They come from npm packages of the Noto fonts (SIL Open Font
 * License 1.1), split by their publisher into slices of a few dozen KB, each with the
 * `unicode-range` it covers; a sheet embeds only the slices its own characters fall in, so a
 * sheet in plain English embeds none.
 *
 * The packages are installed with the bundled Chromium (dev dependencies): without them, this
 * gives no fonts and the sheet prints as before.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The font packages, in the order the sheet's CSS tries them (FALLBACK_FAMILIES in html.ts). */
const PACKAGES = [
  { family: "Noto Emoji", css: "@fontsource/noto-emoji/400.css", scripts: "emoji" },
  { family: "Noto Sans SC", css: "@fontsource-variable/noto-sans-sc/wght.css", scripts: "cjk" },
  { family: "Noto Sans JP", css: "@fontsource-variable/noto-sans-jp/wght.css", scripts: "cjk" },
  { family: "Noto Sans KR", css: "@fontsource-variable/noto-sans-kr/wght.css", scripts: "cjk" },
] as const;

interface Face {
  family: string;
  weight: string;
  file: string;
  ranges: Array<[number, number]>;
  scripts: "emoji" | "cjk";
}

/**
 * Characters that may need an embedded font. The sheet's own typography (“quotes”, —, ≈, ·)
 * and Latin, Greek, Cyrillic, Arabic and Hebrew are the system fonts'; CJK from the radicals on;
 * emoji and symbols from the arrows on, with the joiner and the emoji variation selector.
 */
const wants = (cp: number, scripts: Face["scripts"]): boolean =>
  scripts === "cjk"
    ? (cp >= 0x2e80 && cp < 0xd800) ||
      (cp >= 0xf900 && cp < 0xfb00) ||
      (cp >= 0xfe30 && cp < 0xfe50) ||
      (cp >= 0xff00 && cp < 0xfff0) ||
      cp >= 0x20000
    : cp >= 0x2190 || cp === 0x200d || cp === 0xfe0f;

function parseRanges(text: string): Array<[number, number]> {
  return text.split(",").map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, "").split("-");
    const from = Number.parseInt(lo ?? "", 16);
    return [from, hi === undefined ? from : Number.parseInt(hi, 16)];
  });
}

let faces: Face[] | undefined;

function loadFaces(): Face[] {
  if (faces) return faces;
  const found: Face[] = [];
  for (const pkg of PACKAGES) {
    let cssPath: string;
    try {
      cssPath = fileURLToPath(import.meta.resolve(pkg.css));
    } catch {
      continue; // Not installed: that script prints as the system fonts allow.
    }
    const css = readFileSync(cssPath, "utf8");
    for (const block of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
      const body = block[1] ?? "";
      const file = body.match(/url\(\.\/(files\/[^)]+\.woff2)\)/)?.[1];
      const ranges = body.match(/unicode-range:\s*([^;]+);/)?.[1];
      if (!file || !ranges) continue;
      found.push({
        family: pkg.family,
        weight: body.match(/font-weight:\s*([^;]+);/)?.[1]?.trim() ?? "400",
        file: join(dirname(cssPath), file),
        ranges: parseRanges(ranges),
        scripts: pkg.scripts,
      });
    }
  }
  faces = found;
  return found;
}

const dataUrls = new Map<string, string>();
const dataUrlOf = (file: string): string => {
  let url = dataUrls.get(file);
  if (url === undefined) {
    url = `data:font/woff2;base64,${readFileSync(file).toString("base64")}`;
    dataUrls.set(file, url);
  }
  return url;
};

/**
 * The `@font-face` rules (fonts inline, as data) that `text` needs for its emoji and CJK
 * characters; "" when it has none, or when the font packages are not installed.
 * @example fontFacesFor("我修复了 🚀").includes("font-family: \"Noto Emoji\"") // true
 */
export function fontFacesFor(text: string): string {
  const points = new Set<number>();
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp >= 0x2190 || cp === 0x200d) points.add(cp);
  }
  if (points.size === 0) return "";
  // Per character, the first face that covers it, in the CSS's order: the one Chromium will use.
  const chosen = new Set<Face>();
  const all = loadFaces();
  for (const cp of points) {
    const face = all.find((f) => wants(cp, f.scripts) && f.ranges.some(([lo, hi]) => cp >= lo && cp <= hi));
    if (face) chosen.add(face);
  }
  const rules: string[] = [];
  for (const face of all) {
    if (!chosen.has(face)) continue;
    const range = face.ranges.map(([lo, hi]) =>
      lo === hi ? `U+${lo.toString(16)}` : `U+${lo.toString(16)}-${hi.toString(16)}`,
    );
    rules.push(
      `@font-face { font-family: "${face.family}"; font-weight: ${face.weight}; font-style: normal; src: url(${dataUrlOf(face.file)}) format("woff2"); unicode-range: ${range.join(",")}; }`,
    );
  }
  return rules.join("\n");
}

/** Whether the emoji and CJK font packages are installed (what the bench and docs report). */
export function printFontsInstalled(): string[] {
  return [...new Set(loadFaces().map((face) => face.family))];
}
