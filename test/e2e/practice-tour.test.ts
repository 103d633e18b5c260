/**
 * A demanding user's tour of practice and the drill (tour26): the lists on the Practice page
 * carry no bullets beside their buttons and checkboxes, the Resume buttons line up with their
 * heading, a repeated question names its variant, the drill's review names its time, and the
 * drill's report counts key points instead of the behavioral score.
 */
import type { Browser, Locator } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./browser.ts";
import { boxOf, callApi, screenshot, startTestServer } from "./harness.ts";

const launched = await launchBrowser();

const listStyle = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).listStyleType);

describe.runIf(launched.browser !== null)("practice and the drill, toured", () => {
  const browser = launched.browser as Browser;

  afterAll(async () => {
    await browser.close();
  });

  test("the Practice page's lists, the drill's review and its report", async () => {
    const server = await startTestServer();
    const context = await newContext(browser, server.url);
    try {
      await fetch(`${server.url}/api/sample`, {
        method: "POST",
        body: "{}",
        headers: { "Content-Type": "application/json" },
      });
      // An unfinished session, so "Pick up where you left off" shows.
      await callApi(server.url, "/api/practice/sessions", { from: { kind: "due" }, count: 1 });
      const page = await context.newPage();
      await page.goto("/#/practice");
      const resume = page.locator(".practice-resume");
      await resume.getByRole("link", { name: "Resume" }).first().waitFor();
      // Before: a disc bullet before each Resume button, the buttons 17 px right of the heading.
      expect(await listStyle(resume.locator("ul"))).toBe("none");
      const heading = await boxOf(resume.getByRole("heading", { name: "Pick up where you left off" }));
      const button = await boxOf(resume.getByRole("link", { name: "Resume" }).first());
      expect(Math.abs(button.x - heading.x)).toBeLessThanOrEqual(1);

      await page.getByText("Hand-picked", { exact: true }).click();
      const picks = page.locator(".practice-picks");
      await picks.waitFor();
      // Before: a bullet before each checkbox.
      expect(await listStyle(picks.locator("ul"))).toBe("none");
      // Two answers to one question are told apart.
      await expect(
        picks.getByText("Tell me about yourself (alternative)", { exact: true }).count(),
      ).resolves.toBe(1);
      await screenshot(page, "practice-tour-picks").catch(() => undefined);

      // The drill: an answer, its review, then the report.
      const { session } = (await callApi(server.url, "/api/practice/sessions", {
        from: { kind: "drill", tag: "ml-concept" },
        count: 1,
      })) as { session: { id: string; steps: Array<{ id: string }> } };
      const answer =
        "High bias means the model is too simple for the data and underfits. High variance means it is very sensitive to the particular training sample.";
      const submitted = (await callApi(server.url, `/api/practice/sessions/${session.id}/submit`, {
        text: answer,
      })) as { stepId: string };
      await page.goto(`/#/practice/${session.id}`);
      const summary = page.locator(".practice-review-summary");
      await summary.waitFor();
      // Before: "0 s of 2 min", neither typing nor speaking time. Sent whole through the API, the
      // answer reads as pasted: no typing time is claimed for it.
      expect(await summary.textContent()).toMatch(
        /^pasted · \d+ s on the question \(the 2 min budget is for saying it aloud\) · \d of 5 key points covered/,
      );
      expect(await listStyle(page.locator(".drill-points"))).toBe("none");

      await callApi(server.url, `/api/practice/sessions/${session.id}/steps/${submitted.stepId}/rating`, {
        rating: "good",
      });
      await page.reload();
      const report = page.locator(".practice-report");
      await report.waitFor();
      // Before: "mean score of 5" and the risk lens's behavioral fixes.
      await expect(report.getByText("key points covered", { exact: true }).count()).resolves.toBe(1);
      await expect(report.getByText(/mean score/).count()).resolves.toBe(0);
      expect(await report.getByTestId("key-points").textContent()).toMatch(/^\d of 5 key points covered$/);
      await expect(report.getByText("Key points you missed").count()).resolves.toBe(1);
      await screenshot(page, "practice-tour-drill-report").catch(() => undefined);
    } finally {
      await context.close();
      await server.close();
    }
  }, 180_000);
});
