/**
 * What a demanding user ran into in the web app, each pinned by the path that showed it:
 * a composed draft saved twice as two identical variants; an answer written in Hebrew shown
 * left to right, its full stop on the wrong side; a posting pasted by mistake kept in "Saved
 * postings" for good; a session with every question skipped reporting "0 s used of 0 s".
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { closeSpec, importSeed, makeStories, openSpec, settle, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("web app sweep", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let documentId: string;

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser));
    documentId = await importSeed(server.url);
    await makeStories(server.url, documentId);
  });

  afterAll(async () => {
    await closeSpec({ context, server, browser });
  });

  async function variantNames(): Promise<string[]> {
    const response = await fetch(`${server.url}/api/documents/${documentId}`);
    const body = (await response.json()) as { items: { kind: string; variant?: string }[] };
    return body.items.flatMap((item) => (item.kind === "answer" && item.variant ? [item.variant] : []));
  }

  test("an answer written right to left reads right to left, in the library and in the editor", async () => {
    const hebrew = "הובלתי את המעבר לשרת החדש והפחתתי את זמן התגובה בחצי.";
    const body = [
      "# Prep in two languages",
      "",
      "## Q1- Tell me about a hard migration",
      "",
      hebrew,
      "",
      "I also wrote the runbook.",
      "",
    ];
    const imported = await fetch(`${server.url}/api/import?filename=bidi.md`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: body.join("\n"),
    });
    const { documentId: bidi } = (await imported.json()) as { documentId: string };
    await page.goto(`/#/library/${bidi}/answers`);
    const paragraphs = page.locator(".answer-panel .text-block p");
    await paragraphs.first().waitFor();
    const directions = await paragraphs.evaluateAll((nodes) =>
      nodes.map((node) => [node.textContent ?? "", getComputedStyle(node).direction]),
    );
    expect(directions).toEqual([
      [hebrew, "rtl"],
      ["I also wrote the runbook.", "ltr"],
    ]);
    await page.getByRole("link", { name: "Edit answer" }).click();
    const editor = page.locator("textarea.editor-textarea");
    await editor.waitFor();
    expect(await editor.evaluate((node) => getComputedStyle(node).direction)).toBe("rtl");
  });

  test("a saved posting can be deleted from the Tailor page", async () => {
    const answered: string[] = [];
    page.on("dialog", (dialog) => {
      answered.push(dialog.message());
      void dialog.accept();
    });
    await page.goto("/#/tailor");
    // A posting that asks for something (one that asks for nothing is not kept).
    await page
      .getByRole("textbox", { name: "Job description" })
      .fill(
        "Data Engineer at Fernwood\n\nRequirements:\n- 3+ years of Python\n- Experience with Apache Spark",
      );
    await page.getByRole("button", { name: /Match/ }).click();
    const saved = page.getByTestId("saved-tailorings");
    await saved.waitFor();
    expect(await saved.locator("li").count()).toBe(1);
    await saved.getByRole("button", { name: /^Delete the saved posting/ }).click({ timeout: 5000 });
    await expect.poll(() => page.getByTestId("saved-tailorings").count()).toBe(0);
    expect(answered).toHaveLength(1);
    const listed = (await (await fetch(`${server.url}/api/tailorings`)).json()) as { tailorings: unknown[] };
    expect(listed.tailorings).toHaveLength(0);
    page.removeAllListeners("dialog");
  });

  test("a session with every question skipped reports no time, not '0 s used of 0 s'", async () => {
    await page.goto("/#/practice");
    await page.getByLabel("Questions", { exact: true }).fill("1");
    await page.getByRole("button", { name: "Start the session" }).click();
    await page.getByRole("button", { name: /^Start answering/ }).click();
    await page.getByRole("button", { name: /^Skip/ }).click();
    const report = page.locator(".practice-report");
    await report.waitFor();
    const stats = (await report.locator(".stat").allTextContents()).join(" | ");
    expect(stats).not.toMatch(/0 s\s*used of 0 s/);
    expect(stats).toContain("nothing answered");
  });

  test("a composed draft is saved once as a variant; again only after its text changed", async () => {
    await page.goto("/#/compose");
    await page.getByRole("button", { name: "Compose the draft" }).click();
    const save = page.getByRole("button", { name: "Save variant" });
    await save.click();
    await page.getByText(/^Saved as “composed”/).waitFor();
    expect(await save.isDisabled()).toBe(true);
    await save.click({ force: true }).catch(() => undefined);
    // Whatever that click started has answered (it was a fixed 500 ms).
    await settle(page);
    expect((await variantNames()).filter((name) => name.startsWith("composed"))).toEqual(["composed"]);
    const working = page.getByRole("textbox", { name: "Your working copy" });
    await working.press("End");
    await working.pressSequentially(" I check cold starts first now.");
    expect(await save.isEnabled()).toBe(true);
    await save.click();
    await page.getByText(/^Saved as “composed 2”/).waitFor();
    expect((await variantNames()).filter((name) => name.startsWith("composed"))).toEqual([
      "composed",
      "composed 2",
    ]);
  });
});
