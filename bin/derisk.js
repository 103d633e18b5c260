#!/usr/bin/env node
// Starts the derisk CLI. It runs the compiled build (fast start) when there is one and,
// in a clone, when it is newer than the sources; otherwise the TypeScript sources through
// tsx. The CLI is started explicitly: npx, `npm i -g` and node_modules/.bin reach this
// file through links, so no check of the launch path can tell that we are the entry.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const compiled = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const sources = fileURLToPath(new URL("../src", import.meta.url));

function newestSource(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return latest;
}

// An installed package ships dist/ without src/; a clone has both and may have a stale build.
const useCompiled =
  existsSync(compiled) && (!existsSync(sources) || statSync(compiled).mtimeMs >= newestSource(sources));
let cli;
if (useCompiled) {
  cli = await import(new URL("../dist/cli/main.js", import.meta.url).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import(new URL("../src/cli/main.ts", import.meta.url).href);
}
await cli.main();
