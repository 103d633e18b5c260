/**
 * health-during-import: how long the real server (`derisk serve`, its own process, on a new data
 * dir) takes to answer /api/health while it imports, against the same requests while it idles,
 * measured in the same run. Moved here from latency bounds in tests, which a loaded machine could
 * tip over: test/e2e/health-during-import.test.ts (p95 under 100 ms during a ~1 MB import) and
 * src/server/hostile-input.test.ts (each answer under 1 s during a hostile import); the tests
 * still import the same documents and check that every health request is answered.
 *
 * - `p95_ms` (and p50, max): /api/health sampled every 10 ms while a ~1 MB document (the sample's
 *   questions and answers 120 times, some 3,800 items) is imported, as the e2e spec does;
 *   `baseline`: the same sampling for as many requests while the server idles; `ratio` = p95 over
 *   the idle p95. Parsing runs in a worker: the ratio stays small unless something on the way
 *   (reading the body, saving the items) holds the event loop.
 * - `hostile`: one /api/health request sent right after each dry-run import of five inputs that
 *   once were quadratic or crashed (deep nesting, delimiter runs, reference links), as the unit
 *   test sends it; `max_ms` over the five and its `ratio` to the idle p95.
 *
 * A report (run once, asynchronous) in `npm run bench` once `npm run build` has built the web app
 * the server serves (skipped, with a line saying so, before); alone: `npm run bench -- --filter
 * health`. Starting the server on a new data dir takes some seconds (PGlite's initdb).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServerProcess } from "../test/e2e/server-process.ts";
import type { Report } from "./run.ts";

const sample = readFileSync(fileURLToPath(new URL("../samples/sample-prep.md", import.meta.url)), "utf8");
const body = sample.slice(sample.indexOf("\n## "));
/** The e2e spec's document: the sample's questions and answers again and again, under one title: ~1 MB. */
const large = `# A long prep document\n${Array.from({ length: 120 }, (_, i) => body.replaceAll("### Q", `### Part ${i + 1} Q`)).join("\n")}`;
/** The unit test's hostile inputs. */
const hostile = [
  `${"> - ".repeat(5000)}x`,
  ">".repeat(50000),
  `${"* ".repeat(50000)}x`,
  `${"*_".repeat(20000)}x`,
  `[a]: /u\n\n${"[a]".repeat(30000)}`,
];

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
const round = (ms: number): number => Math.round(ms * 10) / 10;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One /api/health request, answered 200 and read, in ms. */
async function health(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/api/health`);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`/api/health answered ${res.status}`);
  return performance.now() - started;
}

const summary = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    median_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    max_ms: round(sorted.at(-1) ?? Number.NaN),
  };
};

async function healthDuringImport(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), "derisk-bench-health-"));
  const server = await startServerProcess(dataDir);
  try {
    await health(server.url); // the first request compiles the handlers
    // Hostile inputs first (dry runs: the bank stays empty), one health request each.
    const hostileMs: number[] = [];
    for (const text of hostile) {
      const importing = fetch(`${server.url}/api/import`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, dryRun: true }),
      });
      hostileMs.push(await health(server.url));
      const res = await importing;
      await res.arrayBuffer();
      if (res.status !== 200 && res.status !== 413)
        throw new Error(`a hostile import answered ${res.status}`);
    }

    let done = false;
    const startedImport = performance.now();
    const importing = fetch(`${server.url}/api/import?filename=long.md`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: new Uint8Array(Buffer.from(large)),
    }).then(async (res) => {
      await res.arrayBuffer();
      done = true;
      return { status: res.status, ms: performance.now() - startedImport };
    });
    const during: number[] = [];
    while (!done) {
      const ms = await health(server.url);
      if (!done) during.push(ms);
      await pause(10);
    }
    const imported = await importing;

    // The baseline: as many requests, sampled the same way, while the server idles.
    const idle: number[] = [];
    for (let i = 0; i < Math.max(during.length, 50); i++) {
      idle.push(await health(server.url));
      await pause(10);
    }
    const duringSummary = summary(during);
    const idleSummary = summary(idle);
    const hostileMax = Math.max(...hostileMs);
    return {
      name: "health-during-import",
      documentBytes: Buffer.byteLength(large),
      importStatus: imported.status,
      import_ms: Math.round(imported.ms),
      ...duringSummary,
      baseline: { name: "health-idle", ...idleSummary },
      ratio: Math.round((duringSummary.p95_ms / Math.max(idleSummary.p95_ms, 0.1)) * 100) / 100,
      hostile: {
        health_ms: hostileMs.map(round),
        max_ms: round(hostileMax),
        ratio: Math.round((hostileMax / Math.max(idleSummary.p95_ms, 0.1)) * 100) / 100,
      },
    };
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `derisk serve` serves the built web app: without it the report is skipped, as cli.bench's entries are. */
const built = existsSync(fileURLToPath(new URL("../web/dist/index.html", import.meta.url)));

export const reports: Report[] = built ? [{ name: "health-during-import", run: healthDuringImport }] : [];

if (!built) {
  process.stderr.write(
    "health.bench: the web app is not built (npm run build), so the health-during-import report is skipped\n",
  );
}
