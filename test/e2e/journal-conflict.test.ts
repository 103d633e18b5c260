/**
 * Two tabs on one journal entry, in a real browser against the real server: the second save of
 * the takeaway is refused beside the field it was typed in, with the latest takeaway quoted, the
 * typed one still in the field, and a way to keep either; no text is lost.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./browser.ts";
import { importSeed, screenshot, startTestServer, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("a journal entry edited in two tabs", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await importSeed(server.url);
  });
  afterAll(async () => {
    await server?.close();
    await browser.close();
  });

  const takeaway = (page: Page) => page.getByLabel("Your takeaway, in one line");
  const entry = async () => {
    const { entries } = (await (await fetch(`${server.url}/api/journal`)).json()) as {
      entries: Array<{ id: string; takeaway: string; version: number }>;
    };
    return entries[0];
  };

  test("the second save is refused beside the field, quoting the first; 'Save mine over it' keeps both", async () => {
    const context = await newContext(browser, server.url);
    const first = await context.newPage();
    const second = await context.newPage();
    for (const page of [first, second]) {
      await page.goto("/#/journal");
      await takeaway(page).waitFor();
    }
    await takeaway(first).fill("Saved in the first tab.");
    await takeaway(second).fill("Typed in the second tab.");
    await first.getByRole("button", { name: "Save the takeaway" }).click();
    await first.getByText("Saved.").waitFor();
    await second.getByRole("button", { name: "Save the takeaway" }).click();

    // Before: the refusal was drawn below the story picker, under every reframe (out of sight),
    // and offered no way to see the first tab's text or to save over it.
    const notice = second.locator(".takeaway-form").getByRole("alert");
    await notice.getByText("This entry changed since you opened it").waitFor();
    await expect(notice.textContent()).resolves.toContain("“Saved in the first tab.”");
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(takeaway(second).inputValue()).resolves.toBe("Typed in the second tab.");
    expect((await entry())?.takeaway).toBe("Saved in the first tab.");
    await screenshot(second, "journal-conflict");

    await notice.getByRole("button", { name: "Save mine over it" }).click();
    await second.getByText("Saved.").waitFor();
    expect((await entry())?.takeaway).toBe("Typed in the second tab.");
    // The first tab's takeaway is in the entry's history.
    const id = (await entry())?.id ?? "";
    const history = (await (await fetch(`${server.url}/api/journal/${id}/history`)).json()) as {
      versions: Array<{ takeaway: string }>;
    };
    expect(history.versions.map((v) => v.takeaway)).toContain("Saved in the first tab.");

    // The other way round: the first tab, now behind, keeps the latest.
    await takeaway(first).fill("Another try in the first tab.");
    await first.getByRole("button", { name: "Save the takeaway" }).click();
    const behind = first.locator(".takeaway-form").getByRole("alert");
    await behind.getByText("This entry changed since you opened it").waitFor();
    await behind.getByRole("button", { name: "Keep the latest" }).click();
    await expect(takeaway(first).inputValue()).resolves.toBe("Typed in the second tab.");
    await expect(behind.count()).resolves.toBe(0);
    await context.close();
  }, 180_000);
});
