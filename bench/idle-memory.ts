/**
 * Where the server's memory goes at idle, on first start (new data dir) and on reopen, against a
 * bare PGlite open (default settings) in the same run. Each scenario runs in its own plain node
 * child process (memory only grows within a process) and reports once it has been idle for two
 * seconds (RSS as a server would sit) and again after a forced full GC: RSS, its high-water mark
 * (VmHWM), V8 heap, external memory (mostly PGlite's WebAssembly memory) and array buffers, in
 * MB, and the time to ready. "before" is the
 * server initialising a new data dir in its own process (the former default).
 *
 * Usage: `npm run build && npx tsx bench/idle-memory.ts` (one JSON object; not part of
 * `npm run bench`, whose entries are synchronous micro-benchmarks).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

type Scenario = "bare" | "server-in-process-init" | "server";

interface Sample {
  ready_ms: number;
  /** Resident after two idle seconds, as a server sits (no forced GC). */
  idle_rss: number;
  /** Resident after a forced full GC: what V8 could give back. */
  rss: number;
  hwm: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** Resident after the modules are loaded, before anything is opened. */
  modules_rss: number;
}

const MB = 1024 * 1024;

/** The compiled server, what `derisk serve` runs. */
const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const compiled = join(repoRoot, "dist/server/serve.js");

/**
 * The child: plain node (no loader, which would add its own memory), the compiled server or
 * PGlite itself, idle for two seconds after a forced GC, then one JSON line on stdout.
 */
function childScript(scenario: Scenario, dataDir: string): string {
  const serve = pathToFileURL(compiled).href;
  const open =
    scenario === "bare"
      ? `const { PGlite } = await import("@electric-sql/pglite");
         modulesRss = process.memoryUsage().rss;
         mkdirSync(${JSON.stringify(dataDir)}, { recursive: true });
         const pg = await PGlite.create(${JSON.stringify(join(dataDir, "pglite"))});
         await pg.query("select 1");
         close = () => pg.close();`
      : `const { startServer } = await import(${JSON.stringify(serve)});
         modulesRss = process.memoryUsage().rss;
         const server = await startServer({ port: 0, dataDir: ${JSON.stringify(dataDir)},
           initialise: ${JSON.stringify(scenario === "server" ? "subprocess" : "in-process")} });
         const health = await fetch(server.url + "/api/health");
         if (!health.ok) throw new Error("health answered " + health.status);
         close = () => server.close();`;
  return `
    import { mkdirSync, readFileSync } from "node:fs";
    const mb = (bytes) => Math.round(bytes / ${MB});
    const started = performance.now();
    let close, modulesRss;
    ${open}
    const ready_ms = Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idle_rss = mb(process.memoryUsage().rss);
    gc();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const usage = process.memoryUsage();
    const hwm = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    console.log(JSON.stringify({ ready_ms, idle_rss, rss: mb(usage.rss), hwm: Math.round(Number(hwm?.[1]) / 1024),
      heapUsed: mb(usage.heapUsed), external: mb(usage.external), arrayBuffers: mb(usage.arrayBuffers),
      modules_rss: mb(modulesRss) }));
    await close();
  `;
}

function run(scenario: Scenario, dataDir: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ["--expose-gc", "--input-type=module", "-e", childScript(scenario, dataDir)],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    proc.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    proc.once("error", reject);
    proc.once("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !line.startsWith("{")) reject(new Error(`${scenario} exited ${code}: ${out}`));
      else resolve(JSON.parse(line) as Sample);
    });
  });
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "derisk-idle-memory-"));
  const dir = (name: string) => join(root, name);
  try {
    const results = {
      bare_first: await run("bare", dir("bare")),
      bare_reopen: await run("bare", dir("bare")),
      server_first_in_process_init: await run("server-in-process-init", dir("before")),
      server_reopen_after_in_process_init: await run("server-in-process-init", dir("before")),
      server_first: await run("server", dir("after")),
      server_reopen: await run("server", dir("after")),
    };
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    console.log(
      JSON.stringify(
        {
          unit: "MB",
          ...results,
          ratios: {
            first_start_idle_rss_before_vs_bare_first: ratio(
              results.server_first_in_process_init.idle_rss,
              results.bare_first.idle_rss,
            ),
            first_start_idle_rss_after_vs_bare_first: ratio(
              results.server_first.idle_rss,
              results.bare_first.idle_rss,
            ),
            first_start_idle_rss_after_vs_before: ratio(
              results.server_first.idle_rss,
              results.server_first_in_process_init.idle_rss,
            ),
            first_start_peak_after_vs_before: ratio(
              results.server_first.hwm,
              results.server_first_in_process_init.hwm,
            ),
            reopen_idle_rss_vs_bare_reopen: ratio(
              results.server_reopen.idle_rss,
              results.bare_reopen.idle_rss,
            ),
            first_start_ready_after_vs_before: ratio(
              results.server_first.ready_ms,
              results.server_first_in_process_init.ready_ms,
            ),
          },
        },
        null,
        2,
      ),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (!existsSync(compiled)) {
  console.error(`${compiled} is missing: run npm run build first (this measures the compiled server).`);
  process.exit(2);
}
await main();
