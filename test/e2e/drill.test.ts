/**
 * The technical drill in a real browser against the real server: started from the Practice
 * page's "Technical drill" source, a typed answer checked against the key points (covered and
 * missed, by concept), the outline, a reload that lands on the same feedback, and the rating
 * that schedules the question on the one due queue.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { screenshot, startPractice, useSpec } from "./harness.ts";

const launched = await launchBrowser();

const ANSWER =
  "Overfitting is when the training error is low but the validation error is high, because the model memorises noise. " +
  "Underfitting is when the error is high on both the training and the validation data. " +
  "Against overfitting I use dropout, early stopping and weight decay.";

describe.runIf(launched.browser !== null)("the technical drill in the browser", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, { seed: true });

  test("drill one ML question: key points covered and missed, the outline, a reload, the rating", async () => {
    const { page, server } = spec;
    const sessionId = await startPractice(page, 1, { topic: "ml-concept" });
    const question = (await page.locator("#practice-question").textContent()) ?? "";
    // The seed's own technical question comes first, with key points borrowed from the bank.
    expect(question).toMatch(/overfitting and underfitting/);

    await page.getByRole("button", { name: /Start answering/ }).click();
    const editor = page.getByLabel("Your answer, as you would say it");
    await editor.fill(ANSWER);
    await page.keyboard.press("Control+Enter");
    await page.getByRole("heading", { name: "Key points you covered" }).waitFor();
    const points = page.getByRole("region", { name: "Key points" });
    const covered = await points.locator(".drill-covered").count();
    const missed = await points.locator(".drill-missed").count();
    expect(covered).toBeGreaterThanOrEqual(3);
    expect(missed).toBeGreaterThanOrEqual(1);
    expect(await points.locator(".drill-covered").first().textContent()).toMatch(
      /Covered overfitting means low training error but high validation error/,
    );
    expect(await page.getByRole("region", { name: "A strong answer" }).textContent()).toMatch(
      /learning curves/,
    );
    expect(await page.locator(".practice-review-summary").textContent()).toContain(
      `${covered} of ${covered + missed} key points covered`,
    );
    // The risk lens is for behavioral answers: a drill shows key points instead.
    expect(await page.getByRole("heading", { name: "How your answer reads" }).count()).toBe(0);
    await screenshot(page, "drill-feedback-light").catch(() => undefined);

    // The state is on the server: a reload lands on the same feedback.
    await page.reload();
    await page.getByRole("heading", { name: "Key points you covered" }).waitFor();
    expect(await page.getByRole("region", { name: "Key points" }).locator(".drill-covered").count()).toBe(
      covered,
    );

    await page.getByRole("heading", { name: "Key points you covered" }).click();
    await page.keyboard.press("3");
    await expect
      .poll(async () => {
        const res = await fetch(`${server.url}/api/practice/sessions/${sessionId}/report`);
        const body = (await res.json()) as { report: { steps: Array<{ rating?: string }> } };
        return body.report.steps[0]?.rating;
      })
      .toBe("good");
    // Rated, the question left the due queue until FSRS brings it back.
    const due = (await (await fetch(`${server.url}/api/practice/due?limit=500`)).json()) as {
      due: Array<{ questionText: string }>;
    };
    expect(due.due.some((d) => d.questionText === question)).toBe(false);
  });

  test("rated 'again', a drill question says it comes back in 1 minute, in the singular", async () => {
    const { page } = spec;
    await startPractice(page, 2, {});
    await page.getByRole("button", { name: /Start answering/ }).click();
    await page
      .getByLabel("Your answer, as you would say it")
      .fill("I am not sure; it has to do with the data.");
    await page.keyboard.press("Control+Enter");
    await page.getByRole("heading", { name: "Key points you covered" }).waitFor();
    await page.getByRole("heading", { name: "Key points you covered" }).click();
    await page.keyboard.press("1");
    // Before: "Rated again. It comes back in 1 minutes."
    const notice = page.getByText(/^Rated again\. It comes back in/);
    await notice.waitFor();
    expect(await notice.textContent()).toBe("Rated again. It comes back in 1 minute.");
  });

  test("the coverage page's ML concepts gap leads to the drill, not to writing a story", async () => {
    const { page } = spec;
    await page.goto("/#/coverage");
    await page.getByRole("table").waitFor();
    // The seed has technical questions but no answer that evidences ML concepts.
    await page.getByRole("link", { name: "Drill technical questions for ML concepts" }).click();
    await page.waitForURL(/#\/practice\/start\/drill$/);
    await page.getByRole("heading", { name: "Practice", level: 1 }).waitFor();
    expect(await page.getByRole("radio", { name: /Technical drill/ }).isChecked()).toBe(true);
    expect(await page.getByLabel("Topic").isVisible()).toBe(true);
  });
});
