/**
 * A new user's tour of the sample, point by point: the library and the Follow-ups page say what
 * each count counts, the sample's own concern comes back on its question, the start page does
 * not offer the sample twice, Progress and Practice count due and new cards alike, and two
 * layout slips (the competency select, a question's variant count) are measured.
 */
import type { Browser } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./browser.ts";
import { boxOf, callApi, screenshot, startTestServer } from "./harness.ts";

const launched = await launchBrowser();

/** One practice answer over the API, rated "good": its card comes back later today (a learning step), not now. */
async function practiseOnce(url: string): Promise<void> {
  const { session } = (await callApi(url, "/api/practice/sessions", { from: { kind: "due" }, count: 1 })) as {
    session: { id: string };
  };
  const text =
    "I spent six years calibrating particle detectors, then moved that work into Python, Spark and Airflow, and shipped a drift monitor that still runs every night.";
  const submitted = (await callApi(url, `/api/practice/sessions/${session.id}/submit`, { text })) as {
    stepId: string;
  };
  await callApi(url, `/api/practice/sessions/${session.id}/steps/${submitted.stepId}/rating`, {
    rating: "good",
  });
}

describe.runIf(launched.browser !== null)("a new user's tour of the sample", () => {
  const browser = launched.browser as Browser;

  afterAll(async () => {
    await browser.close();
  });

  test("library, follow-ups, start page, practice and progress", async () => {
    const server = await startTestServer();
    const context = await newContext(browser, server.url);
    try {
      const first = (await (
        await fetch(`${server.url}/api/sample`, {
          method: "POST",
          body: "{}",
          headers: { "Content-Type": "application/json" },
        })
      ).json()) as { documentId: string };
      // A second import of the sample is "unchanged": still one document.
      await fetch(`${server.url}/api/sample`, {
        method: "POST",
        body: "{}",
        headers: { "Content-Type": "application/json" },
      });
      const documents = (await (await fetch(`${server.url}/api/documents`)).json()) as
        | { documents?: unknown[] }
        | unknown[];
      const list = Array.isArray(documents) ? documents : (documents.documents ?? []);
      expect(list.length).toBe(1);
      const detail = (await (await fetch(`${server.url}/api/documents/${first.documentId}`)).json()) as {
        items: { id: string; kind: string; key: string }[];
      };
      const q1 = detail.items.find((item) => item.key === "q1/core")?.id ?? "";
      const page = await context.newPage();

      // Library: the imported follow-ups are the ones prepared.
      await page.goto(`/#/library/${first.documentId}/answers/${q1}`);
      const heading = page.locator("#followups-title");
      await heading.waitFor();
      expect(await heading.textContent()).toMatch(/^Follow-ups you prepared\s*4$/);
      // A question in several variants whose wording wraps (Q5): its count sits beside its score.
      const q5Link = page.locator(".question-link", { has: page.locator(".question-variants") }).last();
      const score = q5Link.locator(".question-score[data-score]");
      await score.waitFor({ timeout: 20_000 });
      expect((await boxOf(q5Link.locator(".question-text"))).height).toBeGreaterThan(30);
      const variants = await boxOf(q5Link.locator(".question-variants"));
      const scoreBox = await boxOf(score);
      expect(Math.abs(variants.y + variants.height / 2 - (scoreBox.y + scoreBox.height / 2))).toBeLessThan(3);
      await screenshot(page, "polish-library-q1");

      // Follow-ups: the predictions are called predicted, and the sample's own concern is back.
      await page.goto(`/#/followups/${q1}`);
      const summary = page.getByTestId("followups-summary");
      await summary.waitFor({ timeout: 20_000 });
      expect(await summary.textContent()).toMatch(/^\d+ predicted follow-ups? ·/);
      const concern = page.locator(".concern-card", { hasText: "scientist who dabbles in code" });
      await concern.waitFor();
      expect(await concern.textContent()).toContain(
        "The lab paid me to keep production data pipelines alive",
      );
      await screenshot(page, "polish-followups-q1");

      // Start page: the sample is opened, not imported again.
      await page.goto("/#/");
      const open = page.getByTestId("sample-in-library");
      await open.waitFor();
      expect(await open.getAttribute("href")).toContain(first.documentId);
      expect(await page.getByRole("button", { name: /Start from the sample document/ }).count()).toBe(0);
      await screenshot(page, "polish-start-sample-imported");

      await practiseOnce(server.url);
      // Practice: "N due now · M new", and the competency select keeps its distance from "Questions".
      await page.goto("/#/practice");
      const chip = page.locator(".practice-source .chip").first();
      await chip.waitFor({ timeout: 20_000 });
      const practiceCounts = /^(\d+) due now · (\d+) new$/.exec((await chip.textContent()) ?? "");
      expect(practiceCounts).not.toBeNull();
      await page.getByRole("radio", { name: /One competency/ }).check();
      const select = await boxOf(page.locator(".practice-setup > .field-inline select"));
      const questions = await boxOf(page.locator(".practice-options .field-label").first());
      expect(questions.y - (select.y + select.height)).toBeGreaterThanOrEqual(12);
      await screenshot(page, "polish-practice-competency");

      // Progress says it the same way, with the same counts: the card just rated comes back later
      // today, so it is not due now on either page.
      await page.goto("/#/progress");
      const due = page.getByTestId("due-now");
      await due.waitFor({ timeout: 20_000 });
      expect((await due.textContent())?.replace(/\u00a0/g, " ")).toBe(
        `${practiceCounts?.[1]} due now · ${practiceCounts?.[2]} new`,
      );
      await page.locator(".progress-charts canvas").first().waitFor({ timeout: 20_000 });
      await screenshot(page, "polish-progress");
    } finally {
      await context.close();
      await server.close();
    }
  });
});
