/**
 * Answering out loud in a real Chromium against the real server. The microphone is Chromium's
 * fake capture device playing a WAV this test writes: tone bursts with known silences between
 * them, so the delivery figures the page measures have known answers. A second browser with no
 * microphone permission shows the refusal and the typed answer still working.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext } from "./browser.ts";
import { importSeed, screenshot, startPractice, startTestServer, type TestServer } from "./harness.ts";

const RATE = 48_000;
/** Seconds of silence and tone: first word at 1.0 s; gaps of 2.0 s (a pause) and 0.5 s (not one). */
const PATTERN: Array<["silence" | "tone", number]> = [
  ["silence", 1.0],
  ["tone", 2.0],
  ["silence", 2.0],
  ["tone", 2.0],
  ["silence", 0.5],
  ["tone", 2.0],
  ["silence", 6.0],
];

/** A 16-bit mono WAV of 440 Hz bursts at half scale and digital silence. */
function writeWav(path: string): void {
  const samples = PATTERN.flatMap(([kind, seconds]) =>
    Array.from({ length: Math.round(seconds * RATE) }, (_, i) =>
      kind === "tone" ? Math.round(0.5 * 32767 * Math.sin((2 * Math.PI * 440 * i) / RATE)) : 0,
    ),
  );
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => {
    data.writeInt16LE(s, i * 2);
  });
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([header, data]));
}

const dir = mkdtempSync(join(tmpdir(), "derisk-spoken-"));
const wav = join(dir, "bursts.wav");
writeWav(wav);
const launched = await launchBrowser({
  args: [
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    `--use-file-for-fake-audio-capture=${wav}%noloop`,
    "--autoplay-policy=no-user-gesture-required",
  ],
});

const TRANSCRIPT =
  "so at my last job the nightly training pipeline failed twice a week i traced it to a race in the feature export and rewrote it as an idempotent step failures fell from eight a month to zero";

async function picture(page: Page, name: string): Promise<void> {
  await screenshot(page, name).catch((error: unknown) =>
    process.stdout.write(`[spoken e2e] no screenshot ${name}: ${String(error).split("\n")[0]}\n`),
  );
}

