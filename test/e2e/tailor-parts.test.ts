/**
 * A requirement that names several things is read per thing on the Tailor page (tailor50). Before,
 * "Strong SQL and Spark skills" showed as a gap for a bank whose story migrated a pipeline to Spark:
 * one sentence was scored against the whole line. Now the line says which thing the bank shows,
 * with its sentence, and which is missing; a line that names one thing reads as before.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { boxOf, callApi, screenshot, useSpec } from "./harness.ts";

const launched = await launchBrowser();

// Our own posting and story, written for this test.
const POSTING = `Data Engineer — Fjordline Ferries

Requirements:
- Strong SQL and Spark skills
- Experience with Spark
`;

describe.runIf(launched.browser !== null)("tailor reads a compound requirement per thing", () => {
  const spec = useSpec(launched.browser as Browser, {
    closeBrowser: true,
    fill: async ({ server }) => {
      await callApi(server.url, "/api/stories", {
        title: "Moving the calibration job",
        situation: "Our nightly sensor calibration took nine hours on one machine.",
        actions: ["I migrated the calibration pipeline to Spark."],
        result: "It now finishes in forty minutes.",
      });
    },
  });

  for (const width of [1280, 390]) {
    test(`shows Spark met with its sentence and SQL missing (${width} px)`, async () => {
      const { page } = spec;
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/#/tailor");
      await page.getByLabel("Job description").fill(POSTING);
      await page.getByRole("button", { name: /Match (?:my stories|again)/ }).click();
      const compound = page.locator(".requirement", { hasText: "Strong SQL and Spark skills" });
      const parts = compound.getByTestId("requirement-parts");
      await parts.waitFor();
      expect(await parts.locator(".requirement-parts-summary").textContent()).toBe(
        "partly met: SQL no, Spark yes",
      );
      const items = await parts.locator("li").allTextContents();
      expect(items).toEqual([
        "no SQL — nothing in your stories or answers shows this yet",
        "yes Spark — “I migrated the calibration pipeline to Spark.” (Story: Moving the calibration job)",
      ]);
      expect(await compound.locator(".requirement-head .tag").textContent()).toMatch(/partial/);
      expect(await compound.getByTestId("evidence-note").textContent()).toBe("shows Spark, not SQL");
      // A line that names one thing: no parts, strong as before.
      const single = page.locator(".requirement", { hasText: "Experience with Spark" });
      expect(await single.getByTestId("requirement-parts").count()).toBe(0);
      expect(await single.locator(".requirement-head .tag").textContent()).toMatch(/strong/);
      // The parts stay inside their card at a phone's width.
      const card = await boxOf(compound);
      const list = await boxOf(parts);
      expect(list.x + list.width).toBeLessThanOrEqual(card.x + card.width + 0.5);
      await screenshot(page, `tailor-parts-${width}`);
    });
  }
});
