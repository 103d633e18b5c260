/**
 * A peek at the prepared answer in a mock interview, as a candidate does when stuck: the question
 * answered after it is shown as "peeked", its score named as no clean answer, and the report
 * counts it apart from the questions answered (and a question peeked at then skipped apart from
 * the ones skipped), in the real web app over the real server, in a real Chromium.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { answerFollowUpIfAsked, startPractice, useSpec } from "./harness.ts";

const launched = await launchBrowser();

const ANSWER =
  "The nightly pipeline failed twice a week. I traced it to a race in the export, made the step idempotent, and failures fell from eight a month to zero.";

describe.runIf(launched.browser !== null)("peeking at the prepared answer", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, { seed: true, closeBrowser: true });

  test("a question answered after a peek and one skipped after a peek read 'peeked', not answered or skipped", async () => {
    const { page } = spec;
    const sessionId = await startPractice(page, 3);

    // 1: peeked at, then answered.
    await page.getByRole("button", { name: /Start answering/ }).click();
    await page.getByRole("button", { name: /Peek at the prepared answer/ }).click();
    await page.getByRole("complementary", { name: "Prepared answer" }).waitFor();
    await page.getByLabel("Your answer, as you would say it").fill(ANSWER);
    await page.keyboard.press("Control+Enter");
    await page.getByRole("heading", { name: "How your answer reads" }).waitFor();
    // Before: "score 3/5, …" as any answer, then "you peeked at the prepared answer".
    await expect
      .poll(() => page.getByTestId("peeked-score").textContent())
      .toMatch(/score [1-5]\/5 after peeking: not a clean answer/);
    expect(await page.getByTestId("peeked").textContent()).toBe("peeked");
    await answerFollowUpIfAsked(page, "We alerted on the export's row count and paged the owner.");
    await page.getByRole("heading", { name: /How well did you know/ }).waitFor();
    await page.keyboard.press("3");

    // 2: peeked at (the P key), then skipped.
    await page.getByRole("button", { name: /Start answering/ }).waitFor();
    await page.keyboard.press("p");
    await page.getByRole("complementary", { name: "Prepared answer" }).waitFor();
    await page.getByRole("button", { name: /Start answering/ }).click();
    await page.getByRole("button", { name: /Skip this question/ }).click();

    // 3: the interview is ended on it, no peek.
    await page.getByRole("button", { name: /Start answering/ }).waitFor();
    await page.getByRole("button", { name: "End interview" }).click();
    await page.getByRole("button", { name: "End and see the report" }).click();
    await page.getByRole("heading", { name: "Session report" }).waitFor();

    // Before: "Ended early, after question 2: 1 of 3 questions answered.", the peeked answer among them.
    await expect
      .poll(() => page.getByTestId("ended-early").textContent())
      .toBe("Ended early, after question 2: 0 of 3 questions answered, 2 peeked.");
    expect(await page.getByTestId("peeked-count").textContent()).toMatch(
      /^2\s*peeked at the prepared answer, not counted as answered$/,
    );
    const steps = page.locator(".practice-report-step");
    // The answer given after the peek keeps its time and score, named as no clean answer.
    const first = steps.nth(0).locator(".practice-figures").first();
    expect(await first.getAttribute("data-state")).toBe("peeked");
    expect(await first.textContent()).toContain("peeked: not a clean answer");
    expect(await first.locator(".question-score.is-peeked").count()).toBe(1);
    // Before: "Skipped.".
    expect(await steps.nth(1).locator(".muted[data-state]").first().textContent()).toBe(
      "Peeked at the prepared answer, then skipped.",
    );
    expect(await steps.nth(2).locator(".muted[data-state]").first().textContent()).toBe(
      "Not reached: the interview was ended after question 2.",
    );
    // Its score stays out of the mean, and the head says so.
    expect(await page.locator(".stat-grid").textContent()).toMatch(/clean answers only|no clean answer/);

    // The server says the same: the peek was recorded as the steps' state.
    const report = (await (
      await page.request.get(`/api/practice/sessions/${encodeURIComponent(sessionId)}/report`)
    ).json()) as {
      report: { peeked: number; steps: Array<{ kind: string; state: string; afterPeek?: string }> };
    };
    expect(
      report.report.steps.filter((s) => s.kind === "question").map((s) => [s.state, s.afterPeek]),
    ).toEqual([
      ["peeked", "answered"],
      ["peeked", "skipped"],
      ["not-reached", undefined],
    ]);
  }, 180_000);
});
