/**
 * What a demanding candidate ran into on a tour of the web app the week before an interview
 * (keyboard only, 390 px), each pinned by the path that showed it.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./browser.ts";
import { settle, startPractice, useSpec } from "./harness.ts";

const launched = await launchBrowser();

/** What has the keyboard focus: a short description of the focused element. */
async function focused(page: import("playwright-core").Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (element === null || element === document.body) return "body";
    const name = element.getAttribute("aria-label") ?? element.textContent ?? "";
    return `${element.tagName.toLowerCase()} ${name.trim().slice(0, 40)}`;
  });
}

describe.runIf(launched.browser !== null)("a candidate's keyboard-only tour of the web app", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, { seed: true, closeBrowser: true });

  test("a peek by its key keeps the focus on the question: the prepared answer, then Tab goes on to answering", async () => {
    // Before: P disabled the focused Start answering button while the peek was on its way, the
    // focus fell to the page, and the next Tab went back to "Skip to content" at the top: at
    // 390 px thirteen Tabs through the menu to get back to the question.
    const context = await newContext(browser, spec.server.url, { width: 390 });
    try {
      const page = await context.newPage();
      await startPractice(page, 1);
      await settle(page);
      expect(await focused(page)).toMatch(/^button Start answering/);
      await page.keyboard.press("p");
      const prepared = page.getByRole("complementary", { name: "Prepared answer" });
      await prepared.waitFor();
      await settle(page);
      expect(await focused(page)).toMatch(/^aside Prepared answer/);
      // Its title is not left under the sticky menu by the move of the focus.
      const title = await prepared.getByText(/Your prepared answer/).boundingBox();
      const menu = await page.locator("header").first().boundingBox();
      expect(title?.y ?? 0).toBeGreaterThanOrEqual((menu?.y ?? 0) + (menu?.height ?? 0));
      await page.keyboard.press("Tab");
      expect(await focused(page)).toMatch(/^button Answer out loud/);
      // Enter from the prepared answer starts the answer, as on the rest of the question.
      await prepared.focus();
      await page.keyboard.press("Enter");
      await page.getByLabel("Your answer, as you would say it").waitFor();
      await settle(page);
      expect(await focused(page)).toMatch(/^textarea/);
    } finally {
      await context.close();
    }
  });
});
