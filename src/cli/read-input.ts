import { readFile, stat } from "node:fs/promises";
import { DeriskError } from "../app/errors.ts";
import type { CliContext } from "./context.ts";

/**
 * Reads a FILE argument, or standard input for "-", refusing what cannot be read with a
 * message naming the path and the fix. `maxBytes` stops a huge file before it is read.
 * @example const bytes = await readInput(ctx, "prep.md", 10 * 1024 * 1024);
 */
export async function readInput(
  ctx: CliContext,
  path: string,
  maxBytes: number,
  fix = "shorten it",
  /** The option that takes a stored item's id instead ("--answer"), named when PATH looks like one. */
  idOption?: string,
): Promise<Uint8Array> {
  if (path === "-") {
    const bytes = await ctx.readStdin(maxBytes);
    if (bytes.byteLength > maxBytes) throw tooLarge("standard input", undefined, maxBytes, fix);
    return bytes;
  }
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new DeriskError(
        "BAD_INPUT",
        `${path} is a folder: give the path of one text file in it (a .md or .txt file).`,
      );
    }
    if (info.size > maxBytes) throw tooLarge(path, info.size, maxBytes, fix);
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof DeriskError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : ((error as Error).message ?? "unreadable");
    // "derisk analyze 57fb2906" means a stored answer far more often than a file named so.
    const looksLikeId = code === "ENOENT" && idOption !== undefined && /^[0-9a-f]{4,}$/i.test(path);
    throw new DeriskError(
      "BAD_INPUT",
      looksLikeId
        ? `Cannot read ${path}: no such file. If ${path} is the id of an answer in your bank, use ${idOption} ${path}; otherwise check the path.`
        : `Cannot read ${path}: ${why}. Check the path (or pass - to read standard input).`,
      {
        cause: error,
      },
    );
  }
}

function tooLarge(where: string, size: number | undefined, maxBytes: number, fix: string): DeriskError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  const is = size === undefined ? "is" : `is ${mb(size)},`;
  return new DeriskError("TOO_LARGE", `${where} ${is} over the ${mb(maxBytes)} limit: split it, or ${fix}.`);
}

/**
 * Decodes UTF-8 strictly (a BOM is dropped), or UTF-16 that starts with its byte-order mark
 * (as Windows editors save "Unicode" text, and as derisk import reads it): binary or
 * mis-encoded input is refused with exit 2 instead of being kept as replacement characters.
 * @example decodeUtf8Strict(bytes, "answer.md")
 */
export function decodeUtf8Strict(bytes: Uint8Array, where: string): string {
  const name = where === "-" ? "standard input" : where;
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : "";
  if (utf16 !== "" && bytes.byteLength % 2 === 0) {
    try {
      const text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
      if (!text.includes("\u0000")) return text;
    } catch {
      // Not UTF-16 after all: the checks below say what it is.
    }
  }
  if (bytes.includes(0)) {
    throw new DeriskError(
      "BAD_INPUT",
      `${name} holds NUL bytes: it looks binary (or UTF-16). Give it as UTF-8 text (in most editors: Save As… → Encoding: UTF-8).`,
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw new DeriskError(
      "BAD_INPUT",
      `${name} is not valid UTF-8 text: re-save it as UTF-8 (or import it with derisk import, which repairs other encodings).`,
      { cause: error },
    );
  }
}

/**
 * The question a command was given: the argument's words, or standard input when the argument
 * is "-" alone; whitespace folded. An empty question is empty input (exit 2), naming `command`
 * in its example. Shared by classify and match.
 * @example await readQuestionArg(ctx, ["-"], "classify")
 */
export async function readQuestionArg(
  ctx: CliContext,
  words: readonly string[],
  command: string,
): Promise<string> {
  const fromStdin = words.length === 1 && words[0] === "-";
  const question = (
    fromStdin
      ? decodeUtf8Strict(await readInput(ctx, "-", 64 * 1024, "give the question only"), "standard input")
      : words.join(" ")
  )
    .replace(/\s+/g, " ")
    .trim();
  if (!question)
    throw new DeriskError(
      "BAD_INPUT",
      `The question ${fromStdin ? "read from standard input " : ""}is empty: give the question to ${command}, e.g. derisk ${command} "Tell me about a conflict".`,
    );
  return question;
}
