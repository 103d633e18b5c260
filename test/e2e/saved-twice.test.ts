/**
 * A draft derisk made, saved a second time (after a reload, the page no longer knows it saved it):
 * the trailer and a re-angle are refused with a message that says the variant is already saved
 * and names it by its question number, and no copy ("trailer 1 min 2") joins the library. The
 * re-angle's message never says "re-angling kept every sentence" when it trimmed some.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { importSampleAsOwn, useSpec } from "./harness.ts";

const launched = await launchBrowser();

interface Item {
  id: string;
  kind: string;
  key: string;
  variant?: string;
}

describe.runIf(launched.browser !== null)("a generated draft saved twice", () => {
  const browser = launched.browser as Browser;
  let documentId = "";
  const spec = useSpec(browser, {
    closeBrowser: true,
    fill: async ({ server }) => {
      documentId = await importSampleAsOwn(server.url);
    },
  });
  const answers = async (): Promise<Item[]> =>
    (
      (await (await fetch(`${spec.server.url}/api/documents/${documentId}`)).json()) as { items: Item[] }
    ).items.filter((i) => i.kind === "answer");

  test("the trailer saved again after a reload is refused, and the library holds one copy", async () => {
    const { page } = spec;
    await page.goto("/#/trailer");
    await page.getByTestId("beat-foundation").waitFor();
    await page.getByRole("button", { name: "Save variant" }).click();
    await page.getByText("Saved as “trailer 1 min”.").waitFor();
    const count = (await answers()).length;

    await page.reload();
    await page.getByTestId("beat-foundation").waitFor();
    await page.getByRole("button", { name: "Save variant" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "not saved" });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /already saved as variant “trailer 1 min” of Q1, word for word/,
    );
    expect((await answers()).length).toBe(count);
    expect((await answers()).some((i) => i.variant === "trailer 1 min 2")).toBe(false);
  });

  test("a re-angle saved again says it is saved already, not that nothing was trimmed", async () => {
    const { page } = spec;
    const mistake = (await answers()).find((i) => i.key === "q5/model-focused");
    const reangle = async () => {
      await page.goto(`/#/reangle/${mistake?.id}`);
      await page.getByLabel("Written for").selectOption("ml-engineer");
      await page.getByLabel("Re-angle for").selectOption("mlops-engineer");
      await page.getByRole("button", { name: "Re-angle", exact: true }).click();
      await page.getByTestId("fit-compare").waitFor();
      expect(await page.locator(".reangle-result").textContent()).toMatch(/[1-9]\d* trimmed/);
    };
    await reangle();
    await page.getByLabel(/Save as a variant of/).fill("for MLOps");
    await page.getByRole("button", { name: "Save variant" }).click();
    await page.getByRole("status").filter({ hasText: "Saved as “for MLOps”" }).waitFor();
    const count = (await answers()).length;

    await page.reload();
    await reangle();
    await page.getByLabel(/Save as a variant of/).fill("for MLOps again");
    await page.getByRole("button", { name: "Save variant" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "not saved" });
    await alert.waitFor();
    const said = (await alert.textContent()) ?? "";
    expect(said).toMatch(/already saved as variant “for MLOps” of Q5, word for word/);
    expect(said).not.toMatch(/kept every sentence|\bq5\b/);
    expect((await answers()).length).toBe(count);
  });
});
