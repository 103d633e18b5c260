import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

describe("npx tsx scripts/lens-bullets.ts (the committed model)", () => {
  it("reads every line of a notes answer as one sentence, and counts the lines that open on no subject", () => {
    const out = join(mkdtempSync(join(tmpdir(), "derisk-bullets-")), "bullets.json");
    const r = spawnSync("npx", ["tsx", "scripts/lens-bullets.ts", "--json", out], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    const { report } = JSON.parse(readFileSync(out, "utf8")) as {
      report: {
        registers: { blind: Record<string, { bullets: number }> };
        lineReport: Record<string, { lines: number; units: number; subjects: Record<string, number> }>;
        probe: { answers: number };
      };
    };
    const notes = Object.values(report.registers.blind).reduce((n, w) => n + w.bullets, 0);
    expect(report.probe.answers).toBe(notes);
    for (const st of [report.lineReport.trainBullets, report.lineReport.validationBullets]) {
      expect(st?.units).toBe(st?.lines);
      expect(st?.subjects["subj:none"]).toBeGreaterThan(0);
    }
  }, 120_000);
});
