/**
 * Importing the sample also starts a journal entry from its reflection (a made-up physicist's
 * note to herself). On the candidate's private Journal page it came first, unmarked, and was the
 * entry the page opened on, above the reflection from their own notes. Now it is marked "sample"
 * and listed after their own entries, as the Stories page keeps stories drawn from the sample.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { importSeed, settle, useSpec } from "./harness.ts";

const launched = await launchBrowser();

interface Entry {
  id: string;
  title: string;
  sourceItemId?: string;
}

describe.runIf(launched.browser !== null)("the journal with the sample's reflection in it", () => {
  const browser = launched.browser as Browser;
  let own: Entry | undefined;
  let sample: Entry | undefined;
  const spec = useSpec(browser, {
    closeBrowser: true,
    fill: async ({ server }) => {
      await importSeed(server.url);
      const made = await fetch(`${server.url}/api/sample`, {
        method: "POST",
        body: "{}",
        headers: { "Content-Type": "application/json" },
      });
      const { documentId } = (await made.json()) as { documentId: string };
      const { items } = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
        items: { id: string }[];
      };
      const sampleItems = new Set(items.map((item) => item.id));
      const { entries } = (await (await fetch(`${server.url}/api/journal`)).json()) as { entries: Entry[] };
      sample = entries.find((entry) => sampleItems.has(entry.sourceItemId ?? ""));
      own = entries.find((entry) => !sampleItems.has(entry.sourceItemId ?? ""));
    },
  });

  test("the candidate's own entry comes first and is opened; the sample's is marked and last", async () => {
    const { page } = spec;
    if (own === undefined || sample === undefined) throw new Error("both reflections start an entry");
    await page.goto("/#/journal");
    const links = page.locator(".journal-list a");
    await links.nth(1).waitFor();
    await settle(page);
    await expect.poll(() => links.first().locator(".journal-list-title").textContent()).toBe(own.title);
    expect(await links.first().getAttribute("aria-current")).toBe("page");
    expect(await links.first().locator(".chip-sample").count()).toBe(0);
    const last = links.last();
    expect(await last.locator(".journal-list-title").textContent()).toBe(sample.title);
    expect(await last.locator(".chip-sample").textContent()).toBe("sample");
    await expect.poll(() => page.locator(".journal-entry h2").first().textContent()).toBe(own.title);
  }, 120_000);
});
