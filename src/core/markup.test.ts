import { describe, expect, it } from "vitest";
import { readSample, readSeed, SEED_RUNS } from "../../test/seed.ts";
import { analyze } from "./analysis/index.ts";
import { answerText } from "./answer-text.ts";
import { starLabel, stripMarkup, textBlocks } from "./markup.ts";
import type { PrepDoc } from "./model.ts";

const MARKUP =
  /\*\*|__|(?<![\p{L}\p{N}])_[^_\s][^_]*_(?![\p{L}\p{N}])|^\s*(?:situation|task|action|result|lesson)\s*:/imu;

/** Every text a view shows: answers, follow-up answers, reflection turns and reframes, concern lines. */
function shownTexts(doc: PrepDoc): string[] {
  return doc.items.flatMap((item) => {
    switch (item.kind) {
      case "answer":
        return [answerText(item)];
      case "follow-up":
        return [item.answer];
      case "reflection":
        return [...item.turns.map((t) => t.text), ...item.reframes];
      case "concern":
        return [item.judgement, ...item.reframes];
      default:
        return [];
    }
  });
}

function expectClean(doc: PrepDoc): void {
  const texts = shownTexts(doc);
  expect(texts.some((t) => MARKUP.test(t))).toBe(true);
  for (const text of texts) expect(stripMarkup(text)).not.toMatch(MARKUP);
}

