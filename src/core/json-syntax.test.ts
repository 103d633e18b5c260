import { describe, expect, it } from "vitest";
import { describeJsonError } from "./json-syntax.ts";

const problem = (text: string) => {
  try {
    JSON.parse(text);
  } catch (error) {
    return describeJsonError(text, error);
  }
  throw new Error("valid JSON");
};

describe("describeJsonError", () => {
  it("names the line and column where the JSON breaks, with the text there", () => {
    expect(problem('{\n  "title": "x",\n  tags: []\n}')).toBe(
      "line 3, column 3 (at `  tags: []`): Expected double-quoted property name",
    );
    expect(problem('{\n "title": "x" "y"}')).toBe(
      'line 2, column 15 (at `tle": "x" "y"}`): Expected \',\' or \'}\' after property value',
    );
  });

  it("says when the text ends too early, and keeps a long line's excerpt short", () => {
    expect(problem('{"a": [1, 2')).toBe(
      "line 1, column 12 (at `\"a\": [1, 2`): Expected ',' or ']' after array element",
    );
    expect(problem("")).toBe("line 1, column 1 (at the end): the text ends before the JSON does");
    const long = `{"a": "${"x".repeat(5000)}" oops}`;
    const said = problem(long);
    expect(said).toMatch(/^line 1, column 5010 /);
    expect(said.length).toBeLessThan(120);
  });
});
