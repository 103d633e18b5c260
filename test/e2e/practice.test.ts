/**
 * The Practice page in a real browser against the real server: a session started from the
 * keyboard, autosave that survives a reload and a server killed with SIGKILL, the timer resuming
 * where it was and announced to screen readers by the minute, the review, follow-up, rating and
 * report; the library's Practice button and the start page's "what next" list.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext, type Theme } from "./browser.ts";
import { closeSpec, importSeed, openSpec, screenshot, settle, type TestServer } from "./harness.ts";

/** Screenshots are pictures to look at, not assertions: a slow capture on a busy machine is reported, not failed. */
async function picture(page: Page, name: string): Promise<void> {
  await screenshot(page, name).catch((error: unknown) =>
    process.stdout.write(`[practice e2e] no screenshot ${name}: ${String(error).split("\n")[0]}\n`),
  );
}

const launched = await launchBrowser();
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

const FIRST = "At my last job the nightly training pipeline failed twice a week, and nobody owned it. ";
const SECOND = "I traced it to a race in the feature export and rewrote it as an idempotent step. ";
const THIRD = "Failures fell from eight a month to zero, and I now test the data path first.";

/** Seconds shown by the visible timer ("1:05 / 2:00" → 65). */
async function timerSeconds(page: Page): Promise<number> {
  const text = (await page.locator(".practice-clock").textContent()) ?? "";
  const [m, s] = text.split(":").map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
}

