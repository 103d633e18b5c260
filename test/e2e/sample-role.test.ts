/**
 * Our own sample targets "Data/ML Engineer": the web app read that title as no role at all, so
 * the sample's re-angle page started "Written for: Not set" and its answers showed no role fit,
 * while the same answers in a document titled "ML Engineer" had both. A title with a slash is
 * read by each of its names.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { importSampleAsOwn, settle, useSpec } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("the sample's target role, 'Data/ML Engineer'", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, { closeBrowser: true });

  const itemOf = async (documentId: string, key: string): Promise<string> => {
    const { items } = (await (await fetch(`${spec.server.url}/api/documents/${documentId}`)).json()) as {
      items: { id: string; key: string }[];
    };
    const found = items.find((item) => item.key === key);
    if (found === undefined) throw new Error(`${key} is missing from the sample`);
    return found.id;
  };

  test("re-angle starts from a role, and the library's lens weighs role fit", async () => {
    const documentId = await importSampleAsOwn(spec.server.url);
    const answer = await itemOf(documentId, "q3/core");
    const page = await spec.context.newPage();
    try {
      await page.goto(`/#/reangle/${answer}`);
      await page.getByLabel("Written for").waitFor();
      await settle(page);
      await expect.poll(() => page.getByLabel("Written for").inputValue()).not.toBe("");
      expect(await page.getByTestId("reangle-default-why").textContent()).toMatch(
        /ML engineer, the role its document targets/,
      );
      await page.goto(`/#/library/${documentId}/answers/${answer}`);
      await page.locator(".star-legend").waitFor({ timeout: 60_000 });
      await settle(page);
      await expect.poll(() => page.getByText("Role fit", { exact: true }).count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});
