/**
 * Compose on an empty bank, in a real browser against the real server: with no document there is
 * nothing to make stories from, so the page points at the import, as the Stories page does.
 * Before, it said "Make stories from your document" and sent the user to an empty Stories page.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { settle, useSpec } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("compose with nothing in the bank", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, { closeBrowser: true });

  test("names the import as the next step", async () => {
    const { page } = spec;
    await page.goto("/#/compose");
    await page.getByRole("heading", { name: "Compose needs a story" }).waitFor();
    await settle(page);
    const empty = page.locator(".empty-state");
    expect(await empty.textContent()).toMatch(/Import your prep document/);
    expect(await empty.textContent()).not.toMatch(/from your document, or write one/);
    await empty.getByRole("link", { name: "Import a document" }).click();
    await page.getByRole("heading", { name: "Import your prep document" }).waitFor();
  });
});
