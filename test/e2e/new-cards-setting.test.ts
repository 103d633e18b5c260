/**
 * New cards a day on the Practice page: under Cards due and Technical drill the page says how
 * many new cards wait and when they come, and the field saves the user's number (a bad one is
 * refused with the server's message, nothing saved). Real server, real browser.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { importSampleAsOwn, screenshot, useSpec } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("new cards a day on the Practice page", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, {
    closeBrowser: true,
    fill: async (opened) => {
      await importSampleAsOwn(opened.server.url);
    },
  });

  test("says what waits, refuses 150 with the reason, and saves 4 for the drill and the queue", async () => {
    const { page, server } = spec;
    await page.goto("/#/practice");
    const outlook = page.getByTestId("new-cards-outlook");
    await expect
      .poll(() => outlook.textContent())
      .toMatch(/^\d+ new cards waiting: 10 today, \d+ tomorrow \(10 a day\)\.$/);
    await page.getByRole("radio", { name: /Technical drill/ }).check();
    await outlook.waitFor();

    const field = page.getByLabel("New cards a day");
    await field.fill("150");
    await field.press("Enter");
    await page.getByText("New cards a day must be a whole number from 0 to 100, not 150").waitFor();
    // Enter saved the setting only: no session was started.
    expect(page.url()).toMatch(/#\/practice$/);

    await field.fill("4");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => outlook.textContent()).toMatch(/: 4 today, 4 tomorrow \(4 a day\)\.$/);
    const settings = (await (await fetch(`${server.url}/api/practice/settings`)).json()) as {
      settings: { newCardsPerDay: number };
    };
    expect(settings.settings.newCardsPerDay).toBe(4);
    await screenshot(page, "new-cards-setting");
  }, 120_000);
});
