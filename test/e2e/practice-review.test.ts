/**
 * The review after a practice answer, as a candidate reads it: the question they answered stays
 * on screen, since "answers the question" and the fixes only make sense beside it.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { startPractice, submitTypedAnswer, useSpec } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("the practice review", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, { seed: true, closeBrowser: true });

  test("after submitting, the review shows the question that was answered, and a paste as pasted", async () => {
    const { page } = spec;
    await startPractice(page, 1);
    const question = ((await page.locator("#practice-question").textContent()) ?? "").trim();
    expect(question.length).toBeGreaterThan(10);
    await page.getByRole("button", { name: /Start answering/ }).click();
    await page
      .getByLabel("Your answer, as you would say it")
      .fill(
        "The nightly pipeline failed twice a week. I traced it to a race and fixed it; failures fell to zero.",
      );
    await page.keyboard.press("Control+Enter");
    await page.getByRole("heading", { name: "How your answer reads" }).waitFor();
    // Before the fix the question was gone from the page until the rating card at its foot.
    const reviewed = page.getByTestId("reviewed-question");
    await expect.poll(() => reviewed.textContent()).toBe(`“${question}”`);
    expect(await reviewed.isVisible()).toBe(true);
    // The answer was pasted in at once: before, the review claimed it was "typed in 0 s".
    expect(await page.getByTestId("typed-timing").textContent()).toMatch(/^pasted · \d+ s on the question/);
  });

  test("the review says every duration one way: a minute or more in minutes, as the timing card does", async () => {
    // Before: the timing card read "budget 1 min 30 s–2 min" while the lens's notes and fixes
    // beside it said "budget 90–120 s" and "about 82 s under the budget".
    const { page } = spec;
    await startPractice(page, 2);
    await submitTypedAnswer(page, "I fixed the flaky build and it stayed green.");
    const budget = page.getByTestId("lens-budget");
    await budget.waitFor();
    expect(await budget.textContent()).toMatch(/min/);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, blocks apart ("5" and "90 s" not run together).
    const review = (await page.locator("main").innerText()).replace(/\s+/g, " ");
    const seconds = [...review.matchAll(/(\d+)(?:–\d+)? s\b/g)].map((match) => Number(match[1]));
    expect(seconds.length).toBeGreaterThan(0);
    expect(seconds.filter((value) => value >= 60)).toEqual([]);
  });
});