describe("stripMarkup", () => {
  it("keeps the words and drops bold, italics, STAR labels, code ticks and link targets", () => {
    expect(stripMarkup("**Situation**: I was _really_ **stuck**.")).toBe("I was really stuck.");
    expect(stripMarkup("**S – Situation**\nOur detector drifted.")).toBe("Our detector drifted.");
    expect(stripMarkup("You're _dangerously prepared_ — and *ready*.")).toBe(
      "You're dangerously prepared — and ready.",
    );
    expect(stripMarkup("See [the repo](https://example.org) and run `npm test`.")).toBe(
      "See the repo and run npm test.",
    );
    // Not markup: snake_case, arithmetic, a sentence that starts with a part's name.
    expect(stripMarkup("snake_case and 2*3*4")).toBe("snake_case and 2*3*4");
    expect(stripMarkup("Action items slipped.")).toBe("Action items slipped.");
  });

  it("drops the star of an emphasis never closed, not a multiplication or a footnote mark", () => {
    expect(stripMarkup("We ran a canary and *the error rate fell 40%.")).toBe(
      "We ran a canary and the error rate fell 40%.",
    );
    expect(stripMarkup("*Latency fell.")).toBe("Latency fell.");
    expect(stripMarkup("It cost 2*3 hours, see note*.")).toBe("It cost 2*3 hours, see note*.");
  });

  it("drops strike marks and keeps the words they wrapped; a lone tilde stays", () => {
    expect(stripMarkup("I used ~~Excel~~ SQL for the report.")).toBe("I used Excel SQL for the report.");
    expect(stripMarkup("It took ~3 weeks, ~~ not 2.")).toBe("It took ~3 weeks, ~~ not 2.");
  });

  it("reads a table row as its cells' words and drops the separator row", () => {
    expect(stripMarkup("| fix | I cached the features and cut latency to 80 ms |")).toBe(
      "fix — I cached the features and cut latency to 80 ms",
    );
    expect(stripMarkup("| step | **what** I did |\n|---|:---:|\n| a \\| b | c |")).toBe(
      "step — what I did\n\na | b — c",
    );
    // A sentence cut inside a row keeps the row's end as a cell.
    expect(stripMarkup("Then I found the cause. | slow |")).toBe("Then I found the cause. — slow");
    // A pipe inside prose is no table.
    expect(stripMarkup("We chose a | b over c.")).toBe("We chose a | b over c.");
  });

  it("lays prose out as paragraphs and lists: '-', '*', '+', '•' bullets and '1.' items, markup stripped", () => {
    expect(
      textBlocks(
        "Not about:\n- **titles**\n* charm\n+ buzzwords\n\nThey ask:\n1. Will she freeze?\n2) Will she blame?\nThat is all.",
      ),
    ).toEqual([
      { type: "p", lines: ["Not about:"] },
      { type: "ul", lines: ["titles", "charm", "buzzwords"] },
      { type: "p", lines: ["They ask:"] },
      { type: "ol", lines: ["Will she freeze?", "Will she blame?"] },
      { type: "p", lines: ["That is all."] },
    ]);
    // Emphasis is no bullet; a blank line ends a list.
    expect(textBlocks("*really* done\n- a\n\n- b")).toEqual([
      { type: "p", lines: ["really done"] },
      { type: "ul", lines: ["a"] },
      { type: "ul", lines: ["b"] },
    ]);
  });

  it("nests a list under the item above it when its items are indented two spaces or more", () => {
    expect(
      textBlocks(
        "Steps:\n- Mapped every consumer.\n  - Found two teams.\n  - Wrote adapters.\n- Ran both paths.\n1. Agree.\n2. Migrate.\n   - Smallest first.",
      ),
    ).toEqual([
      { type: "p", lines: ["Steps:"] },
      {
        type: "ul",
        lines: ["Mapped every consumer.", "Ran both paths."],
        sub: [{ type: "ul", lines: ["Found two teams.", "Wrote adapters."] }],
      },
      {
        type: "ol",
        lines: ["Agree.", "Migrate."],
        sub: [undefined, { type: "ul", lines: ["Smallest first."] }],
      },
    ]);
    // A list indented as a whole (under a question line) is a list of its own, not nested.
    expect(textBlocks("   - a\n   - b")).toEqual([{ type: "ul", lines: ["a", "b"] }]);
  });

  it("keeps a fenced code block as written: no heading, bold or bullet read into it", () => {
    expect(textBlocks("Like this:\n```python\n# plan first\nrun(**options)\n- 1\n```\nDone.")).toEqual([
      { type: "p", lines: ["Like this:"] },
      { type: "pre", lines: ["# plan first", "run(**options)", "- 1"] },
      { type: "p", lines: ["Done."] },
    ]);
  });

  it("reads a Markdown table as a table: header cells, body rows, markup stripped from every cell", () => {
    expect(
      textBlocks(
        "Numbers:\n| measure | **before** | after |\n|---|:--:|--:|\n| window | 6 h | _20 min_ |\n| a \\| b |  | x |\nDone.",
      ),
    ).toEqual([
      { type: "p", lines: ["Numbers:"] },
      {
        type: "table",
        lines: ["measure", "before", "after"],
        rows: [
          ["window", "6 h", "20 min"],
          ["a | b", "", "x"],
        ],
      },
      { type: "p", lines: ["Done."] },
    ]);
    // Outer pipes are optional; a table with only a header row is still a table.
    expect(textBlocks("a | b\n--- | ---")).toEqual([{ type: "table", lines: ["a", "b"], rows: [] }]);
  });

  it("keeps a malformed table as lines of text and never throws", () => {
    // No separator row.
    expect(textBlocks("| a | b |\n| 1 | 2 |")).toEqual([{ type: "p", lines: ["| a | b |", "| 1 | 2 |"] }]);
    // Ragged: a body row with a cell too many, a separator with a cell too few.
    expect(textBlocks("| a | b |\n|---|---|\n| 1 | 2 | 3 |")).toEqual([
      { type: "p", lines: ["| a | b |", "|---|---|", "| 1 | 2 | 3 |"] },
    ]);
    expect(textBlocks("| a | b |\n|---|\n| 1 | 2 |")).toEqual([
      { type: "p", lines: ["| a | b |", "|---|", "| 1 | 2 |"] },
    ]);
    // A pipe in prose and a dashed rule are no table.
    expect(textBlocks("yes | no\n---")).toEqual([{ type: "p", lines: ["yes | no", "---"] }]);
    for (const odd of ["|", "||\n||", "|\n|-|", "|-|\n|-|\n|-|", "| a |\n|:-:|\n\n| b |", "\\|\n|-|"])
      expect(() => textBlocks(odd)).not.toThrow();
  });

  it("reads a huge table, and a huge malformed one, whole", () => {
    const table = (n: number): string =>
      ["| n | text |", "|---|---|", ...Array.from({ length: n }, (_, i) => `| ${i} | row ${i} |`)].join("\n");
    // Every line looks like a separator, the last row is ragged: read as text, each line once.
    const ragged = (n: number): string => [...Array.from({ length: n }, () => "|-|"), "| a | b |"].join("\n");
    const [big] = textBlocks(table(20_000));
    expect(big?.rows).toHaveLength(20_000);
    const odd = textBlocks(ragged(20_000));
    expect(odd).toHaveLength(1);
    expect(odd[0]?.lines).toHaveLength(20_001);
    expect(textBlocks(`| ${"x".repeat(200_000)} |\n|${" ".repeat(100_000)}x`)).toHaveLength(1);
    // That reading them costs linear time is measured by bench/hostile.bench.ts
    // (hostile-table-32k-lines, hostile-ragged-table-32k-lines), not timed here.
  });

  it("names the part a written label stands for", () => {
    expect(starLabel("**Result**: It worked.")).toBe("result");
    expect(starLabel("**R – Result**")).toBe("result");
    expect(starLabel("Results were mixed.")).toBeUndefined();
  });

  it.runIf(SEED_RUNS)("leaves no markup in any text the seed's views show, the reflection included", () => {
    const seed = readSeed() as PrepDoc;
    expectClean(seed);
    const reflection = seed.items.find((i) => i.kind === "reflection");
    const said = reflection?.kind === "reflection" ? reflection.turns.map((t) => t.text).join("\n") : "";
    expect(said).toMatch(/_dangerously prepared_/);
    expect(stripMarkup(said)).toMatch(/You're dangerously prepared — just one opportunity/);
  });

  it.runIf(SEED_RUNS)("keeps markup out of the lens's quotes", () => {
    const seed = readSeed() as PrepDoc;
    for (const item of seed.items) {
      if (item.kind !== "answer") continue;
      const analysis = analyze(answerText(item), { question: item.question });
      const quotes = [
        ...Object.values(analysis.evidence).flatMap((e) => e.quotes),
        ...analysis.fixes.map((f) => f.quote ?? ""),
      ];
      for (const quote of quotes) expect(quote).not.toMatch(/\*\*|__/);
    }
  });

  it("leaves no markup in any text the sample document's views show", () => {
    const sample = readSample();
    expectClean(sample);
    const q5 = sample.items.find((i) => i.kind === "answer" && i.key === "q5/core");
    const analysis = analyze(q5?.kind === "answer" ? `**Note**: ${answerText(q5)} It was **hard**.` : "");
    for (const quote of Object.values(analysis.evidence).flatMap((e) => e.quotes))
      expect(quote).not.toMatch(/\*\*/);
  });
});
