/**
 * The History card says what changed between an earlier text and the current one. Before, two
 * texts that differed only near the end showed the same opening lines, and nothing told them apart.
 */
import type { Browser } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { closeSpec, importSeed, type OpenedSpec, openSpec, screenshot } from "./harness.ts";

const launched = await launchBrowser();

const OPENING =
  "I traced the drift to a stale feature table, rebuilt the nightly job so it checks freshness before " +
  "training, and added an alert on the table's age. Precision came back within a week. ";

describe.runIf(launched.browser !== null)("the History card's changes", () => {
  const browser = launched.browser as Browser;
  afterAll(async () => {
    await browser.close();
  });

  for (const width of [1280, 390]) {
    test(`sums up and marks what changed since each earlier text at ${width} px`, async () => {
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
        const editor = page.getByRole("textbox", { name: "Answer text" });
        // Two edits that differ only in their last sentence.
        for (const text of [
          `${OPENING}The team then **adopted** the check for every model we ship.`,
          `${OPENING}We kept the check.`,
        ]) {
          await editor.fill(text);
          await page.getByRole("button", { name: /^Save/ }).click();
          await page.getByText(/^Saved at /).waitFor();
        }

        const card = page.getByTestId("history");
        await card.getByRole("button", { name: "Show history" }).click();
        const entries = card.getByTestId("history-entry");
        await entries.nth(2).waitFor();
        expect(await entries.first().textContent()).toMatch(/^Version 3 · Typed[\s\S]*current/);
        expect(await entries.first().textContent()).not.toContain("Since this text");
        const previous = entries.nth(1);
        // The summary shows before anything is opened.
        expect(await previous.locator(".history-changes-summary").textContent()).toBe(
          "Since this text: 9 words removed, 2 added near the end Show changes",
        );
        await previous.getByRole("button", { name: "Show changes" }).click();
        const diff = previous.getByTestId("history-diff");
        await diff.waitFor();
        // Marked words, markup stripped ("**adopted**" shows as "adopted"), the rest cut short.
        expect(await diff.locator("del").allTextContents()).toEqual([
          "[removed: The team then adopted]",
          "[removed: for every model we ship]",
        ]);
        expect(await diff.locator("ins").allTextContents()).toEqual(["[added: We kept]"]);
        // What the reader sees: the kept words between the marks, one space apart.
        expect(
          await diff.evaluate((el) => {
            const copy = el.cloneNode(true) as HTMLElement;
            for (const hidden of copy.querySelectorAll(".visually-hidden")) hidden.remove();
            return copy.textContent;
          }),
        ).toMatch(/week\. The team then adopted We kept the check for every model we ship\.$/);
        expect(await diff.textContent()).toMatch(/^… /);
        // Marked by more than colour.
        expect(
          await diff
            .locator("del")
            .first()
            .evaluate((el) => getComputedStyle(el).textDecorationLine),
        ).toBe("line-through");
        expect(await diff.locator("ins").evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe(
          "underline",
        );
        expect(
          await previous.getByRole("button", { name: "Hide changes" }).getAttribute("aria-expanded"),
        ).toBe("true");
        // The diff stays inside the card.
        const cardBox = await card.boundingBox();
        const diffBox = await diff.boundingBox();
        expect((diffBox?.x ?? 0) + (diffBox?.width ?? 0)).toBeLessThanOrEqual(
          (cardBox?.x ?? 0) + (cardBox?.width ?? 0),
        );
        await previous.scrollIntoViewIfNeeded();
        await screenshot(page, `history-changes-${width}`);
      } finally {
        await closeSpec({ context: opened?.context, server: opened?.server });
      }
    }, 120_000);
  }
});
