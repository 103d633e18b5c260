import { DeriskError } from "../errors.ts";
import type { SourceEncoding } from "../model.ts";
import { WINDOWS_1252 } from "./data/code-pages.ts";
import { repairMojibake } from "./repair.ts";

/** 10 MiB: far above any real prep document, low enough to keep an import instant. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface DecodeOptions {
  /** Named in error messages and warnings so the user knows which file is meant. */
  filename?: string;
  /** Size cap in bytes; default 10 MiB. */
  maxBytes?: number;
}

/** Line endings as found in the source; the decoded text always uses LF. */
export type LineEndings = "none" | "lf" | "crlf" | "cr" | "mixed";

export interface DecodedDocument {
  /** UTF-8 text with LF line endings and mojibake repaired. */
  text: string;
  encoding: SourceEncoding;
  repaired: boolean;
  lineEndings: LineEndings;
  /** What was changed on the way in, for the import report. */
  warnings: string[];
}

const MiB = 1024 * 1024;

function formatSize(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** First offset at which `bytes` stops being valid UTF-8 (for the error message only). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let n = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b === 0xe0) [n, lo] = [2, 0xa0];
    else if (b === 0xed) [n, hi] = [2, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) n = 2;
    else if (b === 0xf0) [n, lo] = [3, 0x90];
    else if (b >= 0xf1 && b <= 0xf3) n = 3;
    else if (b === 0xf4) [n, hi] = [3, 0x8f];
    else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** Well-known file signatures, so the message can say what the file probably is. */
const SIGNATURES: Array<{ magic: number[]; what: string }> = [
  { magic: [0x25, 0x50, 0x44, 0x46], what: "a PDF" },
  { magic: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive (a .docx or .odt is one)" },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: "an old Word/Office document" },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "an RTF document" },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { magic: [0xff, 0xd8, 0xff], what: "a JPEG image" },
];

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Looks for UTF-16 without a byte-order mark: NUL in every other byte of mostly-ASCII text. */
function guessBomlessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  if (oddNul > pairs * 0.7 && evenNul < pairs * 0.05) return "utf-16le";
  if (evenNul > pairs * 0.7 && oddNul < pairs * 0.05) return "utf-16be";
  return undefined;
}

function detectLineEndings(text: string): LineEndings {
  const crlf = text.split("\r\n").length - 1;
  const cr = text.split("\r").length - 1 - crlf;
  const lf = text.split("\n").length - 1 - crlf;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  if (kinds === 0) return "none";
  if (kinds > 1) return "mixed";
  return crlf > 0 ? "crlf" : cr > 0 ? "cr" : "lf";
}

/**
 * Control characters other than tab, LF, CR and form feed: a few are noise, many mean the
 * file is not text at all.
 */
function countControlCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) count++;
  }
  return count;
}

/** Bytes Windows-1252 leaves undefined: text in that code page never has them. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Where `bytes` (not valid UTF-8) could not be Windows-1252 text: a control byte other than
 * tab, line feed, form feed or carriage return, or a byte the code page leaves undefined.
 */
function firstNon1252TextByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) return i;
    if (UNDEFINED_IN_1252.has(b)) return i;
  }
  return -1;
}

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) text += b < 0x80 ? String.fromCharCode(b) : WINDOWS_1252.high[b - 0x80];
  return text;
}

/** The word (up to 20 bytes each side) that holds the byte at `offset`, decoded as Windows-1252. */
function word1252(bytes: Uint8Array, offset: number): string {
  const space = (b: number | undefined) => b === undefined || b === 0x20 || (b >= 0x09 && b <= 0x0d);
  let start = offset;
  let end = offset + 1;
  while (start > 0 && offset - start < 20 && !space(bytes[start - 1])) start--;
  while (end < bytes.length && end - offset < 20 && !space(bytes[end])) end++;
  return decodeWindows1252(bytes.subarray(start, end));
}

/**
 * Turns the bytes of an imported file into text: detects a byte-order mark (UTF-8, UTF-16 LE/BE),
 * rejects binary files, invalid UTF-8, empty files and files over the size cap with a
 * `DeriskError` that says what is wrong, where, and how to fix it; converts CRLF/CR line
 * endings to LF and repairs mojibake.
 *
 * @example decodeDocument(new TextEncoder().encode("## Q1\r\nIt‚Äôs me"), { filename: "prep.md" })
 *   // { text: "## Q1\nIt’s me", encoding: "utf-8-mojibake-mac-roman", repaired: true, lineEndings: "crlf", … }
 */
