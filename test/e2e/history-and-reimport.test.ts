/**
 * Re-importing a document the user worked on, in a real browser against the real server: the
 * start page previews what would change, the import keeps the user's edit and reports the
 * conflict, and the answer's history shows both texts and restores the file's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { closeSpec, openSpec, screenshot, type TestServer } from "./harness.ts";

const launched = await launchBrowser();
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url), "utf8");
const mine = "My own answer: I want to build software with a real team, with review and users.";

describe.runIf(launched.browser !== null)("re-import preview, conflict and history", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  let q2Id = "";

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser));
    dir = mkdtempSync(join(tmpdir(), "derisk-e2e-reimport-"));
    const imported = (await (
      await fetch(`${server.url}/api/import`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: sample, filename: "sample-prep.md" }),
      })
    ).json()) as { documentId: string };
    const detail = (await (await fetch(`${server.url}/api/documents/${imported.documentId}`)).json()) as {
      items: { id: string; key: string }[];
    };
    q2Id = detail.items.find((item) => item.key === "q2/core")?.id ?? "";
    const edited = await fetch(`${server.url}/api/items/${q2Id}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: mine }),
    });
    expect(edited.status).toBe(200);
  });

  afterAll(async () => {
    await closeSpec({ context, server, browser });
    rmSync(dir, { recursive: true, force: true });
  });

  test("importing a changed file of a document in the library shows a preview first, and Cancel writes nothing", async () => {
    const file = join(dir, "sample-prep.md");
    writeFileSync(file, sample.replace("I still love it.", "I still love it, most days."));
    await page.goto("/");
    const choose = async () => {
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        page.getByRole("button", { name: "Choose a file" }).click(),
      ]);
      await chooser.setFiles(file);
    };
    await choose();
    const preview = page.getByTestId("import-preview");
    await preview.waitFor();
    expect(await preview.getByRole("heading", { name: /^Update/ }).isVisible()).toBe(true);
    expect(await preview.getByTestId("import-conflicts").textContent()).toContain(
      "Why are you moving into industry now?",
    );
    await screenshot(page, "reimport-preview");
    await preview.getByRole("button", { name: "Cancel" }).click();
    const history = (await (await fetch(`${server.url}/api/items/${q2Id}/history`)).json()) as {
      versions: unknown[];
    };
    expect(history.versions).toHaveLength(2);

    await choose();
    await page.getByTestId("import-preview").getByRole("button", { name: "Import and update" }).click();
    await page.getByRole("heading", { name: /^Updated:/ }).waitFor();
    const conflicts = page.getByTestId("import-conflicts");
    expect(await conflicts.textContent()).toContain("Why are you moving into industry now?");
    await screenshot(page, "reimport-report");
    await conflicts.getByRole("link").first().click();
  });

  test("the answer keeps the user's text; its history lists both texts and restores the file's", async () => {
    const editor = page.getByRole("textbox", { name: "Answer text" });
    await editor.waitFor();
    expect(await editor.inputValue()).toBe(mine);
    await page.getByRole("button", { name: "Show history" }).click();
    const entries = page.getByTestId("history-entry");
    await entries.first().waitFor();
    expect(await entries.count()).toBe(3);
    const first = await entries.first().textContent();
    expect(first).toContain("from a re-import, not applied");
    expect(first).toContain("most days");
    expect(await entries.nth(1).textContent()).toMatch(/Typed[\s\S]*current/);
    // The numbers derisk history lists and --restore N takes (the re-import's kept text has none).
    expect(await entries.nth(1).textContent()).toMatch(/^Version 2 · Typed/);
    expect(await entries.nth(2).textContent()).toMatch(/^Version 1 · Imported/);
    await screenshot(page, "history");

    await entries.first().getByRole("button", { name: "Restore this text" }).click();
    await page.waitForFunction(() =>
      (document.querySelector("textarea") as HTMLTextAreaElement | null)?.value.includes("most days"),
    );
    await entries.nth(3).waitFor();
    expect(await entries.count()).toBe(4);
    expect(await entries.first().textContent()).toMatch(/Restored[\s\S]*current/);
    // Nothing was lost: the user's own text is still there to restore.
    expect(await page.getByTestId("history").textContent()).toContain(mine);
    await page.reload();
    await page.getByRole("textbox", { name: "Answer text" }).waitFor();
    expect(await page.getByRole("textbox", { name: "Answer text" }).inputValue()).toContain("most days");
  });
});
