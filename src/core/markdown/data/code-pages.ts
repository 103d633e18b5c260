/**
 * The upper halves (bytes 0x80–0xFF) of the two legacy code pages that UTF-8 text is most
 * often mis-decoded as. Index i holds the character that byte 0x80 + i decodes to.
 *
 * Sources (the published Unicode mapping tables):
 * - Mac OS Roman: https://www.unicode.org/Public/MAPPINGS/VENDORS/APPLE/ROMAN.TXT
 *   (0xDB is the euro sign since Mac OS 8.5; 0xF0 is the Apple logo, mapped to the
 *   private-use U+F8FF exactly as ROMAN.TXT does).
 * - Windows-1252: https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT
 *   The five bytes CP1252.TXT leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are mapped
 *   to the C1 controls of the same value, as the WHATWG Encoding Standard and Windows'
 *   own decoder do, so that text mis-decoded that way can still be repaired.
 */

const MAC_ROMAN_HIGH =
  "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü" +
  "†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø" +
  "¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ" +
  "‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

const WINDOWS_1252_HIGH =
  "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f" +
  "\u0090‘’“”•–—˜™š›œ\u009džŸ" +
  // 0xA0–0xFF are identical to ISO-8859-1, i.e. U+00A0–U+00FF.
  Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i)).join("");

/** A single-byte code page: decode table for 0x80–0xFF and its inverse. */
export interface CodePage {
  /** `high[b - 0x80]` is the character byte `b` decodes to. */
  readonly high: readonly string[];
  /** Character → byte (0x80–0xFF) for every character of `high`. */
  readonly byteOf: ReadonlyMap<string, number>;
}

function codePage(high: string): CodePage {
  const chars = Array.from(high);
  if (chars.length !== 128) throw new Error(`code page table has ${chars.length} entries, expected 128`);
  return { high: chars, byteOf: new Map(chars.map((c, i) => [c, 0x80 + i])) };
}

export const MAC_ROMAN: CodePage = codePage(MAC_ROMAN_HIGH);
export const WINDOWS_1252: CodePage = codePage(WINDOWS_1252_HIGH);
