/**
 * A coverage gap's "Write your answer" in a real browser against the real server: the new
 * answer page opens with the gap's question filled in, the risk lens reads the answer while it
 * is typed, a draft is kept in the browser, and Save writes it into the document, where the
 * library shows it.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { closeSpec, importText, openSpec, screenshot, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("a coverage gap to a saved answer", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let documentId = "";

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser));
    // One story and nothing else: "Tell me about yourself", motivation and strengths are gaps
    // that call for an answer (not a story), whatever the question classifier makes of a
    // fuller document.
    const text = [
      "# Prep notes",
      "",
      "### Q1- Tell me about a difficult technical problem you solved",
      "",
      "Our nightly training job failed twice a week. I traced it to a race in the feature export,",
      "rewrote the export as an idempotent step and added a check before training. Failures went",
      "from eight a month to zero, and I now test the data path before the model.",
      "",
    ].join("\n");
    documentId = await importText(server.url, text, "prep-notes.md");
  });

  afterAll(async () => {
    await closeSpec({ context, server, browser });
  });

  test("Write your answer opens the new answer page, and Save puts the answer in the library", async () => {
    await page.goto("/#/coverage");
    await page.getByRole("table").waitFor();
    const gap = page.locator("a.gap-link[data-action='write-answer']").first();
    await gap.waitFor();
    const question = ((await gap.getAttribute("title")) ?? "").replace(/^For example: /, "");
    expect(question).not.toBe("");
    await gap.click();
    await page.getByRole("heading", { level: 1, name: "Write your answer" }).waitFor();
    expect(await page.getByLabel("Question").inputValue()).toBe(question);

    const answer =
      "We all worked hard on it. In the end it went well and everyone was happy with how things turned out.";
    await page.getByLabel("Answer", { exact: true }).fill(answer);
    // The live lens reads the answer as it is typed: a score appears above the text.
    await page.locator(".lens-summary[data-score]").waitFor({ state: "attached" });
    expect(await page.locator(".lens-summary-score").textContent()).toMatch(/^\d\/5/);
    expect(await page.locator("section.lens").textContent()).not.toMatch(/Write an answer to see/);
    await page.getByText(/draft kept in this browser/).waitFor();
    await screenshot(page, "new-answer");
    const axe = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(
      axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
    ).toEqual([]);

    await page.getByRole("button", { name: "Save answer" }).click();
    await page.waitForURL(new RegExp(`#/library/${documentId}/answers/`));
    await page.getByRole("heading", { name: question }).first().waitFor();
    expect(await page.getByText(answer.slice(0, 40)).first().isVisible()).toBe(true);

    const detail = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
      items: { kind: string; question?: string; text?: string }[];
    };
    expect(
      detail.items.some((i) => i.kind === "answer" && i.question === question && i.text === answer),
    ).toBe(true);
  });
});
