/**
 * What a new user sees when they act: a save that cannot reach the server says so beside the
 * Save button, and the practice page's first choice leads somewhere.
 */
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./browser.ts";
import { screenshot, settle, startTestServer } from "./harness.ts";

/** Imports the sample document over the API, as "Start from the sample document" does; its id. */
async function importSample(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/import?filename=sample-prep.md`, {
    method: "POST",
    headers: { "Content-Type": "application/octet-stream" },
    body: new Uint8Array(readFileSync(new URL("../../samples/sample-prep.md", import.meta.url))),
  });
  return ((await response.json()) as { documentId: string }).documentId;
}

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("feedback on a new user's actions", () => {
  const browser = launched.browser as Browser;

  afterAll(async () => {
    await browser.close();
  });

  test("saving while the server is stopped says 'Not saved' beside Save and offers to try again", async () => {
    const server = await startTestServer();
    let stopped = false;
    const context = await newContext(browser, server.url);
    try {
      const documentId = await importSample(server.url);
      const detail = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
        items: { id: string; kind: string }[];
      };
      const itemId = detail.items.find((item) => item.kind === "answer")?.id ?? "";
      const page = await context.newPage();
      page.on("dialog", (dialog) => void dialog.accept());
      await page.goto(`/#/edit/${itemId}`);
      const editor = page.locator("textarea.editor-textarea");
      await editor.waitFor();
      await server.close();
      stopped = true;
      await editor.press("End");
      await editor.pressSequentially(" Typed while the server was down.");
      await page.keyboard.press("Control+s");
      const status = page.locator(".editor-status");
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain("Not saved");
      const alert = page.locator(".editor").getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toContain("Can't reach the derisk server");
      expect(await alert.getByRole("button", { name: "Try again" }).count()).toBe(1);
      // The typed words are still in the editor.
      expect(await editor.inputValue()).toContain("Typed while the server was down.");
      await screenshot(page, "save-server-stopped");
    } finally {
      await context.close();
      if (!stopped) await server.close();
    }
  });
  test("with nothing due, Practice starts on one competency and the first click starts a session", async () => {
    const server = await startTestServer();
    const context = await newContext(browser, server.url);
    try {
      const page = await context.newPage();
      await page.goto("/#/practice");
      const competency = page.getByRole("radio", { name: /One competency/ });
      await expect.poll(() => competency.isChecked(), { timeout: 10_000 }).toBe(true);
      await page.getByRole("button", { name: /Start the session/ }).click();
      await page.waitForURL(/#\/practice\/[^/]+$/, { timeout: 15_000 });
      await page.getByRole("button", { name: /Start answering/ }).waitFor();
      expect(await page.getByRole("alert").count()).toBe(0);
      await screenshot(page, "practice-nothing-due");
    } finally {
      await context.close();
      await server.close();
    }
  });
  test("the live lens keeps its budget range on one line in the editor's narrow column", async () => {
    const server = await startTestServer();
    const context = await newContext(browser, server.url);
    try {
      const documentId = await importSample(server.url);
      const detail = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
        items: { id: string; kind: string }[];
      };
      const itemId = detail.items.find((item) => item.kind === "answer")?.id ?? "";
      const page = await context.newPage();
      await page.goto(`/#/edit/${itemId}`);
      const budget = page.getByTestId("lens-budget");
      await budget.waitFor({ timeout: 20_000 });
      // A first visit: the lens may be drawn once before the document's target role is known.
      await settle(page);
      // "Tell me about yourself": 1 min 30 s–2 min 30 s, which wrapped after "2 min".
      expect(await budget.textContent()).toBe("1 min 30 s–2 min 30 s");
      // One line box: every fragment of the range sits at the same height.
      const lines = await budget.evaluate(
        (el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size,
      );
      expect(lines).toBe(1);
    } finally {
      await context.close();
      await server.close();
    }
  });
  test("words typed right after pressing S, before the answer box appears, land in the answer", async () => {
    const server = await startTestServer();
    const context = await newContext(browser, server.url);
    try {
      const page = await context.newPage();
      // A slow network (or a busy server): starting the timer takes 600 ms to come back.
      await page.route("**/begin", async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 600));
        await route.continue();
      });
      await page.goto("/#/practice");
      await page.getByRole("button", { name: /Start the session/ }).click();
      const start = page.getByRole("button", { name: /Start answering/ });
      await start.waitFor();
      await expect.poll(() => start.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press("s");
      await page.keyboard.type("I owned it.", { delay: 20 });
      const answer = page.locator("textarea.practice-textarea");
      await answer.waitFor();
      await expect.poll(() => answer.inputValue()).toBe("I owned it.");
      await page.keyboard.type(" Then I shipped it.");
      await expect.poll(() => answer.inputValue()).toBe("I owned it. Then I shipped it.");
    } finally {
      await context.close();
      await server.close();
    }
  });
  test("Stories on an empty library points at the import, not at a 'document above' that is not there", async () => {
    const server = await startTestServer();
    const context = await newContext(browser, server.url);
    try {
      const page = await context.newPage();
      await page.goto("/#/stories");
      const empty = page.locator(".empty-state");
      await empty.waitFor();
      await expect.poll(() => empty.textContent()).toContain("Import your prep document");
      expect(await empty.textContent()).not.toContain("document above");
      expect(await empty.getByRole("link", { name: "Import a document" }).getAttribute("href")).toBe("#/");
    } finally {
      await context.close();
      await server.close();
    }
  });
  test("Follow-ups and concerns says when the answer raises no concern", async () => {
    const server = await startTestServer();
    const context = await newContext(browser, server.url);
    try {
      const documentId = await importSample(server.url);
      const detail = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
        items: { id: string; kind: string; key: string }[];
      };
      // Q2: Q1 carries the document's own concern note, which its Follow-ups page raises.
      const itemId = detail.items.find((item) => item.key === "q2/core")?.id ?? "";
      const page = await context.newPage();
      await page.goto(`/#/followups/${itemId}`);
      await page.getByTestId("followups-summary").waitFor({ timeout: 20_000 });
      // A first visit: what shows may be the predictions made before the document list (and its
      // target role) came, about to be replaced by a skeleton and the role's own.
      await settle(page);
      expect(await page.getByRole("heading", { name: /Concerns it may raise/ }).count()).toBe(1);
      expect(await page.getByTestId("no-concern").textContent()).toContain("Nothing in this answer triggers");
    } finally {
      await context.close();
      await server.close();
    }
  });
});
