/**
 * To-do lists and code snippets in a real browser against the real server: the mixed
 * structures fixture shows its checklist with checkboxes and its code blocks as code with
 * their language; ticking a box saves a new version of the list, survives a reload and a
 * re-import of the same file, and the Markdown export carries the tick.
 */
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { closeSpec, openSpec, screenshot, type TestServer } from "./harness.ts";

const launched = await launchBrowser();
const mixed = readFileSync(new URL("../fixtures/structures/mixed-structures.md", import.meta.url), "utf8");

describe.runIf(launched.browser !== null)("to-do lists and code snippets", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let documentId = "";

  const importMixed = async () => {
    const imported = await fetch(`${server.url}/api/import`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: mixed, filename: "mixed-structures.md" }),
    });
    return (await imported.json()) as { documentId: string; status: string };
  };

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser));
    documentId = (await importMixed()).documentId;
  });

  afterAll(async () => {
    await closeSpec({ context, server, browser });
  });

  test("the checklist has a checkbox per entry; ticking one is saved, kept on reload and on re-import", async () => {
    await page.goto(`/#/library/${documentId}/answers`);
    const tab = page.getByRole("navigation", { name: "Library views" }).getByRole("link", { name: /To-do/ });
    // Two of the three entries are still open.
    expect(await tab.locator(".count").textContent()).toBe("2");
    await tab.click();
    const list = page.getByTestId("todo-list");
    await list.waitFor();
    const rehearse = list.getByRole("checkbox", { name: "Rehearse Q1 out loud" });
    const cv = list.getByRole("checkbox", { name: "Update the CV" });
    expect(await rehearse.isChecked()).toBe(false);
    expect(await cv.isChecked()).toBe(true);
    expect(await list.getByRole("checkbox").count()).toBe(3);

    await rehearse.check();
    await expect.poll(() => list.textContent()).toMatch(/2 of 3 done/);
    await expect.poll(() => tab.locator(".count").textContent()).toBe("1");
    await screenshot(page, "todo-ticked");

    // The tick is an edit with history: the list's history shows the typed version on top.
    await list.getByRole("button", { name: "Show history" }).click();
    const entries = list.getByTestId("history-entry");
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.first().textContent()).toMatch(/Typed.*current.*\[x\] Rehearse Q1 out loud/s);

    await page.reload();
    await page.getByTestId("todo-list").waitFor();
    expect(
      await page.getByTestId("todo-list").getByRole("checkbox", { name: "Rehearse Q1 out loud" }).isChecked(),
    ).toBe(true);

    // Importing the file again (it still says "- [ ]") keeps the tick.
    expect((await importMixed()).status).toBe("unchanged");
    await page.reload();
    await page.getByTestId("todo-list").waitFor();
    expect(
      await page.getByTestId("todo-list").getByRole("checkbox", { name: "Rehearse Q1 out loud" }).isChecked(),
    ).toBe(true);
    const exported = await fetch(`${server.url}/api/export?documentId=${documentId}&format=md`);
    expect(await exported.text()).toContain("- [x] Rehearse Q1 out loud");
  });

  test("code blocks are shown as code with their language; an unclosed fence says so", async () => {
    await page.goto(`/#/library/${documentId}/code`);
    const snippets = page.getByTestId("snippet");
    await expect.poll(() => snippets.count()).toBe(2);
    const python = snippets.first();
    expect(await python.locator(".snippet-language").textContent()).toBe("python");
    expect(await python.locator("pre code").textContent()).toBe(
      "def retry(call, attempts=3):\n    ## not a heading\n    for _ in range(attempts):\n        ...",
    );
    // Preformatted: the indentation is kept on screen, not collapsed.
    expect(await python.locator("pre").evaluate((el) => getComputedStyle(el).whiteSpace)).toBe("pre");
    const open = snippets.nth(1);
    expect(await open.locator("pre code").textContent()).toBe(
      "an unclosed fence swallows the rest\n### Q8- Is this a question?",
    );
    expect(await open.textContent()).toMatch(/never closed/);
    await screenshot(page, "code-snippets");
  });
});
