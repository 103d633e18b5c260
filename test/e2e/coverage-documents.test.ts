/**
 * Coverage with two documents of one's own that answer the same questions: each answer listed
 * in a row names its document, so "Tell me about yourself (core)" twice reads as two answers.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./browser.ts";
import { importSeed, seedBytes, startTestServer, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("coverage across two documents", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await importSeed(server.url);
    // The same prep under another name: a second document of the user's own.
    const copy = new Uint8Array([...new TextEncoder().encode("# Globex onsite prep\n\n"), ...seedBytes()]);
    const response = await fetch(`${server.url}/api/import?filename=globex.md`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: copy,
    });
    expect(response.ok).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await browser.close();
  });

  test("each answer in the about-me row names its document", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto("/#/coverage");
    const row = page.getByTestId("sources-about-me");
    await row.waitFor();
    const named = await row.locator(".coverage-document").allTextContents();
    expect(named.length).toBeGreaterThan(1);
    expect(new Set(named).size).toBe(2);
    await context.close();
  }, 120_000);
});
