import { describe, expect, it } from "vitest";
import { runCommand } from "../test-cli.ts";
import { registerImportCommand } from "./import.ts";

describe("derisk import --max-bytes", () => {
  it("refuses a limit that is not a whole number of bytes above 0, before reading anything", async () => {
    for (const limit of ["abc", "-5", "0", "1.5", "10MB"]) {
      const run = await runCommand([registerImportCommand], ["import", "-", "--max-bytes", limit], {
        stdin: "# Prep\n\n## Tell me about yourself\n\nI build data pipelines.\n",
      });
      expect(run.code, limit).toBe(1);
      expect(run.out).toBe("");
      expect(run.error).toBe(
        `--max-bytes ${limit} is not a number of bytes: give a whole number above 0, e.g. --max-bytes 20000000 (the default is 10485760, 10 MiB).`,
      );
    }
  });
});