async function startFromKeyboard(page: Page, count: number): Promise<string> {
  await page.goto("/#/practice");
  await page.getByRole("heading", { name: "Practice", level: 1 }).waitFor();
  await page.getByLabel("Questions", { exact: true }).fill(String(count));
  await page.getByRole("heading", { name: "Practice", level: 1 }).click();
  await page.keyboard.press("s");
  await page.waitForURL(/#\/practice\/[^/]+$/);
  await page.getByRole("button", { name: /Start answering/ }).waitFor();
  return decodeURIComponent(page.url().split("#/practice/")[1] ?? "");
}

describe.runIf(launched.browser !== null)("practice in the browser", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, context, page } = await openSpec(browser));
    await importSeed(server.url);
  });

  afterAll(async () => {
    await closeSpec({ context, server });
  });

  /** A new tab, a one-question session started from the keyboard, the answer box focused. */
  async function answerOneInNewTab(): Promise<{ sessionId: string; editor: Locator }> {
    await page.close();
    page = await context.newPage();
    const sessionId = await startFromKeyboard(page, 1);
    await page.keyboard.press("s");
    const editor = page.getByLabel("Your answer, as you would say it");
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
    return { sessionId, editor };
  }

  test("a session started, answered and rated from the keyboard resumes after a reload at the same question, text and timer", async () => {
    const sessionId = await startFromKeyboard(page, 2);
    const question = await page.locator("#practice-question").textContent();
    expect(await timerSeconds(page)).toBe(0);
    // Reading the question before starting is free: the timer starts with the answer.
    await page.waitForTimeout(2000);
    expect(await timerSeconds(page)).toBe(0);
    await page.keyboard.press("s");
    const editor = page.getByLabel("Your answer, as you would say it");
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await timerSeconds(page)).toBeLessThanOrEqual(1);
    await page.keyboard.type(FIRST);
    await expect.poll(() => page.getByTestId("save-state").textContent()).toBe("Saved");
    await page.keyboard.type(SECOND);
    // No waiting for "Saved": a reload within a second of the last keystroke keeps it.
    await page.waitForTimeout(900);
    const before = await timerSeconds(page);
    expect(before).toBeGreaterThanOrEqual(1);
    await picture(page, "practice-answer-light");

    await page.reload();
    await page.locator("#practice-question").waitFor();
    expect(await page.locator("#practice-question").textContent()).toBe(question);
    expect(await editor.inputValue()).toBe(FIRST + SECOND);
    expect(await timerSeconds(page)).toBeGreaterThanOrEqual(before);
    const saved = (await (await fetch(`${server.url}/api/practice/sessions/${sessionId}`)).json()) as {
      session: { current: { attempt: { text: string } } };
    };
    expect(saved.session.current.attempt.text).toBe(FIRST + SECOND);

    await editor.focus();
    await page.keyboard.press("End");
    await page.keyboard.type(THIRD);
    await page.keyboard.press("Control+Enter");
    await page.getByRole("heading", { name: "How your answer reads" }).waitFor();
    // The lens runs in a worker that loads the English model first: allow it time on a slow machine.
    await page.locator(".lens-score .score-value").first().waitFor({ timeout: 30_000 });
    await expect(page.getByRole("region", { name: "What you said" }).textContent()).resolves.toContain(THIRD);
    // A typed answer names the time it took to type and how long it would take to say: two
    // figures, never one "of the budget" verdict for both. (Playwright types faster than a person,
    // so its answer may read as pasted.)
    expect(await page.getByTestId("typed-timing").textContent()).toMatch(
      /^(typed in|pasted ·) \d+ (min|s)[\d a-z]*( on the question)? · said aloud ≈ \d+ (min|s)[\d a-z]* of \d+ (min|s)[\d a-z]*$/,
    );
    // The prepared answer, hidden while answering unless peeked, sits beside the attempt now.
    expect(await page.getByRole("region", { name: "Prepared answer" }).textContent()).not.toContain(
      "No prepared answer",
    );

    const followUp = page.getByRole("button", { name: "Answer the follow-up" });
    if (await followUp.isVisible()) {
      await followUp.click();
      await page.getByText("· follow-up").waitFor();
      // A follow-up's budget is shorter than its question's.
      expect(await page.locator(".practice-meta .chip-time").textContent()).toMatch(/Budget (\d+ s|45 s)/);
      await page.keyboard.type("We alerted on the export's row count and paged the owner.");
      await page.keyboard.press("Control+Enter");
      await page.getByRole("heading", { name: "How your follow-up reads" }).waitFor();
    }
    await page.getByRole("heading", { name: /How well did you know/ }).waitFor();
    await page.keyboard.press("3");
    // The second question of the session, ready to start.
    await page.getByRole("button", { name: /Start answering/ }).waitFor();
    expect(await page.locator("#practice-question").textContent()).not.toBe(question);
    const report = (await (
      await fetch(`${server.url}/api/practice/sessions/${sessionId}/report`)
    ).json()) as {
      report: { steps: Array<{ question: string; rating?: string; usedSeconds?: number }> };
    };
    expect(report.report.steps[0]).toMatchObject({ question, rating: "good" });
  }, 180_000);

  test("the timer is announced each minute and at 30 s left, not every second", async () => {
    const clockContext = await newContext(browser, server.url);
    await clockContext.clock.install();
    const clockPage = await clockContext.newPage();
    try {
      await startFromKeyboard(clockPage, 1);
      await clockPage.keyboard.press("s");
      await clockPage.getByLabel("Your answer, as you would say it").waitFor();
      const live = clockPage.getByTestId("timer-announcement");
      expect(await live.getAttribute("aria-live")).toBe("polite");
      const budget = await clockPage.locator(".practice-clock + .muted").textContent();
      const [bm, bs] = (budget ?? "").replace("/", "").trim().split(":").map(Number);
      const budgetSeconds = (bm ?? 0) * 60 + (bs ?? 0);
      await clockPage.clock.runFor(20_000);
      expect(await live.textContent()).toBe("");
      await clockPage.clock.runFor(41_000);
      // At one minute: "1 min used, 1 min left." (or "30 seconds left." when the budget is 90 s).
      const atMinute = budgetSeconds === 90 ? "30 seconds left." : /^1 min used, .* left\.$/;
      await expect.poll(() => live.textContent()).toMatch(atMinute);
      const said = await live.textContent();
      await clockPage.clock.runFor(5_000);
      expect(await live.textContent()).toBe(said);
      if (budgetSeconds > 90) {
        await clockPage.clock.runFor((budgetSeconds - 30 - 66) * 1000 + 500);
        await expect.poll(() => live.textContent()).toBe("30 seconds left.");
        await clockPage.clock.runFor(30_000);
      } else {
        await clockPage.clock.runFor((budgetSeconds - 66) * 1000 + 500);
      }
      await expect.poll(() => live.textContent()).toMatch(/^Time is up/);
      await expect
        .poll(() => clockPage.getByTestId("practice-timer").getAttribute("class"))
        .toContain("is-over");
    } finally {
      await clockContext.close();
    }
  });

  test("the setup form starts on the role the imported document targets, and a role the user picks stays", async () => {
    await page.goto("/#/practice");
    const role = page.getByLabel("Role", { exact: true });
    // The seed names its target role (an ML engineer post): the form starts there, not on "Not set".
    await expect.poll(() => role.inputValue(), { timeout: 15_000 }).toBe("ml-engineer");
    await role.selectOption("");
    // Whatever the page still had on its way (a refetch of the documents) has landed: the choice stays.
    await settle(page);
    expect(await role.inputValue()).toBe("");
  });

  test("the library's Practice button starts a one-question session on that question", async () => {
    await page.close();
    page = await context.newPage();
    await page.goto("/#/library");
    await page
      .getByRole("link", { name: /Tell me about yourself/i })
      .first()
      .click();
    const question = await page.locator("#answer-question").textContent();
    await page.getByRole("button", { name: "Practise this question" }).click();
    await page.waitForURL(/#\/practice\/[^/]+$/);
    expect(await page.locator("#practice-question").textContent()).toBe(question);
    expect(await page.locator(".practice-progress li").count()).toBe(1);
    await page.setViewportSize({ width: 390, height: 844 });
    await picture(page, "practice-one-question-390");
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  test("after a reload the words typed next follow the saved answer, not precede it", async () => {
    const { editor } = await answerOneInNewTab();
    await page.keyboard.type(FIRST);
    await expect.poll(() => page.getByTestId("save-state").textContent()).toBe("Saved");

    await page.reload();
    await page.locator("#practice-question").waitFor();
    expect(await editor.inputValue()).toBe(FIRST);
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
    // The candidate goes on talking without reaching for the mouse.
    await page.keyboard.type(SECOND);
    expect(await editor.inputValue()).toBe(FIRST + SECOND);
  }, 120_000);

  test("an empty answer skips the question: the button says so, no attempt is kept, the report marks it", async () => {
    const { sessionId, editor } = await answerOneInNewTab();
    await page.getByRole("button", { name: /Skip this question/ }).waitFor();
    await page.keyboard.press("Control+Enter");
    await page.getByText("Skipped.").waitFor();
    const { report } = (await (
      await fetch(`${server.url}/api/practice/sessions/${sessionId}/report`)
    ).json()) as { report: { status: string; answered: number; steps: Array<{ skipped: boolean }> } };
    expect(report).toMatchObject({ status: "finished", answered: 0 });
    expect(report.steps[0]?.skipped).toBe(true);
    const { session } = (await (await fetch(`${server.url}/api/practice/sessions/${sessionId}`)).json()) as {
      session: { steps: Array<{ attempt?: unknown }> };
    };
    expect(session.steps[0]?.attempt).toBeUndefined();
  }, 120_000);

  test("a tab closed after the last answer, before its rating: the session waits under Pick up where you left off", async () => {
    const { sessionId, editor } = await answerOneInNewTab();
    await page.keyboard.type(
      "I led the migration of our training jobs to a queue and cut failures from eight a month to one.",
    );
    await page.keyboard.press("Control+Enter");
    const follow = page.getByRole("button", { name: "Answer the follow-up" });
    const rating = page.getByText(/How well did you know/);
    await Promise.race([follow.waitFor(), rating.waitFor()]);
    if (await follow.isVisible()) {
      await follow.click();
      await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type("I measured the failure rate before and after, weekly.");
      await page.keyboard.press("Control+Enter");
      await rating.waitFor();
    }
    // Closed before rating. Before: the session was finished and nowhere to be found.
    await page.close();
    page = await context.newPage();
    await page.goto("/#/practice");
    const row = page.locator(".practice-resume li", { hasText: "next: your rating" });
    await row.waitFor();
    await row.getByRole("link", { name: "Resume" }).click();
    await page.getByText(/How well did you know/).waitFor();
    await page.keyboard.press("3");
    await page.getByRole("heading", { name: "Session report" }).waitFor();
    const { session } = (await (await fetch(`${server.url}/api/practice/sessions/${sessionId}`)).json()) as {
      session: { status: string };
    };
    expect(session.status).toBe("finished");
  }, 120_000);

  test("every practice screen passes axe (serious, critical) and fits 390 px, in both themes", async () => {
    const post = async (path: string, body: unknown) =>
      (await (
        await fetch(`${server.url}${path}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        })
      ).json()) as { session: { id: string; current?: { id: string } } };
    const answering = (await post("/api/practice/sessions", { from: { kind: "due" }, count: 1 })).session;
    await post(`/api/practice/sessions/${answering.id}/begin`, {});
    const reviewed = (await post("/api/practice/sessions", { from: { kind: "gaps" }, count: 1 })).session;
    const submitted = await post(`/api/practice/sessions/${reviewed.id}/submit`, {
      text: FIRST + SECOND + THIRD,
    });
    const screens: Array<[string, string]> = [
      ["setup", "/#/practice"],
      ["answer", `/#/practice/${answering.id}`],
      [submitted.session.current ? "review" : "rate", `/#/practice/${reviewed.id}`],
      ["start-what-next", "/#/"],
    ];
    const found: string[] = [];
    for (const theme of ["light", "dark"] as Theme[]) {
      const themed = await newContext(browser, server.url, { theme, width: 390, height: 844 });
      const small = await themed.newPage();
      for (const [name, path] of screens) {
        await small.goto(path);
        await small.locator("h1, h2").first().waitFor();
        await small
          .locator(name === "start-what-next" ? "[data-testid=what-next]" : "main h1, main h2")
          .first()
          .waitFor();
        if (name === "review" || name === "rate")
          await small.locator(".lens-score").first().waitFor({ timeout: 30_000 });
        const results = await new AxeBuilder({ page: small })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
          .analyze();
        for (const v of results.violations)
          if (v.impact === "serious" || v.impact === "critical")
            found.push(
              `${name} ${theme}: ${v.id} ${v.nodes
                .slice(0, 2)
                .map((n) => n.target.join(" "))
                .join(", ")}`,
            );
        const { scrollWidth, clientWidth } = await small.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        if (scrollWidth > clientWidth)
          found.push(`${name} ${theme}: ${scrollWidth}px wide at ${clientWidth}px`);
        await picture(small, `practice-${name}-${theme}-390`);
      }
      await themed.close();
    }
    expect(found).toEqual([]);
  }, 240_000);

  test("the start page leads to what next, each entry one click from the page that fixes it", async () => {
    await page.goto("/#/");
    const list = page.getByTestId("what-next");
    await list.waitFor();
    const edit = list.getByRole("link", { name: "Edit the answer" }).first();
    await edit.waitFor();
    await picture(page, "what-next-light");
    await edit.click();
    await page.waitForURL(/#\/edit\//);
    await page.goto("/#/");
    await list.getByRole("link", { name: "Prepare the follow-up" }).first().click();
    await page.waitForURL(/#\/followups\//);
  });
});

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

/** `derisk serve` as its own process, so the test can kill it with SIGKILL. */
async function serveProcess(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(repoRoot, "bin/derisk.js"), "serve", "--port", String(port)], {
    env: { ...process.env, DERISK_DATA_DIR: dataDir, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`derisk serve did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("derisk is running at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`derisk serve exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners("exit");
  return child;
}

describe.runIf(launched.browser !== null)("practice survives a killed server", () => {
  const browser = launched.browser as Browser;
  let dataDir: string;
  let port: number;
  let child: ChildProcess | undefined;
  let context: BrowserContext;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "derisk-e2e-kill-"));
    port = await freePort();
    child = await serveProcess(dataDir, port);
    await importSeed(`http://127.0.0.1:${port}`);
    context = await newContext(browser, `http://127.0.0.1:${port}`, { theme: "dark" });
  });

  afterAll(async () => {
    await context?.close();
    child?.kill("SIGKILL");
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("kill -9 mid-answer, text typed while it is down, restart: the answer is whole on the server and the session resumes", async () => {
    const page = await context.newPage();
    const url = `http://127.0.0.1:${port}`;
    const sessionId = await startFromKeyboard(page, 1);
    const question = await page.locator("#practice-question").textContent();
    await page.keyboard.press("s");
    await page.getByLabel("Your answer, as you would say it").waitFor();
    await page.keyboard.type(FIRST);
    // Mid-answer: the first words are on the server and the clock has run a second (it was a fixed second).
    await expect.poll(() => page.getByTestId("save-state").textContent(), { timeout: 10_000 }).toBe("Saved");
    await expect.poll(() => timerSeconds(page)).toBeGreaterThanOrEqual(1);
    const before = await timerSeconds(page);

    child?.kill("SIGKILL");
    await new Promise((resolve) => child?.once("exit", resolve));
    await page.keyboard.type(SECOND);
    await expect
      .poll(() => page.getByTestId("save-state").textContent(), { timeout: 10_000 })
      .toMatch(/Not saved on the server yet: Can't reach the derisk server/);
    await picture(page, "practice-offline-dark");

    child = await serveProcess(dataDir, port);
    // The page saves what it kept as soon as the server is back.
    await expect.poll(() => page.getByTestId("save-state").textContent(), { timeout: 15_000 }).toBe("Saved");
    const saved = (await (await fetch(`${url}/api/practice/sessions/${sessionId}`)).json()) as {
      session: { current: { questionText: string; attempt: { text: string }; elapsedMs: number } };
    };
    expect(saved.session.current.questionText).toBe(question);
    expect(saved.session.current.attempt.text).toBe(FIRST + SECOND);

    await page.reload();
    await page.locator("#practice-question").waitFor();
    expect(await page.locator("#practice-question").textContent()).toBe(question);
    expect(await page.getByLabel("Your answer, as you would say it").inputValue()).toBe(FIRST + SECOND);
    expect(await timerSeconds(page)).toBeGreaterThanOrEqual(before);
  });
});
