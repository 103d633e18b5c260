import { describe, expect, it } from "vitest";
import { runCommand } from "../test-cli.ts";
import { registerAnalyzeCommand } from "./analyze.ts";

// A user who has just seen "Q3 · core … [57fb2906]" types `derisk analyze 57fb2906`: the argument is
// read as a file, so the message says how to analyse the stored answer instead.
describe("analyze FILE that is not there", () => {
  it("names --answer when the argument looks like a stored id", async () => {
    const run = await runCommand([registerAnalyzeCommand], ["analyze", "57fb2906"]);
    expect(run.code).toBe(2);
    expect(run.error).toBe(
      "Cannot read 57fb2906: no such file. To analyse the stored answer with that id, use --answer 57fb2906; otherwise check the path.",
    );
  });

  it("keeps the path advice for a name that is not an id", async () => {
    const run = await runCommand([registerAnalyzeCommand], ["analyze", "my-answer.md"]);
    expect(run.code).toBe(2);
    expect(run.error).toBe(
      "Cannot read my-answer.md: no such file. Check the path (or pass - to read standard input).",
    );
  });
});
