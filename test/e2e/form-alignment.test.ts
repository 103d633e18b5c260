/**
 * Inline fields that sit side by side line up: on the Practice form the "Questions" number and
 * the "Role" select have their labels on one line and controls of one height, at desktop width.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./browser.ts";
import { importSeed, startTestServer, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("inline form fields line up", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await importSeed(server.url);
  });

  afterAll(async () => {
    await browser.close();
    await server?.close();
  });

  test("Practice: the Questions and Role labels share a line, their controls a height", async () => {
    const context = await newContext(browser, server.url, { width: 1280 });
    const page = await context.newPage();
    await page.goto("/#/practice");
    const count = page.getByLabel("Questions", { exact: true });
    const role = page.getByLabel("Role", { exact: true });
    await count.waitFor();
    const [countBox, roleBox] = await Promise.all([count.boundingBox(), role.boundingBox()]);
    const labels = await page
      .locator(".practice-options .field-label")
      .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().top));
    expect(countBox).not.toBeNull();
    expect(roleBox).not.toBeNull();
    expect(Math.abs((countBox?.height ?? 0) - (roleBox?.height ?? 0))).toBeLessThan(1);
    expect(Math.abs((countBox?.y ?? 0) - (roleBox?.y ?? 0))).toBeLessThan(1);
    expect(labels).toHaveLength(2);
    expect(Math.abs((labels[0] ?? 0) - (labels[1] ?? 0))).toBeLessThan(1);
    await context.close();
  });
});
