/**
 * The editor's word count and speaking time beside the live risk lens, in a real browser against
 * the real server: a STAR answer is edited with its part labels written in ("**Situation**: …"),
 * and the labels are not words said, so the editor and the lens give the same figure. Before, the
 * sample's Q3 read "173 words ≈ 1 min 09 s" under the text and "≈ 1 min 08 s" in the lens.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { importSampleAsOwn, screenshot, settle, useSpec } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("the editor counts what the lens counts", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, { closeBrowser: true });

  test("a STAR answer's labels are not counted as words said", async () => {
    const { page, server } = spec;
    const documentId = await importSampleAsOwn(server.url);
    const document = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
      items: { id: string; kind: string; question?: string; format?: string }[];
    };
    const star = document.items.find((item) => item.kind === "answer" && item.format === "star");
    expect(star, "the sample has a STAR answer").toBeDefined();
    await page.goto(`/#/edit/${star?.id}`);
    await settle(page);
    const editor = page.getByRole("textbox").first();
    expect(await editor.inputValue()).toMatch(/^\*\*Situation\*\*:/);
    const lensTime = page.locator(".lens-caption .lens-figure").first();
    await lensTime.waitFor();
    const stats = (await page.locator(".editor-stats").textContent()) ?? "";
    const lens = (await lensTime.textContent()) ?? "";
    await screenshot(page, "editor-word-count");
    const said = /≈\s*(.+?) at 150 wpm/;
    expect(said.exec(lens)?.[1]).toBeDefined();
    expect(said.exec(stats)?.[1]).toBe(said.exec(lens)?.[1]);
  });
});
