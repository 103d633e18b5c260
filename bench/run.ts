/**
 * A tiny benchmark harness: imports every `bench/*.bench.ts`, each exporting
 * `benchmarks: Array<{ name, run, baseline, baselineName? }>` (and maybe `reports`, see Report), warms each entry up, then runs
 * `run` and `baseline` interleaved (so both see the same machine state) and prints one JSON
 * line per entry: `{ name, median_ms, p95_ms, baseline: { name, median_ms }, ratio }`.
 *
 * Usage: `npm run bench [-- --json] [-- --filter import] [-- --iterations 50]`
 */
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface Benchmark {
  name: string;
  run: () => void;
  baseline: () => void;
  /** Names the baseline in the output; defaults to `<name>/baseline`. */
  baselineName?: string;
}

/**
 * A report: measured once, asynchronously (a browser prints, a server answers), printed as one
 * JSON line with its own baseline and ratio inside. `bench/*.bench.ts` may export `reports`.
 */
export interface Report {
  name: string;
  run: () => Promise<Record<string, unknown>>;
}

interface Options {
  json: boolean;
  filter?: string;
  iterations?: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { json: argv.includes("--json") };
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const filter = value("--filter");
  if (filter) options.filter = filter;
  const iterations = Number(value("--iterations"));
  if (Number.isFinite(iterations) && iterations > 0) options.iterations = iterations;
  return options;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Warm-up until ~300 ms (at least 3 rounds), then enough interleaved rounds for ~3 s, 10–1000. */
function measure(bench: Benchmark, fixedIterations?: number) {
  let warm = 0;
  const warmStart = performance.now();
  let perRound = 0;
  while (warm < 3 || performance.now() - warmStart < 300) {
    perRound = time(bench.run) + time(bench.baseline);
    warm++;
  }
  const iterations =
    fixedIterations ?? Math.min(1000, Math.max(10, Math.round(3000 / Math.max(perRound, 0.001))));
  const runs: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < iterations; i++) {
    // Alternate the order so neither side always runs on a cache warmed by the other.
    if (i % 2 === 0) {
      runs.push(time(bench.run));
      baselines.push(time(bench.baseline));
    } else {
      baselines.push(time(bench.baseline));
      runs.push(time(bench.run));
    }
  }
  runs.sort((a, b) => a - b);
  baselines.sort((a, b) => a - b);
  const median = percentile(runs, 50);
  const baselineMedian = percentile(baselines, 50);
  return {
    name: bench.name,
    median_ms: round(median),
    p95_ms: round(percentile(runs, 95)),
    baseline: { name: bench.baselineName ?? `${bench.name}/baseline`, median_ms: round(baselineMedian) },
    ratio: Math.round((median / baselineMedian) * 100) / 100,
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dir = fileURLToPath(new URL(".", import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort();
  if (!options.json) {
    process.stdout.write(
      `derisk benchmarks — ${files.length} file(s), node ${process.version}; median/p95 in ms, ratio = median / baseline median\n`,
    );
  }
  for (const file of files) {
    const module = (await import(pathToFileURL(`${dir}${file}`).href)) as {
      benchmarks?: Benchmark[];
      reports?: Report[];
    };
    for (const bench of module.benchmarks ?? []) {
      if (options.filter && !bench.name.includes(options.filter)) continue;
      process.stdout.write(`${JSON.stringify(measure(bench, options.iterations))}\n`);
    }
    for (const report of module.reports ?? []) {
      if (options.filter && !report.name.includes(options.filter)) continue;
      process.stdout.write(`${JSON.stringify(await report.run())}\n`);
    }
  }
}

await main();
