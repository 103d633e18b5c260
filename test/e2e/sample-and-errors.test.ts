/**
 * The other ways in and the ways things go wrong: the sample document, a binary file, two tabs
 * saving the same answer, and an unsaved draft surviving a reload.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./browser.ts";
import { screenshot, startTestServer, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null)("sample, bad input, conflicts and drafts", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let serverStopped = false;
  let dismissNextDialog = false;
  let dialogsSeen = 0;

  beforeAll(async () => {
    server = await startTestServer();
    context = await newContext(browser, server.url);
    page = await context.newPage();
    // Reloading with unsaved text raises the "leave page?" prompt; the user says yes here.
    page.on("dialog", (dialog) => {
      dialogsSeen += 1;
      if (dismissNextDialog) {
        dismissNextDialog = false;
        void dialog.dismiss();
      } else {
        void dialog.accept();
      }
    });
  });

  afterAll(async () => {
    await context?.close();
    if (!serverStopped) await server?.close();
    await browser.close();
  });

  test("a binary file is refused with a clear message", async () => {
    await page.goto("/");
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Choose a file" }).click(),
    ]);
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0,
    ]);
    await chooser.setFiles({ name: "photo.png", mimeType: "image/png", buffer: png });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain("That didn't import");
    expect(text).toMatch(/BAD_INPUT|UNSUPPORTED_ENCODING/);
    expect(text.length).toBeGreaterThan(40);
    expect(await page.getByTestId("report-summary").count()).toBe(0);
    await screenshot(page, "import-bad-file");
  });

  test("a file of only spaces and blank lines is refused in the page's words, not the terminal's", async () => {
    await page.goto("/");
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Choose a file" }).click(),
    ]);
    await chooser.setFiles({
      name: "blank.md",
      mimeType: "text/markdown",
      buffer: Buffer.from("  \n\n\t \n"),
    });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain("blank.md contains only whitespace");
    expect(text).toContain("Choose a file with your notes in it, or paste them.");
    expect(text).not.toMatch(/derisk [a-z]|import it again/);
  });

  test("the sample document imports with one click and opens in the library", async () => {
    await page.getByRole("button", { name: "Start from the sample document" }).click();
    const summary = page.getByTestId("report-summary");
    await summary.waitFor();
    expect((await summary.textContent()) ?? "").toMatch(/\d+ answers?/);
    expect(await page.getByRole("alert").count()).toBe(0);
    await screenshot(page, "import-sample");

    // The sample is in the library now: the start page opens it rather than importing it again
    // (which would change nothing: the import is "Already up to date").
    await page.getByRole("button", { name: "Import another document" }).click();
    await page.getByRole("link", { name: /Open the sample document/ }).waitFor();
    expect(await page.getByRole("button", { name: "Start from the sample document" }).count()).toBe(0);

    await page.getByRole("link", { name: /Open the sample document/ }).click();
    await page.locator(".answer-panel").waitFor();
    expect(await page.locator(".question-link").count()).toBeGreaterThan(0);
  });

  test("a stale save shows the conflict and can load the latest version", async () => {
    const editHref = await page.locator(".answer-panel .edit-button").getAttribute("href");
    expect(editHref).toMatch(/^#\/edit\//);
    const other = await context.newPage();
    other.on("dialog", (dialog) => void dialog.accept());
    await page.goto(`/${editHref}`);
    await other.goto(`/${editHref}`);
    // Both tabs hold the answer as it was before either saves: the second tab's load is its own
    // request, and one answered after the first tab's save would read the saved text (no conflict).
    const theirs = other.getByRole("textbox", { name: "Answer text" });
    await theirs.waitFor();

    const mine = page.getByRole("textbox", { name: "Answer text" });
    await mine.waitFor();
    await mine.press("Control+End");
    await mine.pressSequentially(" First tab.");
    await page.keyboard.press("Control+s");
    await page.getByText(/^Saved at/).waitFor();

    await theirs.press("Control+End");
    await theirs.pressSequentially(" Second tab.");
    await other.keyboard.press("Control+s");
    const conflict = other.getByRole("alert");
    await conflict.waitFor();
    expect((await conflict.textContent()) ?? "").toContain("changed since you opened it");
    await screenshot(other, "edit-conflict");

    await conflict.getByRole("button", { name: "Load the latest version" }).click();
    await other.getByText("No changes").waitFor();
    expect(await theirs.inputValue()).toContain("First tab.");
    expect(await theirs.inputValue()).not.toContain("Second tab.");
    await other.close();
  });

  test("an unsaved draft survives a reload", async () => {
    const editor = page.getByRole("textbox", { name: "Answer text" });
    await editor.press("Control+End");
    await editor.pressSequentially(" Draft sentence.");
    await page.getByText(/draft kept in this browser/).waitFor();
    await page.reload();
    await page.getByText(/Restored your unsaved draft/).waitFor();
    expect(await page.getByRole("textbox", { name: "Answer text" }).inputValue()).toContain(
      "Draft sentence.",
    );
    await page.getByRole("button", { name: "Discard the draft" }).click();
    expect(await page.getByRole("textbox", { name: "Answer text" }).inputValue()).not.toContain(
      "Draft sentence.",
    );
  });

  test("leaving the editor with unsaved text asks first", async () => {
    const editor = page.getByRole("textbox", { name: "Answer text" });
    await editor.press("Control+End");
    await editor.pressSequentially(" Unsaved.");
    const editUrl = page.url();
    const seen = dialogsSeen;
    dismissNextDialog = true;
    await page.getByRole("link", { name: "Back to the library" }).click();
    await expect.poll(() => dialogsSeen).toBe(seen + 1);
    // The user said "stay": same page, text intact.
    await page.waitForFunction((url) => window.location.href === url, editUrl);
    expect(await editor.inputValue()).toContain("Unsaved.");
    await page.getByRole("link", { name: "Back to the library" }).click();
    await page.locator(".answer-panel").waitFor();
    // The draft is kept, and the answer says so.
    await page.getByText(/You have an unsaved draft of this answer/).waitFor();
    await page.getByRole("link", { name: "Continue editing" }).click();
    expect(await page.getByRole("textbox", { name: "Answer text" }).inputValue()).toContain("Unsaved.");
    await page.getByRole("button", { name: "Discard the draft" }).click();
    await page.getByRole("link", { name: "Back to the library" }).click();
    await page.locator(".answer-panel").waitFor();
  });

  test("Start empty opens an empty document that says how to fill it", async () => {
    await page.goto("/#/");
    await page.getByRole("button", { name: "Start empty" }).click();
    await page.getByRole("heading", { level: 1, name: "My interview prep" }).waitFor();
    await page.getByRole("heading", { name: "No answers in this document yet" }).waitFor();
    await screenshot(page, "library-empty-document");
  });

  test("deleting a document removes it from the library", async () => {
    const before = await (await fetch(`${server.url}/api/documents`)).json();
    // The dialog handler accepts the confirmation.
    await page.getByRole("button", { name: "Delete" }).click();
    // The library moves on to the remaining document (not an error about the deleted one).
    await page.locator(".answer-panel").waitFor();
    expect((await page.locator("h1").textContent()) ?? "").not.toContain("My interview prep");
    const after = (await (await fetch(`${server.url}/api/documents`)).json()) as {
      documents: { title: string }[];
    };
    expect(after.documents.length).toBe((before as { documents: unknown[] }).documents.length - 1);
    expect(after.documents.map((doc) => doc.title)).not.toContain("My interview prep");
  });

  test("a file saved as Windows-1252 is imported, read as such, and the report says so", async () => {
    await page.goto("/");
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Choose a file" }).click(),
    ]);
    const bytes = Buffer.from([
      ...Buffer.from("# Legacy prep\n\n### Q1- Tell me about a caf"),
      0xe9,
      ...Buffer.from(" outage.\n\n"),
      0x93,
      ...Buffer.from("I fixed it"),
      0x94,
      0x20,
      0x96,
      ...Buffer.from(" in two days.\n"),
    ]);
    await chooser.setFiles({ name: "legacy.md", mimeType: "text/markdown", buffer: bytes });
    const summary = page.getByTestId("report-summary");
    await summary.waitFor();
    const report = (await page.locator("main").textContent()) ?? "";
    expect(report).toContain("Windows-1252");
    expect(report).toContain("legacy.md is not UTF-8: it was read as Windows-1252");
    expect(await page.getByRole("alert").count()).toBe(0);
    await screenshot(page, "import-windows-1252");
    // The next test wants an empty library (the start page's sample button).
    const { documents } = (await (await fetch(`${server.url}/api/documents`)).json()) as {
      documents: { id: string }[];
    };
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents)
      await fetch(`${server.url}/api/documents/${document.id}`, { method: "DELETE" });
    await page.goto("/");
    await page.getByRole("button", { name: "Start from the sample document" }).waitFor();
  });

  test("a stopped server is reported, not a blank failure", async () => {
    await server.close();
    serverStopped = true;
    // The app is already loaded; moving within it needs no server, the import does.
    await page.evaluate(() => {
      window.location.hash = "#/";
    });
    await page.getByRole("button", { name: "Start from the sample document" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain("Can't reach the derisk server");
    expect(text).toContain("NETWORK");
    // In the user's words, not the browser's ("Failed to fetch", "NetworkError when attempting…").
    expect(text).not.toMatch(/Failed to fetch|NetworkError|TypeError/);
    expect(text).toContain("npm start");
    await screenshot(page, "server-stopped");
  });
});