/** Serious and critical WCAG 2.1 AA violations on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function openFirstQuestion(page: Page): Promise<string> {
  const sessionId = await startPractice(page, 1);
  await page.getByRole("button", { name: /Answer out loud/ }).waitFor();
  return sessionId;
}

describe.runIf(launched.browser !== null)("answering out loud in the browser", () => {
  const browser = launched.browser as Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await importSeed(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("records an answer, stops, takes a typed transcript and shows the measured delivery beside the lens", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const sessionId = await openFirstQuestion(page);
    // Default: the recording is not kept.
    expect(await page.getByLabel("Keep the recording on this machine").isChecked()).toBe(false);
    await page.getByLabel("Keep the recording on this machine").check();
    await page.locator("#practice-question").click();
    await page.keyboard.press("r");
    await page.getByRole("button", { name: /Stop/ }).waitFor();
    // The level meter moves with the tone bursts.
    await expect
      .poll(
        () =>
          page
            .getByTestId("level-meter")
            .locator("span")
            .evaluate((el) => el.style.width),
        {
          timeout: 5000,
        },
      )
      .not.toBe("0%");
    // Autosave while recording (every 2 s): the figures so far reach the server before the stop.
    const midway = async () =>
      (
        (await (await fetch(`${server.url}/api/practice/sessions/${sessionId}`)).json()) as {
          session: { current: { attempt?: { mode: string; delivery?: { recordedMs: number } } } };
        }
      ).session.current.attempt;
    await expect
      .poll(async () => (await midway())?.delivery?.recordedMs ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(1000);
    expect((await midway())?.mode).toBe("spoken");
    await picture(page, "spoken-recording");

    // Recorded past the last burst and into the closing silence (the page's own clock; it was two
    // fixed sleeps of 3.5 s and 7 s after the meter first moved).
    const seconds = async () => {
      const [minutes, rest] = ((await page.getByRole("timer", { name: /^Recording:/ }).textContent()) ?? "")
        .replace(/^Recording /, "")
        .split(" / ")[0]
        ?.split(":")
        .map(Number) ?? [0, 0];
      return (minutes ?? 0) * 60 + (rest ?? 0);
    };
    await expect.poll(seconds, { timeout: 30_000 }).toBeGreaterThanOrEqual(12);
    await page.keyboard.press("r");
    const figures = page.getByRole("region", { name: "Delivery, measured from the audio" });
    await figures.waitFor();
    const said = (await figures.textContent()) ?? "";
    expect(said).toMatch(/1 pause over 1\.5 s, of (1\.[89]|2\.[0-2]) s\./);
    expect(said).toMatch(/First word after (0\.[89]|1\.[0-5]) s\./);
    await page.getByRole("button", { name: "Delete the recording" }).waitFor();
    expect(await page.getByTestId("transcription-note").textContent()).toContain(
      "no offline speech recogniser on this machine",
    );
    await picture(page, "spoken-stopped");
    expect(await axeProblems(page)).toEqual([]);

    const stored = (await (await fetch(`${server.url}/api/practice/sessions/${sessionId}`)).json()) as {
      session: {
        current: {
          attempt: {
            id: string;
            hasRecording: boolean;
            delivery: { pauses: number; longestPauseMs: number; firstWordMs: number; speakingMs: number };
          };
        };
      };
    };
    const { delivery } = stored.session.current.attempt;
    expect(delivery.pauses).toBe(1);
    expect(Math.abs(delivery.longestPauseMs - 2000)).toBeLessThanOrEqual(200);
    expect(Math.abs(delivery.speakingMs - 6000)).toBeLessThanOrEqual(400);
    expect(stored.session.current.attempt.hasRecording).toBe(true);
    const audio = await fetch(
      `${server.url}/api/practice/attempts/${stored.session.current.attempt.id}/recording`,
    );
    expect(audio.headers.get("content-type")).toMatch(/^audio\//);
    expect((await audio.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    await page.getByLabel("Transcript or a short summary of what you said").fill(TRANSCRIPT);
    await page.keyboard.press("Control+Enter");
    await page.getByRole("heading", { name: "How your answer reads" }).waitFor();
    await page.locator(".lens-score .score-value").first().waitFor({ timeout: 30_000 });
    expect(await page.getByRole("region", { name: "What you said" }).textContent()).toContain("idempotent");
    expect(
      await page.getByRole("region", { name: "Delivery, measured from the audio" }).textContent(),
    ).toMatch(/You spoke for \d/);
    await page.locator("audio").first().waitFor();
    await picture(page, "spoken-results");
    expect(await axeProblems(page)).toEqual([]);
    await context.close();
    // Eleven seconds of recording, then the lens's English model on a machine that may be busy.
  }, 180_000);

  test("a refused microphone says so, and the typed answer still works", async () => {
    const denied = await launchBrowser();
    if (denied.browser === null) return;
    try {
      const context = await newContext(denied.browser, server.url);
      const page = await context.newPage();
      await openFirstQuestion(page);
      await page.getByRole("button", { name: /Answer out loud/ }).click();
      const refused = page.getByTestId("microphone-refused");
      await refused.waitFor({ timeout: 15_000 });
      expect(await refused.textContent()).toMatch(/microphone/i);
      await picture(page, "spoken-refused");
      await page.getByRole("button", { name: /Start answering/ }).click();
      await page.getByLabel("Your answer, as you would say it").fill(TRANSCRIPT);
      await page.keyboard.press("Control+Enter");
      await page.getByRole("heading", { name: "How your answer reads" }).waitFor();
      await context.close();
    } finally {
      await denied.browser.close();
    }
  }, 120_000);
});
