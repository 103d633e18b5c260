/**
 * CLI cold start: `derisk analyze` of a short answer in a new process, against `node -e 0`
 * in the same run. Runs the compiled CLI (dist/), as an installed derisk does; build first.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Benchmark } from "./run.ts";

const bin = fileURLToPath(new URL("../bin/derisk.js", import.meta.url));
const compiled = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const answer =
  "I traced the flaky deploys to a race in the migration step, added a lock, and failures fell from 6 a month to 0.";

function runNode(args: string[], input = ""): void {
  const result = spawnSync(process.execPath, args, { input, env: { ...process.env, NO_COLOR: "1" } });
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
}

export const benchmarks: Benchmark[] = existsSync(compiled)
  ? [
      {
        name: "cli-analyze-cold-start",
        run: () => runNode([bin, "analyze", "-", "--question", "Tell me about a problem you solved"], answer),
        baseline: () => runNode(["-e", "0"]),
        baselineName: "node -e 0",
      },
      {
        name: "cli-help-cold-start",
        run: () => runNode([bin, "--help"]),
        baseline: () => runNode(["-e", "0"]),
        baselineName: "node -e 0",
      },
    ]
  : [];

if (benchmarks.length === 0) {
  process.stderr.write(
    "cli.bench: dist/ is not built (npm run build), so the CLI cold-start entries are skipped\n",
  );
}
