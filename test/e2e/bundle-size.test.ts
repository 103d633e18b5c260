import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

// The built web app (`npm run build` runs before the e2e suite). Issue 10's budget: the JS a page
// loads before first paint stays ≤ 250 KB gzip; the risk lens's weights load later, in the
// analysis worker. One static import of a module that reaches the weights (a page importing a
// helper that sits beside a function reading the model) puts 1.6 MB gzip in front of first paint.
const dist = join(import.meta.dirname, "..", "..", "web", "dist");
const BUDGET = 250 * 1024;

describe("initial web JS", () => {
  it("is within 250 KB gzip and does not carry the risk-lens weights", () => {
    const html = readFileSync(join(dist, "index.html"), "utf8");
    const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? "");
    expect(initial.length).toBeGreaterThan(0);
    let gzipped = 0;
    for (const file of initial) {
      const code = readFileSync(join(dist, file));
      gzipped += gzipSync(code).length;
      // The boundary model's threshold is a key of the weights JSON only.
      expect(code.toString("utf8").includes("boundaryThreshold"), `${file} carries the lens weights`).toBe(
        false,
      );
    }
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
  });
});
