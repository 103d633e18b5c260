/**
 * A paste far longer than any spoken answer, saved from the editor: the candidate is told in
 * plain words what is wrong and what to do, not the API's field name and docs path.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { closeSpec, importSeed, openSpec, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("saving an over-long answer", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let itemId = "";

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser));
    const documentId = await importSeed(server.url);
    const detail = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
      items: Array<{ id: string; kind: string }>;
    };
    itemId = detail.items.find((item) => item.kind === "answer")?.id ?? "";
  });

  afterAll(async () => {
    await closeSpec({ context, server, browser });
  });

  test("Ctrl+S on a 221,000-character answer says how long it is and the limit, in the editor's words", async () => {
    await page.goto(`/#/edit/${itemId}`);
    const editor = page.getByRole("textbox").first();
    await editor.waitFor();
    await editor.fill("I built a thing. ".repeat(13_000));
    await page.keyboard.press("Control+s");
    const alert = page.getByRole("alert").filter({ hasText: "Couldn't save" });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain("221,000 characters");
    expect(text).toContain("200,000");
    expect(text).not.toMatch(/field "text"|docs\/api\.md|Invalid request/);
    // Nothing reached the server: the stored answer is the imported one.
    const stored = (await (await fetch(`${server.url}/api/items/${itemId}`)).json()) as {
      item: { version: number };
    };
    expect(stored.item.version).toBe(1);
  });

  test("“Save answer” on a new 221,000-character answer says the same, and adds nothing", async () => {
    // The editor above still holds the unsaved paste: this is a fresh tab.
    page = await context.newPage();
    await page.goto("/#/new-answer");
    await page.getByLabel("Question", { exact: true }).fill("Tell me about a conflict with a colleague.");
    await page.getByLabel("Answer", { exact: true }).fill("We disagreed. ".repeat(15_786));
    await page.getByRole("button", { name: "Save answer" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain("221,004 characters");
    expect(text).not.toMatch(/field "text"|docs\/api\.md|Invalid request/);
    expect(page.url()).toContain("#/new-answer");
  });
});
