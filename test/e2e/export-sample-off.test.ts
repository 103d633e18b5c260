/**
 * A candidate who tried the sample first and then imported their own notes prints the whole
 * bank's prep sheet: it is theirs alone. Before, the sheet also carried the sample's made-up
 * answers (a physicist's synchrotron story) and counted them in its coverage, and the Export page
 * offered "Whole bank (2 documents)".
 */
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { closeSpec, importSeed, type OpenedSpec, openSpec, screenshot } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("the whole bank's prep sheet without the sample", () => {
  const browser = launched.browser as Browser;
  afterAll(async () => {
    await browser.close();
  });

  test("the Export page says the sample is left out, and the HTML sheet holds only the candidate's answers", async () => {
    let opened: OpenedSpec | undefined;
    try {
      opened = await openSpec(browser);
      const { server, page } = opened;
      await fetch(`${server.url}/api/sample`, {
        method: "POST",
        body: "{}",
        headers: { "Content-Type": "application/json" },
      });
      await importSeed(server.url);

      await page.goto("/#/export");
      const include = page.getByLabel("What to include");
      await include.waitFor();
      expect(await include.locator("option[value=bank]").textContent()).toBe("Whole bank");
      await page.getByTestId("sample-off-sheet").waitFor();
      await screenshot(page, "export-sample-off");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download the HTML sheet" }).click(),
      ]);
      const path = await download.path();
      const html = readFileSync(path, "utf8");
      expect(html).toContain("Tell me about yourself");
      expect(html).not.toContain("synchrotron");
      expect(html).not.toContain("Interview prep — Ines Carvalho");

      // "One document" still prints the sample, and the note is gone there.
      await include.selectOption("document");
      expect(await page.getByTestId("sample-off-sheet").count()).toBe(0);
    } finally {
      await closeSpec({ context: opened?.context, server: opened?.server });
    }
  }, 180_000);
});