export function decodeDocument(bytes: Uint8Array, options: DecodeOptions = {}): DecodedDocument {
  const name = options.filename ?? "The document";
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new DeriskError(
      "TOO_LARGE",
      `${name} is ${formatSize(bytes.length)}, over the ${formatSize(maxBytes)} import limit: split it into smaller files (for example one per section) and import each.`,
    );
  }
  if (bytes.length === 0) {
    throw new DeriskError(
      "BAD_INPUT",
      `${name} is empty (0 bytes): there is nothing to import. Add your prep notes to it and import it again.`,
    );
  }

  let encoding: SourceEncoding = "utf-8";
  let body = bytes;
  let decoderLabel = "utf-8";
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new DeriskError(
      "UNSUPPORTED_ENCODING",
      `${name} is encoded as UTF-32, which is not supported: re-save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8) and import it again.`,
    );
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = "utf-8-bom";
    body = bytes.subarray(3);
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = "utf-16le";
    decoderLabel = "utf-16le";
    body = bytes.subarray(2);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = "utf-16be";
    decoderLabel = "utf-16be";
    body = bytes.subarray(2);
  }

  if (decoderLabel === "utf-8") {
    const signature = SIGNATURES.find((s) => startsWith(body, s.magic));
    const nul = body.indexOf(0);
    if (nul >= 0 && !signature && guessBomlessUtf16(body)) {
      throw new DeriskError(
        "UNSUPPORTED_ENCODING",
        `${name} looks like UTF-16 text without a byte-order mark (NUL bytes between the letters from offset ${nul}): re-save it as UTF-8 and import it again.`,
      );
    }
    if (signature || nul >= 0) {
      const what = signature ? `${signature.what}, not text` : "a binary file";
      const where = nul >= 0 ? ` (NUL bytes at offset ${nul + (bytes.length - body.length)})` : "";
      throw new DeriskError(
        "BAD_INPUT",
        `${name} looks like ${what}${where}: export it as Markdown or plain text and import that file.`,
      );
    }
  }

  let text: string;
  try {
    text = new TextDecoder(decoderLabel, { fatal: true, ignoreBOM: true }).decode(body);
  } catch (cause) {
    if (decoderLabel !== "utf-8") {
      throw new DeriskError(
        "UNSUPPORTED_ENCODING",
        `${name} starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}: re-save it as UTF-8 and import it again.`,
        { cause },
      );
    }
    const offset = firstInvalidUtf8(body) + (bytes.length - body.length);
    const byte = bytes[offset] ?? 0;
    // Text saved as Windows-1252 (or Latin-1, its subset) is read as such, with a notice; bytes
    // no text in that code page has (control bytes, undefined ones) are still refused.
    const odd = firstNon1252TextByte(body);
    if (odd < 0) {
      const hex = `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
      return finishDecoding(decodeWindows1252(body), "windows-1252", bytes.length, options, [
        `${name} is not UTF-8: it was read as Windows-1252 (the first such byte, ${hex} on line ${lineOfOffset(bytes, offset)}, in “${word1252(bytes, offset)}”). Check its accents and quotes; saving it as UTF-8 avoids this notice.`,
      ]);
    }
    throw new DeriskError(
      "UNSUPPORTED_ENCODING",
      `${name} is not valid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} at offset ${offset}, line ${lineOfOffset(bytes, offset)}), nor Windows-1252 text (byte 0x${(body[odd] ?? 0).toString(16).toUpperCase().padStart(2, "0")} at offset ${odd + (bytes.length - body.length)} is a control byte): it may be binary or in another encoding. Re-save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8) and import it again.`,
      { cause },
    );
  }

  return finishDecoding(text, encoding, bytes.length, options, []);
}

/** The checks and conversions after the bytes are text: binary, blank, line endings, mojibake. */
function finishDecoding(
  decoded: string,
  encoding: SourceEncoding,
  byteLength: number,
  options: DecodeOptions,
  notices: string[],
): DecodedDocument {
  const name = options.filename ?? "The document";
  let text = decoded;
  const controls = countControlCharacters(text);
  if (controls > 8 && controls > text.length * 0.1) {
    throw new DeriskError(
      "BAD_INPUT",
      `${name} looks like a binary file (${controls} control characters in ${text.length} characters): export it as Markdown or plain text and import that file.`,
    );
  }
  if (text.trim() === "") {
    // Said as each surface goes on: a terminal pipes or names a file, a page chooses or pastes.
    throw new DeriskError(
      "BAD_INPUT",
      `${name} contains only whitespace (${byteLength} ${byteLength === 1 ? "byte" : "bytes"}): there is nothing to import.`,
      {
        hint: {
          cli:
            options.filename === undefined
              ? " Pipe your notes in (derisk import - < prep.md) or give the file's path."
              : " Add your prep notes to it and import it again.",
          web: " Choose a file with your notes in it, or paste them.",
        },
      },
    );
  }

  const warnings = [...notices];
  const lineEndings = detectLineEndings(text);
  if (lineEndings === "crlf" || lineEndings === "cr" || lineEndings === "mixed") {
    text = text.replace(/\r\n?/g, "\n");
    const from = lineEndings === "mixed" ? "mixed" : lineEndings.toUpperCase();
    warnings.push(`Line endings were converted from ${from} to LF.`);
  }

  // Text read from a legacy code page is what it says: there is no UTF-8 in it to repair.
  const repair = encoding === "windows-1252" ? { text, from: undefined } : repairMojibake(text);
  if (repair.from) {
    const label = repair.from === "mac-roman" ? "Mac Roman" : "Windows-1252";
    warnings.push(
      `${name} was UTF-8 text that had been mis-decoded as ${label} (for example ‚Äô or â€™ instead of ’); it was repaired.`,
    );
    return {
      text: repair.text,
      encoding: repair.from === "mac-roman" ? "utf-8-mojibake-mac-roman" : "utf-8-mojibake-windows-1252",
      repaired: true,
      lineEndings,
      warnings,
    };
  }
  return { text, encoding, repaired: false, lineEndings, warnings };
}
