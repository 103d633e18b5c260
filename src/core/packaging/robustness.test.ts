import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DeriskError } from "../errors.ts";
import { detectConcerns } from "./concerns.ts";
import { predictFollowUps } from "./follow-ups.ts";
import { reangle } from "./reangle.ts";
import { extractRequirements } from "./tailor.ts";

// Text built from the pieces the patterns look for, so the properties reach the regexes.
const piece = fc.constantFrom(
  "I",
  "we",
  "PhD",
  "in",
  "applied",
  "math",
  "EKS",
  "Istio",
  "Helm",
  ",",
  ", ",
  ".",
  "\n",
  "- ",
  "## ",
  "**",
  "at",
  "Acme",
  "Corp",
  "personal",
  "projects",
  "laid off",
  "3+ years",
  "Python",
  "<Button>",
  "Apply now",
  "</Button>",
  "---",
  "[x](http://y)",
  "significantly",
  "improved",
  " ",
  "é",
  "数据",
  "🙂",
  "fine-tuned",
  "model",
);
const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.array(piece, { maxLength: 80 }).map((p) => p.join(" ")),
);

describe("packaging never throws on odd input, and is deterministic", () => {
  it("predictFollowUps, detectConcerns, reangle", () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(predictFollowUps(input, { role: "ml-engineer" })).toEqual(
          predictFollowUps(input, { role: "ml-engineer" }),
        );
        detectConcerns(input, { role: "ml-engineer" });
        if (input.trim() !== "") {
          const out = reangle(input, { toRole: "ml-engineer" });
          expect(out.diff.filter((d) => d.to !== undefined)).toHaveLength(out.sentences.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("extractRequirements throws only DeriskError, and quotes match offsets", () => {
    fc.assert(
      fc.property(text, (input) => {
        try {
          for (const r of extractRequirements(input).requirements)
            expect(input.slice(r.start, r.end)).toBe(r.quote);
        } catch (error) {
          expect(error).toBeInstanceOf(DeriskError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reads long, list-like input whole", () => {
    // That the cost grows linearly with such a list is measured by bench/packaging-bounded.bench.ts
    // (list-like-12k-items), not timed here.
    const list = `${"EKS, Istio, Helm, ".repeat(4000)}and FluxCD`;
    expect(() => reangle(list, { toRole: "ml-engineer" })).not.toThrow();
    expect(() => detectConcerns(list, { role: "ml-engineer" })).not.toThrow();
    expect(() => predictFollowUps(list)).not.toThrow();
    const { requirements } = extractRequirements(`## Requirements\n- ${list}`);
    expect(requirements.length).toBeGreaterThan(0);
  });
});
