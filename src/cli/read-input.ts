import { readFile, stat } from "node:fs/promises";
import { DeriskError } from "../app/errors.ts";
import type { CliContext } from "./context.ts";

/**
 * Reads a FILE argument, or standard input for "-", refusing what cannot be read with a
 * message naming the path and the fix. `maxBytes` stops a huge file before it is read.
 * @example const bytes = await readInput(ctx, "prep.md", 10 * 1024 * 1024);
 */
export async function readInput(ctx: CliContext, path: string, maxBytes: number): Promise<Uint8Array> {
  if (path === "-") {
    const bytes = await ctx.readStdin();
    if (bytes.byteLength > maxBytes) throw tooLarge("standard input", bytes.byteLength, maxBytes);
    return bytes;
  }
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new DeriskError(
        "BAD_INPUT",
        `${path} is a folder: give the path of one prep document (a .md or .txt file).`,
      );
    }
    if (info.size > maxBytes) throw tooLarge(path, info.size, maxBytes);
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
    throw new DeriskError(
      "BAD_INPUT",
      `Cannot read ${path}: ${why}. Check the path (or pass - to read standard input).`,
      {
        cause: error,
      },
    );
  }
}

function tooLarge(where: string, size: number, maxBytes: number): DeriskError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return new DeriskError(
    "TOO_LARGE",
    `${where} is ${mb(size)}, over the ${mb(maxBytes)} limit: split it into smaller documents, or raise the limit with --max-bytes.`,
  );
}
