/**
 * One count, one meaning: the Library's Framing tab counts framings, as the import report does
 * ("1 framing"), and each tab's count says what it counts. Before, the tab showed the number of
 * questions inside the framing (5 on the seed) beside an import that had said "1 framing".
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { importSeed, useSpec } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("library tab counts", () => {
  const spec = useSpec(launched.browser as Browser, { closeBrowser: true });

  test("the Framing tab counts what the import counted, and says so", async () => {
    const { page, server } = spec;
    const documentId = await importSeed(server.url);
    const detail = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
      items: { kind: string }[];
    };
    const framings = detail.items.filter((item) => item.kind === "framing").length;
    expect(framings).toBe(1);
    await page.goto(`/#/library/${documentId}/answers`);
    const tabs = page.getByRole("navigation", { name: "Library views" });
    const framing = tabs.getByRole("link", { name: /Framing/ });
    expect(await framing.locator(".count").textContent()).toBe("1");
    expect(await framing.locator(".count").getAttribute("title")).toBe("1 framing");
    await expect.poll(() => framing.textContent()).toContain("1 framing");
    // Every tab's count says what it counts.
    const todo = tabs.getByRole("link", { name: /To-do/ });
    expect(await todo.locator(".count").getAttribute("title")).toMatch(/^\d+ entr(?:y|ies) still open$/);
  });
});
