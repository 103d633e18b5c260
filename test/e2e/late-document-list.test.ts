/**
 * On a first visit the App's document list (where a document's target role comes from) can come
 * after the page's own data. Re-angle and Compose took the role only when their form first drew:
 * a list that came later left "Written for" empty and Compose on ML engineer for good. Here the
 * list is held back until the form is on screen, then let through.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { callApi, settle, useSpec } from "./harness.ts";

const launched = await launchBrowser();

/** A document written for a software engineer post: one answer. */
const DOCUMENT = [
  "# Prep for the platform team",
  "",
  "## Answers tuned for Software Engineer Roles:",
  "",
  "### Q1- Tell me about a difficult bug you fixed",
  "",
  "Our API timed out once a day. I traced it to a lock held across a network call, moved the call",
  "out of the lock and added a test that holds the lock for a second. The timeouts stopped.",
  "",
].join("\n");

/** Holds the page's reads of the document list until the returned function is called. */
async function holdDocumentList(page: Page): Promise<() => void> {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/api/documents", async (route) => {
    if (route.request().method() === "GET") await held;
    await route.continue();
  });
  return release;
}

describe.runIf(launched.browser !== null)("a document list that comes late", () => {
  const browser = launched.browser as Browser;
  const ids = { answer: "" };
  const spec = useSpec(browser, {
    closeBrowser: true,
    fill: async ({ server }) => {
      const { documentId } = (await callApi(server.url, "/api/import", {
        text: DOCUMENT,
        filename: "platform.md",
      })) as { documentId: string };
      const { items } = (await (await fetch(`${server.url}/api/documents/${documentId}`)).json()) as {
        items: { id: string; kind: string }[];
      };
      ids.answer = items.find((item) => item.kind === "answer")?.id ?? "";
      await callApi(server.url, "/api/stories", {
        title: "The lock across a network call",
        situation: "Our API timed out once a day.",
        actions: ["I moved the network call out of the lock."],
        result: "The timeouts stopped.",
        competencies: ["technical-challenge"],
      });
    },
  });

  test("re-angle starts on the role the document targets, and a role the user picked stays", async () => {
    const page = await spec.context.newPage();
    try {
      const release = await holdDocumentList(page);
      await page.goto(`/#/reangle/${ids.answer}`);
      const from = page.getByLabel("Written for");
      await from.waitFor();
      release();
      // Before: "" (no role) for good.
      await expect.poll(() => from.inputValue()).toBe("software-engineer");
      expect(await page.getByLabel("Re-angle for").inputValue()).toBe("ml-engineer");
    } finally {
      await page.close();
    }

    const chosen = await spec.context.newPage();
    try {
      const release = await holdDocumentList(chosen);
      await chosen.goto(`/#/reangle/${ids.answer}`);
      const from = chosen.getByLabel("Written for");
      await from.selectOption("data-scientist");
      release();
      // The list has come and been drawn, after the choice: the choice stays.
      await settle(chosen);
      expect(await from.inputValue()).toBe("data-scientist");
    } finally {
      await chosen.close();
    }
  });

  test("compose starts on the role the document targets", async () => {
    const page = await spec.context.newPage();
    try {
      const release = await holdDocumentList(page);
      await page.goto("/#/compose");
      const role = page.getByLabel("Role", { exact: true });
      await role.waitFor();
      release();
      // Before: "ml-engineer" (the fallback) for good.
      await expect.poll(() => role.inputValue()).toBe("software-engineer");
    } finally {
      await page.close();
    }
  });
});
