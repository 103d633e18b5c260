/**
 * Runs the editor latency measurement (bench/editor-perf.ts) in the e2e browser and prints its
 * figure. It asserts only that the measurement ran: performance goals belong to the benchmark.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { documentWithAnswer, measureEditorKeystrokes, summarise } from "../../bench/editor-perf.ts";
import { launchBrowser, newContext } from "./browser.ts";
import { startTestServer, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("editor keystroke latency", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
    await browser.close();
  });

  test("typing into a 400-word answer is measured keystroke by keystroke", async () => {
    const response = await fetch(`${server.url}/api/import`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: documentWithAnswer(400), filename: "editor-perf.md" }),
    });
    const { documentId } = (await response.json()) as { documentId: string };
    const detail = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
      items: { id: string; kind: string; text?: string }[];
    };
    const answer = detail.items.find((item) => item.kind === "answer");
    expect(answer?.text?.split(/\s+/).length).toBe(400);
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto(`/#/edit/${answer?.id ?? ""}`);
    await page.locator(".edit-layout .lens-body").waitFor();
    const samples = await measureEditorKeystrokes(page, 120);
    await context.close();
    const result = summarise(samples, 400);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    expect(result.keystrokes).toBe(120);
    expect(Number.isFinite(result.p95_ms)).toBe(true);
    expect(Number.isFinite(result.median_ms)).toBe(true);
  });
});
