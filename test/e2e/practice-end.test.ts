/**
 * Ending a mock interview early, as a candidate does when time runs out: one confirmed click ends
 * the session on the server and shows the report over the questions answered, and the session no
 * longer waits on the practice page to be resumed.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { startPractice, useSpec } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("ending a practice session early", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, { seed: true, closeBrowser: true });

  test("End interview after one answer shows the report of 1 of 3, and the session is over", async () => {
    const { page } = spec;
    await startPractice(page, 3);
    await page.getByRole("button", { name: /Start answering/ }).click();
    await page
      .getByLabel("Your answer, as you would say it")
      .fill(
        "The nightly pipeline failed twice a week. I traced it to a race and fixed it; failures fell to zero.",
      );
    await page.keyboard.press("Control+Enter");
    await page.getByRole("heading", { name: "How your answer reads" }).waitFor();

    // Before: no such action; the only ways out were leaving the page or skipping each question.
    await page.getByRole("button", { name: "End interview" }).click();
    await expect.poll(() => page.locator(".practice-end").textContent()).toMatch(/covers the 1 question/);
    await page.getByRole("button", { name: "End and see the report" }).click();
    const report = page.getByRole("heading", { name: "Session report" });
    await report.waitFor();
    await expect
      .poll(() => page.locator(".page-practice").textContent())
      .toMatch(/1\/3\s*questions answered/);
    expect(await page.getByRole("button", { name: "End interview" }).count()).toBe(0);

    // The server recorded the end: a reload lands on the report, and nothing waits to be resumed.
    await page.reload();
    await page.getByRole("heading", { name: "Session report" }).waitFor();
    await page.goto("/#/practice");
    await page.getByRole("button", { name: /Start the session/ }).waitFor();
    expect(await page.getByRole("heading", { name: "Pick up where you left off" }).count()).toBe(0);
  });
});
