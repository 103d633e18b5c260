/**
 * The editor's History card keeps its heading, versions and buttons inside its border. Before, the
 * card had no padding: "History", each version's text and "Restore this text" touched the border.
 */
import type { Browser } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { boxOf, closeSpec, importSeed, type OpenedSpec, openSpec, screenshot } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("the History card", () => {
  const browser = launched.browser as Browser;
  afterAll(async () => {
    await browser.close();
  });

  for (const width of [1280, 390]) {
    test(`holds its content inside the border at ${width} px`, async () => {
      let opened: OpenedSpec | undefined;
      try {
        opened = await openSpec(browser, { width, height: width > 500 ? 800 : 844 });
        const { server, page } = opened;
        const documentId = await importSeed(server.url);
        const detail = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
          items: { id: string; kind: string }[];
        };
        const answer = detail.items.find((item) => item.kind === "answer")?.id ?? "";
        await page.goto(`/#/edit/${answer}`);
        const card = page.getByTestId("history");
        await card.getByRole("button", { name: "Show history" }).click();
        await card.getByTestId("history-entry").first().waitFor();
        const outer = await boxOf(card);
        for (const inner of [
          card.getByRole("heading", { name: "History" }),
          card.getByRole("button", { name: "Hide history" }),
          card.locator(".history-text").first(),
        ]) {
          const box = await boxOf(inner);
          expect(box.x - outer.x).toBeGreaterThanOrEqual(12);
          expect(outer.x + outer.width - (box.x + box.width)).toBeGreaterThanOrEqual(12);
        }
        expect(
          (await boxOf(card.getByRole("heading", { name: "History" }))).y - outer.y,
        ).toBeGreaterThanOrEqual(12);
        await screenshot(page, `history-card-${width}`);
      } finally {
        await closeSpec({ context: opened?.context, server: opened?.server });
      }
    }, 120_000);
  }
});
