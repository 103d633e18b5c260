#!/usr/bin/env node
// Runs the compiled CLI when `npm run build` has produced it (fast start), else the
// TypeScript sources through tsx (a fresh clone before its first build).
import { existsSync } from "node:fs";

const compiled = new URL("../dist/cli/main.js", import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../src/cli/main.ts", import.meta.url).href);
}
