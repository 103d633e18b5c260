/**
 * A bank of two documents (the seed and a copy of the sample, which ask some of the same questions), as a
 * candidate who imported both sees it: every entry must say which of the two it is, every list
 * must open in full, and a choice of document must not jump back to another on its own.
 */
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { useSpec } from "./harness.ts";

const launched = await launchBrowser();
// The sample as a user's own copy (one line added): the shipped sample itself is the demo and is
// left out of the evidence once the bank has a document of the user's (test/e2e/sample-evidence).
const sample = Buffer.concat([
  readFileSync(new URL("../../samples/sample-prep.md", import.meta.url)),
  Buffer.from("\nMy own copy of the sample, edited for my interviews.\n"),
]);

describe.runIf(launched.browser !== null)("a bank of two documents", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, {
    seed: true,
    closeBrowser: true,
    fill: async ({ server }) => {
      const response = await fetch(`${server.url}/api/import?filename=sample-prep.md`, {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream" },
        body: new Uint8Array(sample),
      });
      expect(response.ok).toBe(true);
    },
  });

  test("“What next” names the document of each entry, so the same question twice is not one entry listed twice", async () => {
    const { page } = spec;
    await page.goto("/#/");
    const list = page.getByTestId("what-next");
    await list.getByRole("listitem").first().waitFor();
    const entries = (await list.getByRole("listitem").allInnerTexts()).map((text) =>
      text.replace(/\s+/g, " "),
    );
    expect(entries.length).toBeGreaterThan(1);
    expect(new Set(entries).size).toBe(entries.length);
    for (const entry of entries)
      expect(entry).toMatch(/in “(Interview prep — Ines Carvalho|ML Engineer prep|Prep)”/);
  });

  test("a coverage row's “+N more” opens to the answers it counts", async () => {
    const { page } = spec;
    await page.goto("/#/coverage");
    const row = page.getByTestId("sources-about-me");
    await row.waitFor();
    const more = row.getByText(/^\+\d+ more$/);
    const hidden = Number(((await more.textContent()) ?? "").replace(/\D/g, ""));
    expect(hidden).toBeGreaterThan(0);
    const linksBefore = await row.getByRole("link").count();
    await more.click();
    await expect
      .poll(() => row.getByRole("link").filter({ visible: true }).count())
      .toBe(linksBefore + hidden);
  });

  test("after making stories from the second document, the picker still names that document", async () => {
    const { page } = spec;
    await page.goto("/#/stories");
    const picker = page.getByLabel("Document", { exact: true });
    await picker.waitFor();
    const options = await picker.locator("option").allTextContents();
    const shown = await picker.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text);
    const other = options.find((title) => title !== shown);
    expect(other).toBeDefined();
    await picker.selectOption({ label: other as string });
    await page.getByRole("button", { name: `Make stories from “${other}”` }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `From “${other}”` })
      .waitFor();
    // The card moves below the new stories; the choice goes with it.
    await expect
      .poll(() => page.getByRole("button", { name: /^Make stories from/ }).textContent())
      .toBe(`Make stories from “${other}”`);
    await expect
      .poll(() =>
        page
          .getByLabel("Document", { exact: true })
          .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text),
      )
      .toBe(other);
  });
});
