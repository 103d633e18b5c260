#!/usr/bin/env node
// `npm start`: build when the sources are newer than the build, then serve the web app
// on the embedded database, localhost only.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const builtAt = Math.min(
  existsSync(join(root, "dist/cli/main.js")) ? statSync(join(root, "dist/cli/main.js")).mtimeMs : 0,
  existsSync(join(root, "web/dist/index.html")) ? statSync(join(root, "web/dist/index.html")).mtimeMs : 0,
);
const sourcesAt = Math.max(newest(join(root, "src")), newest(join(root, "web")));
if (builtAt < sourcesAt) {
  process.stdout.write("derisk: building (first run or changed sources)…\n");
  const built = spawnSync("node", [join(root, "scripts/build.mjs")], { stdio: "inherit", cwd: root });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const served = spawnSync("node", [join(root, "bin/derisk.js"), "serve", ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: root,
});
process.exit(served.status ?? 0);
