/**
 * Answers and follow-up answers written as lists read as lists, in a real browser against the real
 * server: a document with bullets, nested bullets, numbered lists, a blank line inside a follow-up
 * answer and a STAR part made of bullets is imported through the file chooser; the question page
 * and the printed prep sheet show each list as a list, a nested list inside its item, and the
 * answer's Markdown table as a table.
 */
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { closeSpec, openSpec, screenshot, type TestServer } from "./harness.ts";

const launched = await launchBrowser();
const fixture = fileURLToPath(new URL("../fixtures/structures/every-construct.md", import.meta.url));

/** Each list under `root` as the reader sees it: items with their own text and the lists nested in them. */
type Shown = Array<{ text: string; sub: Shown }>;
async function listsIn(root: Locator): Promise<Shown[]> {
  return root.evaluate((element) => {
    const read = (list: Element): Shown =>
      [...list.children].map((li) => ({
        text: [...li.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? "")
          .join("")
          .trim(),
        sub: [...li.children].filter((c) => c.tagName === "UL" || c.tagName === "OL").flatMap(read),
      }));
    return [...element.querySelectorAll("ul, ol")].filter((l) => l.parentElement?.tagName !== "LI").map(read);
  });
}

const item = (text: string, sub: Shown = []) => ({ text, sub });

describe.runIf(launched.browser !== null)("lists written in answers read as lists", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser, { width: 1280 }));
  }, 120_000);

  afterAll(async () => {
    await closeSpec({ context, server, browser });
  });

  test("the import places every line: three answers, three follow-ups, nothing left as a note", async () => {
    await page.goto("/");
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Choose a file" }).click(),
    ]);
    await chooser.setFiles(fixture);
    const summary = page.getByTestId("report-summary");
    await summary.waitFor();
    const text = (await summary.textContent()) ?? "";
    expect(text).toContain("3 answers");
    expect(text).toContain("3 follow-ups");
    expect(text).toMatch(/\b0 lines unrecognised/);
  });

  test("the question page shows the answer's lists and each follow-up's list as lists", async () => {
    await page.getByRole("link", { name: "Open the library" }).click();
    await page.getByRole("navigation", { name: "Questions" }).getByRole("link", { name: /Q1/ }).click();
    const panel = page.locator(".answer-panel");
    await panel.getByRole("heading", { name: /Tell me about a project you led/ }).waitFor();

    expect(await listsIn(panel.locator(".answer-card > .text-block"))).toEqual([
      [
        item("Mapped every consumer of the nightly tables.", [
          item("Found two teams reading raw files directly."),
          item("Wrote adapters for both of them."),
        ]),
        item("Ran the old and new paths side by side for a month."),
      ],
      [
        item("Agree on the contract with each consumer."),
        item("Migrate one consumer at a time.", [item("Start with the smallest one.")]),
      ],
    ]);

    const answers = panel.locator(".followup-answer .text-block");
    expect(await answers.count()).toBe(3);
    expect(await listsIn(answers.nth(0))).toEqual([
      [
        item("Involve the consumers earlier."),
        item("Write the rollback plan first.", [item("And rehearse it once.")]),
      ],
    ]);
    expect(await listsIn(answers.nth(1))).toEqual([
      [item("Window length per night."), item("Number of tables that landed late.")],
    ]);
    // The list after a blank line stays in its answer, and so does the paragraph after it.
    expect(await listsIn(answers.nth(2))).toEqual([
      [item("their reports ran at five in the morning"), item("they had no test environment")],
    ]);
    expect(await answers.nth(2).textContent()).toContain("was the real worry, so I built them one.");
    await screenshot(page, "lists-question-followups");
  });

  test("a table written in the answer is shown as a table, not as pipe-separated lines", async () => {
    const card = page.locator(".answer-panel .answer-card");
    const table = card.locator("table");
    expect(await table.count()).toBe(1);
    expect(await table.locator("thead th").allTextContents()).toEqual(["measure", "before", "after"]);
    expect(await table.locator("tbody tr td").allTextContents()).toEqual(["window", "6 h", "20 min"]);
    // The full-page capture "lists-question-followups" above shows it.
    expect(await card.textContent()).not.toContain("|");
  });

  test("a STAR part written as bullets shows them as a list", async () => {
    await page.getByRole("navigation", { name: "Questions" }).getByRole("link", { name: /Q2/ }).click();
    const panel = page.locator(".answer-panel");
    await panel.getByRole("heading", { name: /disagreed with your manager/ }).waitFor();
    expect(await listsIn(panel.locator(".answer-card"))).toEqual([
      [
        item("Proposed a one-day load test on a copy of production."),
        item("Shared the numbers from the last incident."),
      ],
    ]);
    await screenshot(page, "lists-star-action");
  });

  test("code written in an answer is shown as written, not read as headings, bold or bullets", async () => {
    await page.getByRole("navigation", { name: "Questions" }).getByRole("link", { name: /Q3/ }).click();
    const panel = page.locator(".answer-panel");
    await panel.getByRole("heading", { name: /debug a slow query/ }).waitFor();
    expect(await panel.locator(".answer-card pre").textContent()).toBe(
      "# look at the plan first\nplan = db.explain(query, **options)\n- 1",
    );
    await screenshot(page, "lists-code-answer");
  });

  test("the printed prep sheet shows the same lists, nested inside their items", async () => {
    await page.goto(`${server.url}/api/export?format=html&print=1`);
    const followUps = page.locator(".followup .a");
    await followUps.first().waitFor();
    const shown = await Promise.all(
      (await followUps.all()).map(async (answer) => ({
        question: await answer.locator("xpath=..").locator(".q").textContent(),
        lists: await listsIn(answer),
      })),
    );
    expect(shown.find((f) => f.question === "What would you do differently?")?.lists).toEqual([
      [
        item("Involve the consumers earlier."),
        item("Write the rollback plan first.", [item("And rehearse it once.")]),
      ],
    ]);
    expect(shown.find((f) => f.question === "Who pushed back?")?.lists).toEqual([
      [item("their reports ran at five in the morning"), item("they had no test environment")],
    ]);
    const table = page.locator(".answer table");
    expect(await table.locator("th").allTextContents()).toEqual(["measure", "before", "after"]);
    expect(await table.locator("td").allTextContents()).toEqual(["window", "6 h", "20 min"]);
    await screenshot(page, "lists-prep-sheet");
  });
});
