#!/usr/bin/env node
// `npm start`: build when the sources are newer than the build, then serve the web app
// on the embedded database, localhost only.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { constants } from "node:os";
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

// The server's messages name the command to type: "npm start -- --port 4179", not "derisk serve…".
const server = spawn(process.execPath, [join(root, "bin/derisk.js"), "serve", ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: root,
  env: { ...process.env, DERISK_STARTED_BY: "npm start" },
});
// Ctrl-C in the terminal reaches the server as well (one process group): it closes the bank and
// exits, and we wait for that, so the prompt comes back only once the bank is free for the CLI.
// A SIGTERM or SIGHUP sent to this process alone is passed on to the server.
process.on("SIGINT", () => {});
for (const signal of ["SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    server.kill(signal);
  });
}
server.on("exit", (code, signal) => {
  if (signal === null) process.exit(code ?? 0);
  if (signal !== "SIGINT" && signal !== "SIGTERM" && signal !== "SIGHUP") {
    process.stderr.write(
      `derisk: the server was stopped by ${signal}. What it had saved is kept; run npm start again to go on.\n`,
    );
  }
  process.exit(128 + (constants.signals[signal] ?? 0));
});
