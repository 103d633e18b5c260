/**
 * Ending a mock interview early, as a candidate does when time runs out: one confirmed click ends
 * the session on the server and shows the report over the questions answered, and the session no
 * longer waits on the practice page to be resumed. The report tells a question the candidate
 * skipped from one the interview never reached because it was ended.
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
    // Before: the two questions never asked read "Skipped.", as if the candidate had passed them.
    expect(await page.getByTestId("ended-early").textContent()).toBe(
      "Ended early, after question 1: 1 of 3 questions answered.",
    );
    const notReached = page.getByText("Not reached: the interview was ended after question 1.");
    await expect.poll(() => notReached.count()).toBe(2);
    expect(await page.getByText("Skipped.", { exact: true }).count()).toBe(0);

    // The server recorded the end: a reload lands on the report, and nothing waits to be resumed.
    await page.reload();
    await page.getByRole("heading", { name: "Session report" }).waitFor();
    await page.goto("/#/practice");
    await page.getByRole("button", { name: /Start the session/ }).waitFor();
    expect(await page.getByRole("heading", { name: "Pick up where you left off" }).count()).toBe(0);
    // The past sessions list says it too.
    await expect
      .poll(() => page.locator(".practice-past").textContent())
      .toMatch(/ended early .+ · 1 of 3 answered/);
  });

  test("a question skipped reads Skipped; the one on screen when ended and the rest, Not reached", async () => {
    const { page } = spec;
    const sessionId = await startPractice(page, 3);
    await page.getByRole("button", { name: /Start answering/ }).click();
    await page.getByRole("button", { name: /Skip this question/ }).waitFor();
    await page.keyboard.press("Control+Enter");
    // The second question, not started: the interview is ended before it is answered.
    await page.getByRole("button", { name: /Start answering/ }).waitFor();
    await page.getByRole("button", { name: "End interview" }).click();
    await expect.poll(() => page.locator(".practice-end").textContent()).toMatch(/Nothing is answered yet/);
    await page.getByRole("button", { name: "End and see the report" }).click();
    await page.getByRole("heading", { name: "Session report" }).waitFor();
    await expect
      .poll(() => page.getByTestId("ended-early").textContent())
      .toBe("Ended early, after question 1: 0 of 3 questions answered.");
    const lines = await page.locator(".practice-report-step .muted[data-state]").allTextContents();
    // Before: "Skipped." three times.
    expect(lines).toEqual([
      "Skipped.",
      "Not reached: the interview was ended after question 1.",
      "Not reached: the interview was ended after question 1.",
    ]);
    const { report } = (await (
      await page.request.get(`/api/practice/sessions/${encodeURIComponent(sessionId)}/report`)
    ).json()) as { report: { ended?: { afterQuestion: number }; steps: Array<{ state: string }> } };
    expect(report.ended?.afterQuestion).toBe(1);
    expect(report.steps.map((s) => s.state)).toEqual(["skipped", "not-reached", "not-reached"]);
  });
});
