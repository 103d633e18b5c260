import { describe, expect, it } from "vitest";
import { DeriskError } from "../errors.ts";
import { decodeDocument } from "./index.ts";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function errorOf(run: () => unknown): DeriskError {
  try {
    run();
  } catch (error) {
    if (error instanceof DeriskError) return error;
    throw error;
  }
  throw new Error("expected a DeriskError");
}

describe("decodeDocument", () => {
  it("decodes plain UTF-8 unchanged", () => {
    const result = decodeDocument(utf8("## Q1- Tell me about yourself\n“Hi” — 👉 café\n"));
    expect(result).toEqual({
      text: "## Q1- Tell me about yourself\n“Hi” — 👉 café\n",
      encoding: "utf-8",
      repaired: false,
      lineEndings: "lf",
      warnings: [],
    });
  });

  it("strips a UTF-8 byte-order mark and reports it", () => {
    const result = decodeDocument(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("# Prep")]));
    expect(result.text).toBe("# Prep");
    expect(result.encoding).toBe("utf-8-bom");
  });

  it("decodes UTF-16 LE and BE with a byte-order mark", () => {
    const text = "## Q1 — “Why us?”\nBecause 👉 you ship.";
    const le = [0xff, 0xfe];
    const be = [0xfe, 0xff];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le.push(c & 0xff, c >> 8);
      be.push(c >> 8, c & 0xff);
    }
    expect(decodeDocument(new Uint8Array(le))).toMatchObject({ text, encoding: "utf-16le" });
    expect(decodeDocument(new Uint8Array(be))).toMatchObject({ text, encoding: "utf-16be" });
  });

  it("normalises CRLF and lone CR to LF and says so", () => {
    const crlf = decodeDocument(utf8("# A\r\nline\r\n"));
    expect(crlf.text).toBe("# A\nline\n");
    expect(crlf.lineEndings).toBe("crlf");
    expect(crlf.warnings).toEqual(["Line endings were converted from CRLF to LF."]);
    expect(decodeDocument(utf8("a\rb\nc")).lineEndings).toBe("mixed");
    expect(decodeDocument(utf8("a\rb")).text).toBe("a\nb");
  });

  it("repairs mojibake and reports the code page", () => {
    const mac = decodeDocument(utf8("It‚Äôs done ‚Äî üëâ next"), { filename: "prep.md" });
    expect(mac).toMatchObject({
      text: "It’s done — 👉 next",
      encoding: "utf-8-mojibake-mac-roman",
      repaired: true,
    });
    expect(mac.warnings[0]).toContain("prep.md was UTF-8 text that had been mis-decoded as Mac Roman");
    const win = decodeDocument(utf8("Itâ€™s done â€” next"));
    expect(win).toMatchObject({ text: "It’s done — next", encoding: "utf-8-mojibake-windows-1252" });
  });

  it("rejects an empty file", () => {
    const error = errorOf(() => decodeDocument(new Uint8Array(), { filename: "prep.md" }));
    expect(error.code).toBe("BAD_INPUT");
    expect(error.message).toBe(
      "prep.md is empty (0 bytes): there is nothing to import. Add your prep notes to it and import it again.",
    );
  });

  it("rejects a whitespace-only file", () => {
    const error = errorOf(() => decodeDocument(utf8(" \n\t\r\n  "), { filename: "notes.md" }));
    expect(error.code).toBe("BAD_INPUT");
    expect(error.message).toBe(
      "notes.md contains only whitespace (7 bytes): there is nothing to import. Add your prep notes to it and import it again.",
    );
    // The page says it in its own words: choose or paste, not "import it again" from a terminal.
    expect(error.messageFor("web")).toBe(
      "notes.md contains only whitespace (7 bytes): there is nothing to import. Choose a file with your notes in it, or paste them.",
    );
    // Piped in: the terminal is told how to pipe, not to edit a file it never named.
    expect(errorOf(() => decodeDocument(utf8("  \n"))).message).toBe(
      "The document contains only whitespace (3 bytes): there is nothing to import. Pipe your notes in (derisk import - < prep.md) or give the file's path.",
    );
    // One byte (`echo | derisk import -`) is one byte, not "1 bytes".
    expect(errorOf(() => decodeDocument(utf8("\n"))).message).toMatch(
      /^The document contains only whitespace \(1 byte\):/,
    );
  });

  it("rejects a binary file, naming where the NUL bytes are", () => {
    const bytes = new Uint8Array([...utf8("hello world!"), 0, 1, 2, 3, ...utf8("more")]);
    const error = errorOf(() => decodeDocument(bytes, { filename: "prep.pdf" }));
    expect(error.code).toBe("BAD_INPUT");
    expect(error.message).toBe(
      "prep.pdf looks like a binary file (NUL bytes at offset 12): export it as Markdown or plain text and import that file.",
    );
  });

  it("recognises well-known binary formats by their signature", () => {
    const error = errorOf(() => decodeDocument(utf8("%PDF-1.7\n%âãÏÓ\n"), { filename: "cv.pdf" }));
    expect(error.message).toBe(
      "cv.pdf looks like a PDF, not text: export it as Markdown or plain text and import that file.",
    );
  });

  it("rejects text full of control characters as binary", () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    const error = errorOf(() => decodeDocument(bytes));
    expect(error.code).toBe("BAD_INPUT");
    expect(error.message).toMatch(
      /^The document looks like a binary file \(67 control characters in 200 characters\)/,
    );
  });

  it("reads a file saved as Windows-1252 (or Latin-1) as such, with a notice that says where", () => {
    // "café", curly quotes (0x93, 0x94) and an en dash (0x96), as Notepad saved them for years.
    const bytes = new Uint8Array([
      ...utf8("# Prep\r\nA caf"),
      0xe9,
      ...utf8(" chat: "),
      0x93,
      ...utf8("I fixed it"),
      0x94,
      ...utf8(" "),
      0x96,
      ...utf8(" twice.\r\n"),
    ]);
    const decoded = decodeDocument(bytes, { filename: "prep.md" });
    expect(decoded.text).toBe("# Prep\nA café chat: “I fixed it” – twice.\n");
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.repaired).toBe(false);
    expect(decoded.warnings).toEqual([
      "prep.md is not UTF-8: it was read as Windows-1252 (the first such byte, 0xE9 on line 2, in “café”). Check its accents and quotes; saving it as UTF-8 avoids this notice.",
      "Line endings were converted from CRLF to LF.",
    ]);
    // Valid UTF-8 is never read that way: the same text in UTF-8 stays UTF-8.
    expect(decodeDocument(utf8("# Prep\nA café chat – twice.\n")).encoding).toBe("utf-8");
  });

  it("still refuses bytes that are neither UTF-8 nor Windows-1252 text (control bytes, undefined ones)", () => {
    const bytes = new Uint8Array([...utf8("# Prep\ncaf"), 0xe9, 0x01, ...utf8(" au lait\n")]);
    const error = errorOf(() => decodeDocument(bytes, { filename: "prep.md" }));
    expect(error.code).toBe("UNSUPPORTED_ENCODING");
    expect(error.message).toBe(
      "prep.md is not valid UTF-8 (byte 0xE9 at offset 10, line 2), nor Windows-1252 text (byte 0x01 at offset 11 is a control byte): it may be binary or in another encoding. Re-save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8) and import it again.",
    );
    // 0x81 is undefined in Windows-1252.
    expect(errorOf(() => decodeDocument(new Uint8Array([...utf8("ab"), 0xe9, 0x81]))).code).toBe(
      "UNSUPPORTED_ENCODING",
    );
  });

  it("rejects UTF-16 without a byte-order mark", () => {
    const bytes = new Uint8Array([...utf8("# Prep notes here")].flatMap((b) => [b, 0]));
    const error = errorOf(() => decodeDocument(bytes, { filename: "prep.txt" }));
    expect(error.code).toBe("UNSUPPORTED_ENCODING");
    expect(error.message).toBe(
      "prep.txt looks like UTF-16 text without a byte-order mark (NUL bytes between the letters from offset 1): re-save it as UTF-8 and import it again.",
    );
  });

  it("rejects files over the size cap (default 10 MiB)", () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61);
    const error = errorOf(() => decodeDocument(big, { filename: "dump.md" }));
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toBe(
      "dump.md is 10.0 MiB, over the 10.0 MiB import limit: split it into smaller files (for example one per section) and import each.",
    );
    const small = errorOf(() => decodeDocument(utf8("x".repeat(3000)), { maxBytes: 2048 }));
    expect(small.message).toBe(
      "The document is 3 KiB, over the 2 KiB import limit: split it into smaller files (for example one per section) and import each.",
    );
    expect(decodeDocument(new Uint8Array(10 * 1024 * 1024).fill(0x61)).text.length).toBe(10 * 1024 * 1024);
  });
});
