import { describe, expect, it } from "vitest";
import { scriptArgs } from "./script-args.ts";

describe("scriptArgs", () => {
  it("reads the word after a flag, and whether a flag is there", () => {
    const { option, flag } = scriptArgs(["--model", "m.json", "--misses", "--json"]);
    expect(option("--model")).toBe("m.json");
    expect(option("--corpus")).toBeUndefined();
    // A flag last on the line has no value.
    expect(option("--json")).toBeUndefined();
    expect([flag("--misses"), flag("--summary")]).toEqual([true, false]);
  });
});
