import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The analyzer runs unchanged in the browser and must give the same output for the same input:
// no Node built-ins, no clock, no randomness, no logging in shipped code.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "testing" ? [] : sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("analysis purity", () => {
  const files = sources(import.meta.dirname);

  it("finds the analyzer's sources", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [f.slice(import.meta.dirname.length + 1), f]))("%s is pure", (_name, file) => {
    const code = readFileSync(file, "utf8");
    expect(code).not.toMatch(/from ["']node:|require\(["']node:|from ["'](fs|path|os|child_process)["']/);
    expect(code).not.toMatch(/\bDate\.now\b|\bnew Date\(|\bMath\.random\b|\bconsole\./);
  });
});
