/**
 * "Make a story" before the risk lens has read the question (its model loads in a worker, which
 * takes seconds on a slow machine; here it never comes): not offered on "Tell me about yourself"
 * (the server always refuses it, and a click showed an error box), offered at once on an answer
 * in STAR sections (a story whatever the question), and on a free-form mistake story once the
 * lens has classified its question.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { importSampleAsOwn, useSpec } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("“Make a story” while the lens loads", () => {
  const browser = launched.browser as Browser;
  let documentId = "";
  const spec = useSpec(browser, {
    closeBrowser: true,
    fill: async ({ server }) => {
      documentId = await importSampleAsOwn(server.url);
    },
  });
  const idOf = async (key: string): Promise<string> => {
    const { items } = (await (await fetch(`${spec.server.url}/api/documents/${documentId}`)).json()) as {
      items: Array<{ id: string; key: string }>;
    };
    return items.find((i) => i.key === key)?.id ?? "";
  };

  test("not offered on an introduction before the lens reads it; offered on STAR sections at once", async () => {
    const { page } = spec;
    // The lens's worker never arrives: the page is as it is in the seconds before it loads.
    await page.route("**/analysis.worker*", () => undefined);
    try {
      const tools = page.getByRole("navigation", { name: "Work on this answer" });
      await page.goto(`/#/library/${documentId}/answers/${await idOf("q1/core")}`);
      await tools.getByRole("link", { name: "Re-angle for another role" }).waitFor();
      await page.waitForTimeout(1000);
      expect(await page.getByText("Updating…").count()).toBeGreaterThan(0);
      expect(await tools.getByRole("button", { name: "Make a story" }).count()).toBe(0);

      await page.goto(`/#/library/${documentId}/answers/${await idOf("q3/core")}`);
      await tools.getByRole("button", { name: "Make a story" }).waitFor();
    } finally {
      await page.unroute("**/analysis.worker*");
    }
  });

  test("with the lens loaded, a free-form mistake story offers it and the introduction does not", async () => {
    const { page } = spec;
    const tools = page.getByRole("navigation", { name: "Work on this answer" });
    await page.goto(`/#/library/${documentId}/answers/${await idOf("q5/model-focused")}`);
    await page.reload();
    await tools.getByRole("button", { name: "Make a story" }).waitFor({ timeout: 90_000 });
    await page.goto(`/#/library/${documentId}/answers/${await idOf("q1/core")}`);
    await page.locator(".lens-score").first().waitFor({ timeout: 90_000 });
    expect(await tools.getByRole("button", { name: "Make a story" }).count()).toBe(0);
  }, 180_000);
});
