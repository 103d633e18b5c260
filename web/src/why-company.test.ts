import { describe, expect, test } from "vitest";
import { scaffoldHint } from "./why-company.ts";

describe("scaffoldHint", () => {
  test("one blank is 'the blank', never 'the 1 blanks'", () => {
    expect(scaffoldHint(1)).toContain("Fill the blank in your words.");
    expect(scaffoldHint(1)).not.toContain("1 blanks");
  });

  test("several are counted", () => {
    expect(scaffoldHint(3)).toContain("Fill the 3 blanks in your words.");
  });

  test("no blank asks for nothing to be filled", () => {
    expect(scaffoldHint(0)).not.toContain("Fill");
  });
});
