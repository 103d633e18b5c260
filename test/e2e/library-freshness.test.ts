/**
 * The list of documents follows the bank, not the moment the tab was opened: a document imported
 * behind the tab's back (the CLI, another tab) shows up when the user moves to another page or
 * comes back to the tab. Before, a tab opened on an empty bank kept saying "Your library is empty"
 * until a reload, whatever had been imported since.
 */
import type { Browser } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { closeSpec, importSeed, type OpenedSpec, openSpec } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("the document list stays current", () => {
  const browser = launched.browser as Browser;
  afterAll(async () => {
    await browser.close();
  });

  test("an import made elsewhere appears after a page change and after the tab regains focus", async () => {
    let opened: OpenedSpec | undefined;
    try {
      opened = await openSpec(browser, { width: 390, height: 844 });
      const { server, page } = opened;
      await page.goto("/#/library");
      await page.getByRole("heading", { name: "Your library is empty" }).waitFor();

      // Another tab (or the CLI) imports the seed; this tab moves on to Import, then Library.
      await importSeed(server.url);
      await page.locator("a.nav-start").click();
      await page.getByRole("heading", { name: "Import your prep document" }).waitFor();
      await expect.poll(() => page.locator(".recent .doc-link").count()).toBe(1);
      expect(await page.getByText("Your library is empty").count()).toBe(0);
      await page.locator("a.nav-library").click();
      await page.locator(".library-actions").waitFor();
      expect(await page.getByRole("heading", { name: "Your library is empty" }).count()).toBe(0);

      // The tab stays on one page while a second document is imported elsewhere: coming back to
      // the tab (a focus event) brings the switcher up to date.
      await fetch(`${server.url}/api/sample`, {
        method: "POST",
        body: "{}",
        headers: { "Content-Type": "application/json" },
      });
      await page.evaluate(() => window.dispatchEvent(new Event("focus")));
      await expect
        .poll(() => page.locator(".doc-switch option").allTextContents(), { timeout: 10_000 })
        .toContain("Interview prep — Ines Carvalho");
    } finally {
      await closeSpec({ context: opened?.context, server: opened?.server });
    }
  }, 120_000);
});
