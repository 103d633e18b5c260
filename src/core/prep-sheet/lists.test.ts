import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importPrepDocument } from "../markdown/index.ts";
import { buildPrepSheet, renderPrepSheetHtml, renderPrepSheetMarkdown } from "./index.ts";

// Our own fixture: answers and follow-ups written as bullets, nested bullets and numbered lists.
const doc = importPrepDocument(
  readFileSync(new URL("../../../test/fixtures/structures/every-construct.md", import.meta.url)),
);
const sheet = buildPrepSheet([doc]);
const squash = (html: string) => html.replace(/\n/g, "");

describe("the prep sheet lays out the lists an answer was written with", () => {
  it("prints a follow-up answer's bullets as a list, the nested bullet inside its item (HTML, so the PDF)", () => {
    const html = squash(renderPrepSheetHtml(sheet));
    expect(html).toContain(
      "<p>Three things:</p><ul><li>Involve the consumers earlier.</li><li>Write the rollback plan first.<ul><li>And rehearse it once.</li></ul></li></ul>",
    );
    expect(html).toContain(
      "<ol><li>Window length per night.</li><li>Number of tables that landed late.</li></ol>",
    );
    expect(html).toContain(
      "<ul><li>their reports ran at five in the morning</li><li>they had no test environment</li></ul>",
    );
  });

  it("prints an answer's nested and numbered lists, and a STAR part's bullets, as lists (HTML)", () => {
    const html = squash(renderPrepSheetHtml(sheet));
    expect(html).toContain(
      "<ul><li>Mapped every consumer of the nightly tables.<ul><li>Found two teams reading raw files directly.</li><li>Wrote adapters for both of them.</li></ul></li><li>Ran the old and new paths side by side for a month.</li></ul>",
    );
    expect(html).toContain(
      "<ol><li>Agree on the contract with each consumer.</li><li>Migrate one consumer at a time.<ul><li>Start with the smallest one.</li></ul></li></ol>",
    );
    expect(html).toContain(
      '<p><span class="label">Action:</span></p><ul><li>Proposed a one-day load test on a copy of production.</li><li>Shared the numbers from the last incident.</li></ul>',
    );
  });

  it("prints code written in an answer as written (HTML)", () => {
    expect(renderPrepSheetHtml(sheet)).toContain(
      "<pre># look at the plan first\nplan = db.explain(query, **options)\n- 1</pre>",
    );
  });

  it("prints a table written in an answer as a table (HTML), and keeps its lines as written (Markdown)", () => {
    const html = squash(renderPrepSheetHtml(sheet));
    expect(html).toContain(
      "<table><thead><tr><th>measure</th><th>before</th><th>after</th></tr></thead><tbody><tr><td>window</td><td>6 h</td><td>20 min</td></tr></tbody></table>",
    );
    expect(html).not.toContain("| measure |");
    // Inside the answer's quote block, where a Markdown viewer shows it as a table.
    expect(renderPrepSheetMarkdown(sheet)).toContain(
      "> | measure | before | after |\n> |---|---|---|\n> | window | 6 h | 20 min |",
    );
  });

  it("keeps a follow-up answer's list lines in the Markdown sheet, indented under its question", () => {
    const markdown = renderPrepSheetMarkdown(sheet);
    expect(markdown).toContain(
      "- **What would you do differently?**  \n  Three things:\n  - Involve the consumers earlier.\n  - Write the rollback plan first.\n    - And rehearse it once.\n",
    );
  });

  it("ends each plain line of a several-line follow-up answer with a hard break, so a viewer keeps the lines apart", () => {
    const notes = importPrepDocument(
      new TextEncoder().encode(
        [
          "# Prep",
          "",
          "## Q1- Tell me about yourself",
          "",
          "I build ranking models and ship them; last year I cut serving latency by 40%.",
          "",
          "They'll likely ask:",
          "",
          "“What experience do you have with ML in practice?”",
          "Highlight two projects:",
          "RLHF with GPT-2 (reward model, PPO).",
          "A chatbot on AWS (LangChain, SageMaker).",
          "",
        ].join("\n"),
      ),
    );
    const markdown = renderPrepSheetMarkdown(buildPrepSheet([notes]));
    // Before: the three lines without "  ", which a Markdown viewer runs into one sentence.
    expect(markdown).toContain(
      "  Highlight two projects:  \n  RLHF with GPT-2 (reward model, PPO).  \n  A chatbot on AWS (LangChain, SageMaker).\n",
    );
  });
});
