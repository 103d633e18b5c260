/**
 * Two blocks that touched with no space between them on a first visit: the Stories page's "Make
 * stories from this document" card and the "No stories yet" box under it, and the Export page's
 * note that the sample is left off the sheet and the format cards under it.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { boxOf, callApi, importSampleAsOwn, importText, settle, useSpec } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("space between a first visit's blocks", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, { closeBrowser: true });

  test("Stories: the card to make stories stands apart from the empty list", async () => {
    await importSampleAsOwn(spec.server.url);
    const page = await spec.context.newPage();
    try {
      await page.goto("/#/stories");
      await page.getByText("No stories yet").waitFor();
      await settle(page);
      const card = await boxOf(page.locator(".from-document"));
      const empty = await boxOf(page.locator(".empty-state"));
      expect(empty.y - (card.y + card.height)).toBeGreaterThanOrEqual(12);
    } finally {
      await page.close();
    }
  });

  test("Export: the note on the sample stands apart from the format cards", async () => {
    // The demo sample beside the user's own document: the sheet leaves it off, and says so.
    await importText(
      spec.server.url,
      "## Q1- Tell me about yourself\n\nI build data pipelines for a logistics firm.\n",
      "mine.md",
    );
    await callApi(spec.server.url, "/api/sample", {});
    const page = await spec.context.newPage();
    try {
      await page.goto("/#/export");
      const note = page.getByTestId("sample-off-sheet");
      await note.waitFor();
      await settle(page);
      const noted = await boxOf(note);
      const grid = await boxOf(page.locator(".sheet-grid"));
      expect(grid.y - (noted.y + noted.height)).toBeGreaterThanOrEqual(12);
    } finally {
      await page.close();
    }
  });
});
