/**
 * Compose where even a story's shortest telling overruns the budget: the draft is that telling, the
 * closest to the budget, with a warning that says so, and "Show the whole story (≈ N s)" one step
 * away. Before (compose40): the page showed the whole story, far over the budget, and no such button.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { importText, makeStories, settle, useSpec } from "./harness.ts";

const launched = await launchBrowser();

// Long lines, so that a line of the setting and the main deed alone run past 45 s (the page's least budget).
const LONG = `## Q1- Tell me about a difficult technical problem you solved.

**Situation:** I was the only engineer on a small analytics team whose quarterly revenue forecast, built from eleven regional spreadsheets merged by hand every Friday evening, kept disagreeing with the finance department's numbers by several percent, and nobody on either team could say which of the two sets of figures to trust before the board meeting at the end of the month, where the chief financial officer would present them to the investors.
**Action:** I rebuilt the whole merge as a scripted pipeline that reads every regional sheet, checks each column against a written schema, converts the currencies with the rates finance itself publishes, flags any row that changed since the previous week, and writes one reconciled table that both teams now read from instead of keeping their own private copies on their laptops and in their shared drives.
**Result:** The two sets of figures have matched to the cent for three quarters in a row, and the Friday evening merge that used to take four hours now runs by itself in under two minutes.
**Lesson:** I learned that a number two teams argue about is usually a process problem, and that writing the process down as code ends the argument.
`;

// A short story whose shortest telling fits 20 s.
const SHORT = `## Q1- Tell me about a time you made a slow nightly report fast.

**Situation:** Our nightly report took three hours.
**Action:** I added an index to the orders table.
**Result:** It now runs in four minutes.
**Lesson:** I learned to measure before I optimise.
`;

describe.runIf(launched.browser !== null)(
  "Compose gives the shortest telling and the whole story on asking",
  () => {
    const browser = launched.browser as Browser;
    const spec = useSpec(browser, { closeBrowser: true });

    /** A prep document imported and made into stories, and a page on Compose ready to use. */
    async function composeFrom(text: string, filename: string): Promise<Page> {
      const documentId = await importText(spec.server.url, text, filename);
      await makeStories(spec.server.url, documentId);
      const page = await spec.context.newPage();
      await page.goto("/#/compose");
      await page.getByLabel("Story").waitFor();
      await settle(page);
      return page;
    }

    test("a 45 s budget no telling fits: the shortest telling, then the whole story from the button", async () => {
      const page = await composeFrom(LONG, "long-prep.md");
      try {
        await page.getByLabel("Time budget").selectOption("45");
        await page.getByRole("button", { name: "Compose the draft" }).click();
        const draftText = page.getByTestId("draft-text");
        await draftText.waitFor();
        const shortest = (await draftText.textContent()) ?? "";
        await expect.poll(() => page.getByText(/^This draft is the story at its shortest/).count()).toBe(1);
        // The result and the lesson are left out of the shortest telling.
        expect(shortest).not.toContain("matched to the cent");
        const button = page.getByRole("button", { name: /^Show the whole story \(≈ .+\)$/ });
        await button.waitFor();
        await button.click();
        await expect.poll(async () => (await draftText.textContent()) ?? "").toContain("matched to the cent");
        expect((await draftText.textContent()) ?? "").toContain(
          "I learned that a number two teams argue about",
        );
        // The whole story is what was asked for: no button to ask for it again.
        expect(await page.getByRole("button", { name: /^Show the whole story/ }).count()).toBe(0);
        expect(await page.getByText(/^What must stay/).count()).toBe(1);
      } finally {
        await page.close();
      }
    });

    test("a 20 s budget, as the CLI and the API take: the draft is composed for 20 s", async () => {
      // Before: the page's least budget was 45 s, so a follow-up's 20–30 s could not be asked for.
      const page = await composeFrom(SHORT, "short-prep.md");
      try {
        const story = page.getByLabel("Story");
        const option = story.locator("option", { hasText: "nightly report" });
        await story.selectOption((await option.first().getAttribute("value")) ?? "");
        const budget = page.getByLabel("Time budget");
        expect(await budget.locator("option").allTextContents()).toEqual([
          "20 s",
          "30 s",
          "45 s",
          "1 min",
          "1 min 30 s",
          "2 min",
          "3 min",
        ]);
        await budget.selectOption("20");
        await page.getByRole("button", { name: "Compose the draft" }).click();
        await page.getByTestId("draft-text").waitFor();
        await expect.poll(() => page.locator(".draft-meta").textContent()).toMatch(/ of 20 s$/);
        const [, seconds] =
          /≈ (\d+) s of/.exec((await page.locator(".draft-meta").textContent()) ?? "") ?? [];
        expect(Number(seconds)).toBeLessThanOrEqual(20);
      } finally {
        await page.close();
      }
    });
  },
);
