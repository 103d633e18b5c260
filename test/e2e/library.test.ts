import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `import { analyze, classify } from "derisk"` from another package, against the build.
const root = new URL("../..", import.meta.url).pathname;
let consumer: string;

beforeAll(() => {
  consumer = mkdtempSync(join(tmpdir(), "derisk-consumer-"));
  mkdirSync(join(consumer, "node_modules"));
  symlinkSync(root, join(consumer, "node_modules", "derisk"), "dir");
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({ name: "consumer", type: "module", private: true }),
  );
});
afterAll(() => rmSync(consumer, { recursive: true, force: true }));

describe("derisk as a library", () => {
  it("runs analyze and classify from another package", () => {
    writeFileSync(
      join(consumer, "main.mjs"),
      [
        'import { analyze, classify } from "derisk";',
        'const a = analyze("I found the memory leak in our cache, fixed it and added an alert. Restarts fell from 9 a week to 0.", { question: "Tell me about a bug you fixed" });',
        'console.log(JSON.stringify({ overall: a.labels.overall, result: a.labels.result, competency: classify("Describe a conflict with a coworker").competency }));',
      ].join("\n"),
    );
    const run = spawnSync(process.execPath, ["main.mjs"], { cwd: consumer, encoding: "utf8" });
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout) as { overall: number; result: boolean; competency: string };
    expect(out.result).toBe(true);
    expect(out.overall).toBeGreaterThanOrEqual(1);
    expect(out.competency).toBe("conflict");
  });

  it("ships types a TypeScript consumer can check against", () => {
    writeFileSync(
      join(consumer, "main.ts"),
      [
        'import { analyze, type Analysis } from "derisk";',
        'const a: Analysis = analyze("I shipped it.");',
        "const score: 1 | 2 | 3 | 4 | 5 = a.labels.overall;",
        "// @ts-expect-error labels.overall is not a string",
        "const wrong: string = a.labels.overall;",
        "export { score, wrong };",
      ].join("\n"),
    );
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: "NodeNext",
          moduleResolution: "NodeNext",
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ["main.ts"],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", consumer], {
      encoding: "utf8",
    });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});
