import { type CodePage, MAC_ROMAN, WINDOWS_1252 } from "./data/code-pages.ts";

/** The legacy code pages whose mis-decoding of UTF-8 we can undo. */
export type MojibakeSource = "mac-roman" | "windows-1252";

export interface RepairResult {
  text: string;
  /** Set when the text was repaired: the code page it had been mis-decoded as. */
  from?: MojibakeSource;
}

const PAGES: Record<MojibakeSource, CodePage> = { "mac-roman": MAC_ROMAN, "windows-1252": WINDOWS_1252 };

// Runs of non-ASCII characters: mojibake only ever replaces bytes ≥ 0x80, so ASCII is never involved.
// (Astral characters are surrogate pairs, which this BMP range covers.)
const NON_ASCII_RUN = /[\u0080-\uffff]+/g;
const HAS_NON_ASCII = /[\u0080-\uffff]/;

/** Length of the UTF-8 sequence starting at `bytes[i]`, or 0 when no valid sequence starts there. */
function sequenceLength(bytes: number[], i: number): number {
  const b0 = bytes[i] ?? 0;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// Latin, Greek, Cyrillic, punctuation, arrows, symbols, CJK, Hangul, emoji.
const PLAUSIBLE =
  /[\u00a0-\u024f\u0370-\u03ff\u0400-\u04ff\u2000-\u2bff\u3000-\u9fff\uac00-\ud7af]|[\u{1f000}-\u{1faff}]/u;

const isContinuation = (b: number | undefined): boolean => b !== undefined && b >= 0x80 && b <= 0xbf;

/** 0x9F followed by two continuation bytes: the tail of a 4-byte emoji (U+1F000–U+1FFFF). */
function lostAppleLogo(bytes: number[], i: number): boolean {
  return (
    bytes[i] === 0x9f && isContinuation(bytes[i + 1]) && isContinuation(bytes[i + 2]) && bytes[i - 1] !== 0xf0
  );
}

function decodeSequence(bytes: number[], i: number, length: number): string {
  const b0 = bytes[i] ?? 0;
  const c = (k: number): number => (bytes[i + k] ?? 0) & 0x3f;
  let cp: number;
  if (length === 2) cp = ((b0 & 0x1f) << 6) | c(1);
  else if (length === 3) cp = ((b0 & 0x0f) << 12) | (c(1) << 6) | c(2);
  else cp = ((b0 & 0x07) << 18) | (c(1) << 12) | (c(2) << 6) | c(3);
  return String.fromCodePoint(cp);
}

interface Evidence {
  /** Valid UTF-8 sequences found among the characters. */
  hits: number;
  /** Characters saved by decoding (a 3-byte sequence saves 2): longer sequences are stronger evidence. */
  weight: number;
  /** Decoded characters from scripts and symbols people actually write (tie-breaker between pages). */
  plausible: number;
  /** Non-ASCII characters that are not part of any valid sequence. */
  misses: number;
}

/**
 * Re-encodes one run of non-ASCII characters to the bytes the code page gave them and decodes
 * every valid UTF-8 sequence among those bytes; other characters are kept as they are.
 */
function repairRun(run: string, page: CodePage, evidence: Evidence): string {
  const chars = Array.from(run);
  const bytes = chars.map((ch) => page.byteOf.get(ch) ?? -1);
  let out = "";
  let i = 0;
  while (i < chars.length) {
    const length = (bytes[i] ?? -1) < 0 ? 0 : sequenceLength(bytes, i);
    if (length > 0) {
      const decoded = decodeSequence(bytes, i, length);
      out += decoded;
      evidence.hits++;
      evidence.weight += length - 1;
      if (PLAUSIBLE.test(decoded)) evidence.plausible++;
      i += length;
    } else if (page === MAC_ROMAN && lostAppleLogo(bytes, i)) {
      // Mac Roman's 0xF0 is the Apple logo (U+F8FF), a private-use character that copy-paste
      // often drops: "üëâ" is 👉 (F0 9F 91 89) without its first byte.
      out += decodeSequence([0xf0, 0x9f, bytes[i + 1] ?? 0, bytes[i + 2] ?? 0], 0, 4);
      evidence.hits++;
      evidence.weight += 2;
      i += 3;
    } else {
      out += chars[i];
      evidence.misses++;
      i++;
    }
  }
  return out;
}

function repairWith(text: string, page: CodePage): { text: string; evidence: Evidence } {
  const evidence: Evidence = { hits: 0, weight: 0, plausible: 0, misses: 0 };
  const repaired = text.replace(NON_ASCII_RUN, (run) => repairRun(run, page, evidence));
  return { text: repaired, evidence };
}

/**
 * Strong evidence only: at least one sequence, and at most one stray non-ASCII character per
 * twenty repaired ones. Text that was mis-decoded once consists of nothing but such
 * sequences, while correct text with accents or typographic punctuation leaves many strays
 * (a lone `é` or `’` is never a complete sequence), so it is left alone.
 */
const isStrong = (e: Evidence): boolean => e.hits > 0 && e.misses * 20 <= e.hits;

/**
 * Detects UTF-8 text that was mis-decoded once as Mac Roman or Windows-1252 and repairs it.
 * Correct text comes back unchanged (and without `from`).
 *
 * @example repairMojibake("It‚Äôs done ‚Äî üëâ").text // "It’s done — 👉"
 * @example repairMojibake("Itâ€™s done").from // "windows-1252"
 */
export function repairMojibake(text: string): RepairResult {
  if (!HAS_NON_ASCII.test(text)) return { text };
  let best: { text: string; evidence: Evidence; from: MojibakeSource } | undefined;
  const rank = (e: Evidence): number[] => [e.weight - 20 * e.misses, e.plausible];
  for (const from of ["mac-roman", "windows-1252"] as const) {
    const candidate = repairWith(text, PAGES[from]);
    if (!isStrong(candidate.evidence)) continue;
    const [weight = 0, plausible = 0] = rank(candidate.evidence);
    const [bestWeight = 0, bestPlausible = 0] = best ? rank(best.evidence) : [];
    if (!best || weight > bestWeight || (weight === bestWeight && plausible > bestPlausible)) {
      best = { ...candidate, from };
    }
  }
  return best ? { text: best.text, from: best.from } : { text };
}

/**
 * The damage `repairMojibake` undoes: encodes text as UTF-8 and decodes the bytes with a
 * legacy code page. Used to build test fixtures.
 *
 * @example damageAsMojibake("It’s", "mac-roman") // "It‚Äôs"
 */
export function damageAsMojibake(text: string, from: MojibakeSource): string {
  const page = PAGES[from];
  let out = "";
  for (const byte of new TextEncoder().encode(text)) {
    out += byte < 0x80 ? String.fromCharCode(byte) : page.high[byte - 0x80];
  }
  return out;
}
