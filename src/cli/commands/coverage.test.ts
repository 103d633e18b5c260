import { describe, expect, it } from "vitest";
import { type RegisterCommand, runCommand as runWith } from "../test-cli.ts";
import { withStoriesFile } from "../test-stories-file.ts";
import { registerCoverageCommand } from "./coverage.ts";

// In-process: a program with only the command under test, capturing its output.
const runCommand = (register: RegisterCommand, argv: string[], stdin = "") =>
  runWith([register], argv, { stdin });

const stories = withStoriesFile();

describe("derisk coverage", () => {
  it("prints the matrix and the gaps", async () => {
    const json = JSON.parse(
      (await runCommand(registerCoverageCommand, ["coverage", "--stories", stories.path, "--json"])).out,
    );
    expect(json.gaps).toContain("leadership-influence");
    expect(json.cells[json.competencies.indexOf("mistake-failure")]).toEqual([3, 0]);
    const { out } = await runCommand(registerCoverageCommand, ["coverage", "--stories", stories.path]);
    expect(out).toMatch(/Gaps: .*leadership-influence/);
    expect(out).toMatch(/^ {2}S1 +story +The rollback I forgot$/m);
  });

  it("says for each gap the command that fills it: the answer to write, or the drill", async () => {
    const { out } = await runWith([registerCoverageCommand], ["coverage", "--stories", stories.path], {
      columns: 200,
    });
    expect(out).toMatch(/^Fill a gap: write your answer to a question of its kind/m);
    expect(out).toMatch(
      /^ {2}leadership-influence: derisk add-answer -q "[^"]+\?*[^"]*" --from answer\.txt$/m,
    );
    expect(out).toMatch(/^ {2}ml-concept: derisk drill$/m);
    // What the stories serve is no gap, so it gets no command.
    expect(out).not.toMatch(/^ {2}(?:mistake-failure|conflict):/m);
  });

  it("wraps the legend to a narrow terminal, titles under themselves, and never cuts a grid row", async () => {
    const { out } = await runWith([registerCoverageCommand], ["coverage", "--stories", stories.path], {
      columns: 24,
    });
    const lines = out.split("\n");
    // "  S1  story  The rollback I forgot" is 35 wide: the title goes on under itself.
    const at = lines.findIndex((l) => /^ {2}S1 +story +The/.test(l));
    expect(lines[at + 1]).toMatch(new RegExp(`^ {${(lines[at] ?? "").indexOf("The")}}\\S`));
    // Each grid row keeps both cells on its line.
    for (const competency of ["mistake-failure", "conflict"])
      expect(lines.find((l) => l.startsWith(competency))).toMatch(/^\S+ +[·\d] +[·\d]$/);
  });

  it("explains the levels as the matrix scores them: a result alone is 1, two of result, figure and lesson 2", async () => {
    const json = JSON.parse(
      (await runCommand(registerCoverageCommand, ["coverage", "--stories", stories.path, "--json"])).out,
    );
    // "Disagreeing on the metric" has a result and nothing else.
    expect(json.cells[json.competencies.indexOf("conflict")]).toEqual([0, 1]);
    const { out } = await runCommand(registerCoverageCommand, ["coverage", "--stories", stories.path]);
    const legend = out.split("\n")[0] ?? "";
    expect(legend).not.toMatch(/2 with a result/);
    expect(legend).toMatch(/2 two of result, figure, lesson/);
  });
});

it("a story column names the document the story was drawn from", async () => {
  const { coverageColumns } = await import("./coverage.ts");
  const columns = coverageColumns({
    competencies: ["mistake-failure"],
    stories: [
      { id: "s1", title: "Tell me about a mistake", document: "Acme" },
      { id: "s2", title: "Tell me about a mistake", document: "Globex" },
    ],
    cells: [[2, 2]],
    rows: [{ competency: "mistake-failure", best: 2, evidence: [] }],
    gaps: [],
    thin: [],
  });
  expect(columns.map((c) => c.title)).toEqual([
    "Tell me about a mistake in “Acme”",
    "Tell me about a mistake in “Globex”",
  ]);
});
