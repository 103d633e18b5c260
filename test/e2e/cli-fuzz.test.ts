import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Hostile files fed to the real CLI binary (bin/derisk.js on the built dist/), the way a user
// or a script would: `derisk import FILE` and `derisk analyze FILE`. Whatever the input, the
// process ends on its own (no hang), exits 0 (accepted) or 2 (bad input, one clear message),
// never 70 ("unexpected failure") and never prints a stack trace; the bank stays readable.
// Each run reports its peak resident memory (./peak-rss.mjs); the highest stays under a bound.
const root = new URL("../..", import.meta.url).pathname;
const bin = join(root, "bin/derisk.js");
const peakReporter = pathToFileURL(join(root, "test/e2e/peak-rss.mjs")).href;
/**
 * Peak resident memory a single CLI run may reach on hostile input: 285 MB measured (an existing
 * bank; a run that initialises a new one peaks near 800 MB, which beforeAll does outside the tally).
 */
const PEAK_RSS_BOUND_MB = 600;
let work: string;
const tally = { inputs: 0, accepted: 0, refused: 0, crashes: 0, hangs: 0, peakRssMb: 0 };

function derisk(args: string[]) {
  const peakFile = join(work, "peak-rss.txt");
  rmSync(peakFile, { force: true });
  const result = spawnSync(process.execPath, ["--import", peakReporter, bin, ...args], {
    cwd: work,
    encoding: "utf8",
    timeout: 60_000,
    env: {
      ...process.env,
      NO_COLOR: "1",
      DERISK_DATA_DIR: join(work, "data"),
      DERISK_PEAK_RSS_FILE: peakFile,
    },
  });
  // One line per exit handler that ran: the main thread's and, when the import's worker thread
  // ended on its own, the worker's too (both read the process's peak): the highest counts.
  const peaks = existsSync(peakFile)
    ? readFileSync(peakFile, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map(Number)
    : [];
  const peakMb = peaks.length === 0 ? 0 : Math.round(Math.max(...peaks) / 1024);
  tally.peakRssMb = Math.max(tally.peakRssMb, peakMb);
  return { ...result, peakMb };
}

/** One input of each hostile kind the reliability probe used, in random sizes and mixes. */
const hostile: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  fc.string({ unit: "binary", maxLength: 2000 }).map((s) => new TextEncoder().encode(s)),
  // NUL, lone surrogates, direction overrides and BOMs, in UTF-8 or in the wrong encoding (UTF-16).
  fc
    .tuple(
      fc.string({ maxLength: 200 }),
      fc.constantFrom("\u0000", "\ud800", "\udfff", "\u202e", "\ufeff"),
      fc.constantFrom<BufferEncoding>("utf8", "utf16le"),
    )
    .map(([s, bad, encoding]) => Buffer.from(`# Q1 ${s}${bad}?\n\n${bad}${s}\n`, encoding)),
  fc.integer({ min: 1, max: 20_000 }).map((n) => Buffer.from(`${"> - ".repeat(n)}x\n`)),
  fc.integer({ min: 1, max: 50_000 }).map((n) => Buffer.from(`${"*_".repeat(n)}x\n\n# ${"[a]".repeat(n)}\n`)),
  // Wide tables: thousands of columns, or a header with a broken delimiter row.
  fc
    .tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 30 }))
    .map(([cols, rows]) =>
      Buffer.from(
        [
          `|${" h |".repeat(cols)}`,
          `|${"---|".repeat(cols)}`,
          ...Array.from({ length: rows }, () => `|${" 9 |".repeat(cols)}`),
        ].join("\n"),
      ),
    ),
  // Bank JSON with huge or negative numbers, wrong types, or cut short.
  fc.tuple(fc.constantFrom(2.5e9, -1, 1e308, Number.MAX_SAFE_INTEGER, 0.5), fc.boolean()).map(([n, cut]) => {
    const bank = JSON.stringify({
      format: "derisk-bank",
      version: 2,
      documents: [
        { id: "d", title: "T", items: [{ kind: "answer", key: "q1", gapAfter: n, gapBefore: n, text: "x" }] },
      ],
    });
    return Buffer.from(cut ? bank.slice(0, bank.length / 2) : bank);
  }),
);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "derisk-cli-fuzz-"));
  chmodSync(work, 0o755);
  // The first run initialises the bank (PGlite's initdb), which is not what is fuzzed here and
  // on a loaded machine can take longer than a run's hang limit: do it before the fuzz.
  const first = spawnSync(process.execPath, [bin, "list", "--json"], {
    cwd: work,
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, NO_COLOR: "1", DERISK_DATA_DIR: join(work, "data") },
  });
  if (first.status !== 0) throw new Error(`initialising the bank failed: ${first.stderr}`);
}, 330_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  console.log(`[cli-fuzz] ${JSON.stringify(tally)}`);
});

function expectClean(result: ReturnType<typeof derisk>, what: string): void {
  tally.inputs++;
  const explained = `${what}: exit ${result.status} signal ${result.signal}\n${result.stderr.slice(0, 600)}`;
  if (result.status === null) tally.hangs++;
  else if (result.status === 70) tally.crashes++;
  else if (result.status === 0) tally.accepted++;
  else tally.refused++;
  expect(result.status, explained).not.toBeNull();
  expect([0, 2], explained).toContain(result.status);
  expect(result.stderr, explained).not.toMatch(/\n\s+at .+[(:]\d+:\d+\)?/);
  if (result.status === 2) expect(result.stderr.trim().length, explained).toBeGreaterThan(0);
  expect(result.peakMb, explained).toBeLessThan(PEAK_RSS_BOUND_MB);
}

describe("the CLI binary on hostile files", () => {
  it("imports or refuses each with exit 0 or 2, never a crash, a stack trace or a hang; the bank stays readable", () => {
    let n = 0;
    fc.assert(
      fc.property(hostile, (bytes) => {
        const file = join(work, `in-${n++}.md`);
        writeFileSync(file, bytes);
        expectClean(derisk(["import", file, "--json"]), `import of ${bytes.length} bytes`);
        expectClean(derisk(["analyze", file]), `analyze of ${bytes.length} bytes`);
      }),
      { numRuns: 16, seed: 20261202, endOnFailure: true },
    );
    const listed = derisk(["list", "--json"]);
    expect(listed.status, listed.stderr).toBe(0);
    expect(Array.isArray((JSON.parse(listed.stdout) as { documents: unknown[] }).documents)).toBe(true);
    expect(listed.peakMb, "the peak memory report is missing").toBeGreaterThan(0);
    expect(tally.peakRssMb).toBeLessThan(PEAK_RSS_BOUND_MB);
  }, 900_000);
});
