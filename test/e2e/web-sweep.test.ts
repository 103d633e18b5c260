/**
 * What a demanding user ran into in the web app, each pinned by the path that showed it:
 * a composed draft saved twice as two identical variants.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./browser.ts";
import { importSeed, makeStories, startTestServer, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("web app sweep", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let documentId: string;

  beforeAll(async () => {
    server = await startTestServer();
    documentId = await importSeed(server.url);
    await makeStories(server.url, documentId);
    context = await newContext(browser, server.url);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await browser.close();
  });

  async function variantNames(): Promise<string[]> {
    const response = await fetch(`${server.url}/api/documents/${documentId}`);
    const body = (await response.json()) as { items: { kind: string; variant?: string }[] };
    return body.items.flatMap((item) => (item.kind === "answer" && item.variant ? [item.variant] : []));
  }

  test("a composed draft is saved once as a variant; again only after its text changed", async () => {
    await page.goto("/#/compose");
    await page.getByRole("button", { name: "Compose the draft" }).click();
    const save = page.getByRole("button", { name: "Save variant" });
    await save.click();
    await page.getByText(/^Saved as “composed”/).waitFor();
    expect(await save.isDisabled()).toBe(true);
    await save.click({ force: true }).catch(() => undefined);
    await page.waitForTimeout(500);
    expect((await variantNames()).filter((name) => name.startsWith("composed"))).toEqual(["composed"]);
    const working = page.getByRole("textbox", { name: "Your working copy" });
    await working.press("End");
    await working.pressSequentially(" I check cold starts first now.");
    expect(await save.isEnabled()).toBe(true);
    await save.click();
    await page.getByText(/^Saved as “composed 2”/).waitFor();
    expect((await variantNames()).filter((name) => name.startsWith("composed"))).toEqual([
      "composed",
      "composed 2",
    ]);
  });
});
