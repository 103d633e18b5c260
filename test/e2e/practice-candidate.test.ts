/**
 * What a candidate a week before the interview runs into on the Practice page, in a real browser
 * against the real server with the seed imported: one answer open in two tabs (the tab typed in
 * last is what the server keeps, and that tab says so, instead of a "Saved" that was not); the
 * rating card of a question that ends in "?" (no second "?" after the quote); two documents of
 * one title told apart in the menus that pick one (export, library); a finished session's
 * report found again from the Practice page; a file over 10 MB refused with the way out.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { launchBrowser } from "./browser.ts";
import { callApi, startPractice, useSpec } from "./harness.ts";

const launched = await launchBrowser();

interface SessionView {
  session: { current?: { attempt?: { text: string } } };
}

describe.runIf(launched.browser !== null)("practice as a candidate uses it", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, { seed: true });

  async function startOne(): Promise<string> {
    const sessionId = await startPractice(spec.page, 1);
    await spec.page.getByRole("button", { name: /Start answering/ }).click();
    return sessionId;
  }

  const serverText = async (sessionId: string): Promise<string | undefined> =>
    (
      (await (
        await fetch(`${spec.server.url}/api/practice/sessions/${encodeURIComponent(sessionId)}`)
      ).json()) as SessionView
    ).session.current?.attempt?.text;

  test("one answer in two tabs: the tab typed in last is saved, and it says another tab had a newer text", async () => {
    const sessionId = await startOne();
    // The same session in a second tab, opened before anything is typed (both start at revision 0).
    const second = await spec.context.newPage();
    await second.goto(`/#/practice/${encodeURIComponent(sessionId)}`);
    const editor = second.getByLabel("Your answer, as you would say it");
    await editor.waitFor();

    const first = spec.page.getByLabel("Your answer, as you would say it");
    // Many keystrokes in the first tab: its autosave revision runs well ahead of the second's.
    await first.pressSequentially("In my last role the nightly training job failed twice a week. ", {
      delay: 5,
    });
    await expect.poll(() => spec.page.getByTestId("save-state").textContent()).toBe("Saved");

    await editor.pressSequentially("I owned the fix.", { delay: 5 });
    // Before: "Saved", while the server kept the first tab's text and this one was lost.
    await expect
      .poll(() => second.getByTestId("save-state").textContent(), { timeout: 10_000 })
      .toMatch(/^Saved · This answer is open in another tab too/);
    await expect.poll(() => serverText(sessionId)).toBe("I owned the fix.");

    // A reload of either tab shows what the server kept.
    await spec.page.reload();
    await expect.poll(() => first.inputValue()).toBe("I owned the fix.");
    await second.close();
  });

  test("the rating card quotes a question that ends in '?' without adding a second one", async () => {
    const { session } = (await callApi(spec.server.url, "/api/practice/sessions", {
      from: { kind: "question", text: "Why do you want to work on our ranking team?" },
    })) as { session: { id: string } };
    await spec.page.goto(`/#/practice/${encodeURIComponent(session.id)}`);
    await spec.page.getByRole("button", { name: /Start answering/ }).click();
    await spec.page
      .getByLabel("Your answer, as you would say it")
      .fill("I built ranking models for three years, and your team ships them to millions of users.");
    await spec.page.getByRole("button", { name: /Submit answer/ }).click();
    const heading = spec.page.locator("#rate-title");
    await heading.waitFor({ timeout: 30_000 });
    // Before: How well did you know “Why do you want to work on our ranking team?”?
    expect(await heading.textContent()).toBe(
      "How well did you know “Why do you want to work on our ranking team?”",
    );
  });

  test("two documents of one title are told apart by their files in the export and library menus", async () => {
    const response = await fetch(`${spec.server.url}/api/import?filename=other-notes.md`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: "# Prep\n\n## Q1: Tell me about a conflict\n\nI disagreed with our lead on the rollout plan, so I ran a small test.\n",
    });
    expect(response.ok).toBe(true);
    const listed = (await (await fetch(`${spec.server.url}/api/documents`)).json()) as {
      documents: Array<{ title: string }>;
    };
    expect(listed.documents.filter((d) => d.title === "Prep")).toHaveLength(2);

    await spec.page.goto("/#/export");
    const menu = spec.page.locator(".backup-title ~ label.field select").first();
    await menu.waitFor();
    // The menu may first render from the document list read before this import; wait for the refreshed one.
    await expect
      .poll(() => menu.locator("option").allTextContents(), { timeout: 15_000 })
      .toContain("Prep (other-notes.md)");
    const options = await menu.locator("option").allTextContents();
    // Before: ["Prep", "Prep"].
    expect(new Set(options).size).toBe(options.length);

    await spec.page.goto("/#/library");
    const library = spec.page.locator("select", {
      has: spec.page.locator("option", { hasText: "other-notes.md" }),
    });
    await expect.poll(() => library.count()).toBe(1);
  });

  test("a finished session's report is found again from the Practice page", async () => {
    const { session } = (await callApi(spec.server.url, "/api/practice/sessions", {
      from: { kind: "question", text: "Tell me about a time you changed your mind." },
    })) as { session: { id: string } };
    const submitted = (await callApi(spec.server.url, `/api/practice/sessions/${session.id}/submit`, {
      text: "I argued for a bigger model, then our latency test showed a 3x cost, so I backed the smaller one.",
    })) as { stepId: string };
    await callApi(spec.server.url, `/api/practice/sessions/${session.id}/steps/${submitted.stepId}/rating`, {
      rating: "good",
    });
    await spec.page.goto("/#/practice");
    const past = spec.page.getByRole("region", { name: "Past sessions" });
    // Before: no way back to a finished session's report but its address.
    await past.waitFor({ timeout: 15_000 });
    const line = past.locator("li", { hasText: "Tell me about a time you changed your mind." });
    expect(await line.textContent()).toMatch(
      /finished .+ · 1 of 1 answered · “Tell me about a time you changed your mind\.”$/,
    );
    await line.getByRole("link", { name: "Report" }).click();
    await spec.page.waitForURL(new RegExp(`#/practice/${session.id}$`));
    await spec.page.getByRole("heading", { name: "Session report" }).waitFor();
  });

  test("a file over 10 MB is refused with what to do about it", async () => {
    await spec.page.goto("/#/start");
    const chooser = spec.page.waitForEvent("filechooser");
    await spec.page.getByRole("button", { name: "Choose a file" }).click();
    await (await chooser).setFiles({
      name: "everything.md",
      mimeType: "text/markdown",
      buffer: Buffer.alloc(11 * 1024 * 1024, "I led the migration. "),
    });
    const alert = spec.page.getByRole("alert");
    await alert.waitFor();
    // Before: "everything.md is 11.0 MB; derisk imports text documents up to 10 MB." and nothing to do.
    expect(await alert.textContent()).toMatch(
      /everything\.md is 11\.0 MB; derisk imports text documents up to 10 MB\. Split it into smaller files/,
    );
  });
});
