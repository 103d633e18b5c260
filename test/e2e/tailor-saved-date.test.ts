/**
 * The Tailor page's saved postings give the day a posting was saved in the user's own calendar,
 * as every other list of the app does, and keep it on one line. Before, it was the UTC day cut from
 * the timestamp ("2026-12-06"), a day off in the evening west of Greenwich, and a phone split it
 * at a hyphen ("2026-12-" / "06").
 */
import type { Browser } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { callApi, closeSpec, importSeed, type OpenedSpec, openSpec } from "./harness.ts";

const launched = await launchBrowser();

const POSTING = [
  "Data Engineer",
  "Quillfeather Logistics",
  "",
  "Requirements",
  "- Experience with Airflow and Spark",
  "- Strong SQL",
].join("\n");

describe.runIf(launched.browser !== null)("a saved posting's date", () => {
  const browser = launched.browser as Browser;
  afterAll(async () => {
    await browser.close();
  });

  test("is the local day, whole on one line at 390 px", async () => {
    let opened: OpenedSpec | undefined;
    try {
      opened = await openSpec(browser, { width: 390, height: 844, locale: "en-US" });
      const { server, page } = opened;
      await importSeed(server.url);
      await callApi(server.url, "/api/tailor", { text: POSTING });
      const { tailorings } = (await (await fetch(`${server.url}/api/tailorings`)).json()) as {
        tailorings: { updatedAt: string }[];
      };
      const updatedAt = tailorings[0]?.updatedAt ?? "";
      await page.goto("/#/tailor");
      const saved = page.getByTestId("saved-tailorings").locator("li").first();
      await saved.waitFor();
      const local = await page.evaluate((iso) => new Date(iso).toLocaleDateString(), updatedAt);
      const date = saved.locator(".saved-date");
      expect(await date.textContent()).toBe(local);
      expect(await saved.textContent()).not.toContain(updatedAt.slice(0, 10));
      const lines = await date.evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      });
      expect(lines).toBe(1);
    } finally {
      await closeSpec({ context: opened?.context, server: opened?.server });
    }
  }, 120_000);
});
