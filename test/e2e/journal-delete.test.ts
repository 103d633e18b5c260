/**
 * The journal is private, so its entries are the candidate's to delete from the page, not only
 * through the HTTP API: asked once, gone from the list, and still gone after a reload. Its texts
 * are kept: the deletion can be undone, and an edited takeaway's earlier text restored.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { closeSpec, openSpec, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("deleting a journal entry", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let keepId = "";
  let dropId = "";

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser));
    const add = async (title: string, happened: string) => {
      const response = await fetch(`${server.url}/api/journal`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ title, happened, felt: "Tired." }),
      });
      return ((await response.json()) as { entry: { id: string } }).entry.id;
    };
    keepId = await add("The demo that went well", "I rehearsed twice and the demo ran.");
    dropId = await add("Too raw to keep", "The release broke the night before the demo. I rolled it back.");
  });

  afterAll(async () => {
    await closeSpec({ context, server, browser });
  });

  test("“Delete the entry” asks, removes it from the list, and a reload does not bring it back", async () => {
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.goto(`/#/journal/${dropId}`);
    await page.getByRole("heading", { name: "Too raw to keep" }).waitFor();
    await page.getByRole("button", { name: "Delete the entry" }).click();
    expect(asked).toContain("Too raw to keep");
    const list = page.getByRole("navigation", { name: "Entries" });
    await expect
      .poll(() => list.getByRole("link").allTextContents())
      .toEqual([expect.stringContaining("The demo that went well")]);
    await page.reload();
    await page.getByRole("heading", { name: "The demo that went well" }).waitFor();
    expect(await list.getByText("Too raw to keep").count()).toBe(0);
    expect((await fetch(`${server.url}/api/journal/${dropId}`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/journal/${keepId}`)).status).toBe(200);
  });

  test("a changed takeaway keeps the earlier one in the entry's History, and a deletion can be undone", async () => {
    await page.goto(`/#/journal/${keepId}`);
    await page.getByRole("heading", { name: "The demo that went well" }).waitFor();
    const takeaway = page.getByLabel("Your takeaway, in one line");
    await takeaway.fill("Rehearsal pays.");
    await page.getByRole("button", { name: "Save the takeaway" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await takeaway.fill("Rehearse twice, always.");
    await page.getByRole("button", { name: "Save the takeaway" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Save the takeaway" }).isDisabled()).toBe(true);

    const history = page.getByTestId("journal-history");
    await history.getByRole("button", { name: "Show history" }).click();
    const entries = history.getByTestId("history-entry");
    await expect.poll(() => entries.count()).toBe(3);
    expect(await entries.nth(1).textContent()).toContain("Rehearsal pays.");
    await entries.nth(1).getByRole("button", { name: "Restore this text" }).click();
    await expect.poll(() => takeaway.inputValue()).toBe("Rehearsal pays.");
    await expect.poll(() => entries.count()).toBe(4);
    await page.screenshot({ path: ".artifacts/journal-history.png" });

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Delete the entry" }).click();
    const notice = page.getByRole("status").filter({ hasText: "Deleted “The demo that went well”" });
    await notice.waitFor();
    await notice.getByRole("button", { name: "Restore the entry" }).click();
    await page.getByRole("heading", { name: "The demo that went well" }).waitFor();
    await expect.poll(() => takeaway.inputValue()).toBe("Rehearsal pays.");
    // The entry and the list are fetched apart: the list may still be the one read after the deletion.
    await expect
      .poll(() =>
        page.getByRole("navigation", { name: "Entries" }).getByText("The demo that went well").count(),
      )
      .toBe(1);
  });
});
