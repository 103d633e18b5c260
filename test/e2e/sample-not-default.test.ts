/**
 * A candidate imports their own notes, then opens derisk's sample to see a worked example. The
 * sample, imported last, became the document every page fell back to: the library opened it,
 * the Stories page offered "Make stories from “Interview prep — Ines Carvalho”" and the Export
 * page's Markdown download was the sample's, though the rest of the app keeps the sample apart
 * from the candidate's evidence. With no document chosen or opened before, their own comes first.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./browser.ts";
import { importSeed, settle, useSpec } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("the sample beside the candidate's own document", () => {
  const browser = launched.browser as Browser;
  let own = "";
  let sample = "";
  const spec = useSpec(browser, {
    closeBrowser: true,
    fill: async ({ server }) => {
      own = await importSeed(server.url);
      const response = await fetch(`${server.url}/api/sample`, {
        method: "POST",
        body: "{}",
        headers: { "Content-Type": "application/json" },
      });
      sample = ((await response.json()) as { documentId: string }).documentId;
    },
  });

  test("the library, Stories and Export start from the candidate's document, the sample still one choice away", async () => {
    const { page } = spec;
    expect(sample).not.toBe("");
    await page.goto("/#/library");
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/library/${own}/answers`);

    // A fresh profile: nothing opened before, so nothing remembered to prefer.
    const context = await newContext(browser, spec.server.url);
    const fresh = await context.newPage();
    try {
      await fresh.goto("/#/stories");
      const make = fresh.getByRole("button", { name: /^Make stories from/ });
      await make.waitFor();
      await settle(fresh);
      expect(await make.textContent()).not.toContain("Ines Carvalho");
      const from = fresh.locator(".from-document select");
      expect(await from.inputValue()).toBe(own);
      expect(await from.locator(`option[value="${sample}"]`).count()).toBe(1);

      await fresh.goto("/#/export");
      const documentSelect = fresh
        .locator("label.field", { has: fresh.locator(".field-label", { hasText: /^Document$/ }) })
        .locator("select");
      await documentSelect.waitFor();
      await settle(fresh);
      expect(await documentSelect.inputValue()).toBe(own);
    } finally {
      await context.close();
    }
  }, 120_000);
});
