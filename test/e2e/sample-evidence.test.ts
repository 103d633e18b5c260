/**
 * The sample document beside the user's own, in a real browser against the real server: the
 * sample imported with the start page's button is marked as the sample; once the user's own notes
 * are in (the seed), coverage, the trailer and follow-ups say once that the sample is not used as
 * their evidence, and none of its answers is offered as theirs.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { importSeed, screenshot, useSpec } from "./harness.ts";

const launched = await launchBrowser();
const NOTE = "The sample document is not used as your evidence.";

describe.runIf(launched.browser !== null)("the sample is not the user's evidence", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, { closeBrowser: true });

  const documents = async () =>
    (
      (await (await fetch(`${spec.server.url}/api/documents`)).json()) as {
        documents: { id: string; title: string; sample?: true }[];
      }
    ).documents;

  test("the sample alone is the demo: imported by the button, marked, and nothing is said", async () => {
    const { page } = spec;
    await page.goto("/");
    await page.getByRole("button", { name: "Start from the sample document" }).click();
    await page.getByTestId("report-summary").waitFor();
    const [sample] = await documents();
    expect(sample?.sample).toBe(true);
    await page.goto("/#/coverage");
    await page.getByTestId("coverage-summary").waitFor();
    expect(await page.getByTestId("sample-left-out").count()).toBe(0);
  });

  test("beside the user's own document, coverage, trailer and follow-ups leave it out and say so once", async () => {
    const { page, server } = spec;
    const ownId = await importSeed(server.url);
    const sampleId = (await documents()).find((d) => d.sample)?.id ?? "";
    const sampleItems = (
      (await (await fetch(`${server.url}/api/documents/${sampleId}`)).json()) as { items: { id: string }[] }
    ).items.map((i) => i.id);

    // Imported over the API, not the page: load the app afresh.
    await page.goto("/#/coverage");
    await page.reload();
    await page.getByTestId("sample-left-out").waitFor();
    expect(await page.getByTestId("sample-left-out").allTextContents()).toEqual([NOTE]);
    const links = await page
      .locator("a[href]")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(links.filter((href) => sampleItems.some((id) => href.includes(id)))).toEqual([]);
    await screenshot(page, "coverage-sample-left-out");

    await page.goto("/#/trailer");
    await page.getByTestId("sample-left-out").waitFor();
    expect(await page.getByTestId("sample-left-out").allTextContents()).toEqual([NOTE]);

    const own = (
      (await (await fetch(`${server.url}/api/documents/${ownId}`)).json()) as {
        items: { id: string; key: string }[];
      }
    ).items;
    await page.goto(`/#/followups/${own.find((i) => i.key === "q2/core")?.id}`);
    await page.getByTestId("followups-summary").waitFor();
    expect(await page.getByTestId("sample-left-out").allTextContents()).toEqual([NOTE]);
    const prepared = await page
      .locator(".prediction a[href]")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(prepared.filter((href) => sampleItems.some((id) => href.includes(id)))).toEqual([]);
  });

  test("deleting the sample asks first, and says it takes the stories drawn from it that were never edited", async () => {
    const { page, server } = spec;
    const sampleId = (await documents()).find((d) => d.sample)?.id ?? "";
    const drawn = (await (
      await fetch(`${server.url}/api/documents/${sampleId}/stories`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      })
    ).json()) as { created: unknown[] };
    expect(drawn.created.length).toBeGreaterThan(1);
    await page.goto(`/#/library/${sampleId}/answers`);
    await page.reload();
    await page.locator(".answer-panel").waitFor();
    let message = "";
    page.once("dialog", (dialog) => {
      message = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => message).not.toBe("");
    expect(message).toContain(
      `Also deletes the ${drawn.created.length} stories drawn from it that you have not edited; stories you edited stay.`,
    );
    // The user said no: the sample is still there.
    expect((await documents()).some((d) => d.id === sampleId)).toBe(true);
  });
});
