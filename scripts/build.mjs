#!/usr/bin/env node
// Builds what `npm start` and the `derisk` bin run: the server/CLI/core to dist/ (tsc)
// and the web app to web/dist/ (vite).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

function step(label, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) {
    process.stderr.write(`build: ${label} failed (exit ${result.status}); see the messages above.\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`build: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
step("server, CLI and core (tsc)", "npx", ["tsc", "-p", "tsconfig.build.json"]);
step("web app (vite)", "npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"]);
