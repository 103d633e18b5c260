/**
 * The Accomplishments tab in a real browser against the real server: a résumé's achievement
 * lines are listed with their figures (or the question "by how much?"), and "Make a story"
 * turns one line into a story whose result is that line, opened for the user to write the rest.
 */
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { closeSpec, importText, openSpec, screenshot, type TestServer } from "./harness.ts";

const launched = await launchBrowser();
const resume = readFileSync(
  new URL("../fixtures/structures/resume-achievements.md", import.meta.url),
  "utf8",
);

describe.runIf(launched.browser !== null)("accomplishments tab", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let documentId = "";

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser));
    documentId = await importText(server.url, resume, "resume-achievements.md");
  });

  afterAll(async () => {
    await closeSpec({ context, server, browser });
  });

  test("lists each achievement line with its figures, under its tab's count", async () => {
    await page.goto(`/#/library/${documentId}/answers`);
    const tab = page.getByRole("navigation", { name: "Library views" }).getByRole("link", {
      name: /Accomplishments/,
    });
    expect(await tab.locator(".count").textContent()).toBe("9");
    await tab.click();
    const cards = page.locator(".accomplishment");
    await expect.poll(() => cards.count()).toBe(9);
    const latency = cards.filter({ hasText: "Reduced checkout latency" });
    expect(await latency.textContent()).toMatch(/figures: 900 ms, 250 ms/);
    const automated = cards.filter({ hasText: "Automated the release process" });
    expect(await automated.textContent()).toMatch(/no figure yet: by how much\?/);
    // Skills and education are not achievements.
    expect(await cards.filter({ hasText: "Kafka" }).count()).toBe(0);
    await screenshot(page, "accomplishments");
  });

  test("“Make a story” opens a story whose result is the line, once", async () => {
    await page.goto(`/#/library/${documentId}/accomplishments`);
    const line = "Cut cloud costs by 28% ($180k a year) by right-sizing databases and deleting idle clusters";
    const card = page.locator(".accomplishment").filter({ hasText: "Cut cloud costs" });
    await card.getByRole("button", { name: /Make a story/ }).click();
    await page.getByLabel("Title").waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/stories\/.+/);
    expect(await page.getByLabel("Result").inputValue()).toBe(line);
    const storyHash = new URL(page.url()).hash;

    // The same line again opens the same story.
    await page.goto(`/#/library/${documentId}/accomplishments`);
    await page
      .locator(".accomplishment")
      .filter({ hasText: "Cut cloud costs" })
      .getByRole("button", {
        name: /Make a story/,
      })
      .click();
    await expect.poll(() => new URL(page.url()).hash).toBe(storyHash);
    const { stories } = (await (await fetch(`${server.url}/api/stories`)).json()) as {
      stories: { result: string }[];
    };
    expect(stories.map((s) => s.result)).toEqual([line]);
  });
});
