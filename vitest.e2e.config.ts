import { defineConfig } from "vitest/config";

// End-to-end: the built app served by the real server, driven in a real Chromium.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: "forks",
  },
});
