/**
 * Progress's "Practice now" tile on a phone: its two counts wrap between them, never inside a
 * word. Before, at 390 px the tile read "0 due no" / "w ·" / "34 new". When today's limit on new
 * questions holds some back, the tile says how many are left unpractised.
 */
import type { Browser } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { callApi, closeSpec, importSeed, type OpenedSpec, openSpec, screenshot } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("the Practice now tile", () => {
  const browser = launched.browser as Browser;
  afterAll(async () => {
    await browser.close();
  });

  test("keeps 'due now' whole at 390 px", async () => {
    let opened: OpenedSpec | undefined;
    try {
      opened = await openSpec(browser, { width: 390, height: 844 });
      const { server, page } = opened;
      await importSeed(server.url);
      // One typed answer, so Progress has something to show.
      const { session } = (await callApi(server.url, "/api/practice/sessions", {
        from: { kind: "due" },
        count: 1,
      })) as { session: { id: string } };
      await callApi(server.url, `/api/practice/sessions/${session.id}/submit`, {
        text: "I moved our nightly model retraining onto Airflow and cut failed runs from six a month to one.",
      });
      await page.goto("/#/progress");
      const tile = page.getByTestId("due-now");
      await tile.waitFor();
      expect(await tile.textContent()).toMatch(/^\d+\u00a0due\u00a0now · \d+\u00a0new$/);
      // "9 new" beside "17 questions ready" read as a contradiction: the tile says why it is fewer.
      const newCount = /(\d+)\u00a0new$/.exec((await tile.textContent()) ?? "")?.[1];
      const limit =
        /^(\d+) new today of the (\d+) not yet on your review schedule \(your limit of new questions a day\)$/.exec(
          ((await page.getByTestId("new-limit").textContent()) ?? "").replace(/\s+/g, " ").trim(),
        );
      expect(limit?.[1]).toBe(newCount);
      expect(Number(limit?.[2])).toBeGreaterThan(Number(newCount));
      // The lines the text is laid out on: "N due now ·" and "M new" at most, each word whole.
      const lines = await tile.evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        return tops.size;
      });
      expect(lines).toBeLessThanOrEqual(2);
      await screenshot(page, "progress-tiles-390");
    } finally {
      await closeSpec({ context: opened?.context, server: opened?.server });
    }
  }, 120_000);
});
