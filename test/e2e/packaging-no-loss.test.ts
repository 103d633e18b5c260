/**
 * Text a candidate types on the packaging pages is never lost without a word: the seed imported
 * and made into stories, then the posting pasted into Tailor and the working copy of a composed
 * draft, each left by an in-app link, a reload or a second compose.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SEED_RUNS } from "../seed.ts";
import { launchBrowser, newContext } from "./browser.ts";
import { importSeed, makeStories, startTestServer, type TestServer } from "./harness.ts";

const launched = await launchBrowser();

// Our own posting, written for this test.
const POSTING = `Machine Learning Engineer — Northwind Health

Northwind Health builds clinical decision support tools used by 400 hospitals.

Requirements
- 3+ years of experience building production ML systems
- Strong Python and PyTorch
- Communicating results clearly to non-technical stakeholders
`;

describe.runIf(launched.browser !== null && SEED_RUNS)(
  "packaging pages keep what the candidate typed",
  () => {
    const browser = launched.browser as Browser;
    let server: TestServer;
    let context: BrowserContext;
    let page: Page;
    const dialogs: string[] = [];

    beforeAll(async () => {
      server = await startTestServer();
      const documentId = await importSeed(server.url);
      await makeStories(server.url, documentId);
      context = await newContext(browser, server.url);
      page = await context.newPage();
      // Every confirm is declined: the candidate chooses to stay with their text.
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    });

    afterAll(async () => {
      await context?.close();
      await server?.close();
      await browser.close();
    });

    test("a pasted posting survives leaving Tailor before matching, and a reload", async () => {
      await page.goto("/#/tailor");
      const posting = page.getByLabel("Job description");
      await posting.fill(POSTING);
      await page.getByRole("link", { name: "Library", exact: true }).click();
      await page.waitForURL(/#\/library/);
      await page.getByRole("link", { name: "Tailor", exact: true }).click();
      await posting.waitFor();
      expect(await posting.inputValue()).toBe(POSTING);
      await page.reload();
      await posting.waitFor();
      expect(await posting.inputValue()).toBe(POSTING);
    });
  },
);
