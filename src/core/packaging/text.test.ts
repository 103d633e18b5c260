import { describe, expect, it } from "vitest";
import { answerOf, readSample } from "../../../test/seed.ts";
import { answerText } from "../answer-text.ts";
import { openingWords, sayAsides, splitSentences, subjectlessNote } from "./text.ts";

const texts = (input: string) => splitSentences(input).map((s) => s.text);

describe("splitSentences", () => {
  it("ends a sentence after a unit written after a number ('100 ms.'), as the lens's reader does", () => {
    expect(texts("Latency fell to under 100 ms. I learned to check the data first.")).toEqual([
      "Latency fell to under 100 ms.",
      "I learned to check the data first.",
    ]);
    expect(texts("p99 dropped to 80ms. Nobody was paged again.")).toEqual([
      "p99 dropped to 80ms.",
      "Nobody was paged again.",
    ]);
    expect(texts("We finished 1st. The prize paid for the GPUs.")).toEqual([
      "We finished 1st.",
      "The prize paid for the GPUs.",
    ]);
  });

  it("keeps a title with its name and other abbreviations inside their sentence", () => {
    expect(texts("I reported to Ms. Rivera. She agreed.")).toEqual([
      "I reported to Ms. Rivera.",
      "She agreed.",
    ]);
    expect(texts("Tools, e.g. Airflow and dbt. It held.")).toEqual([
      "Tools, e.g. Airflow and dbt.",
      "It held.",
    ]);
    expect(texts("We compared 3 vs. 4 replicas. It held.")).toEqual([
      "We compared 3 vs. 4 replicas.",
      "It held.",
    ]);
    expect(texts("We cut costs by approx. five percent. It held.")).toHaveLength(2);
  });
});

describe("subjectlessNote: quotes never stop on a word that needs the next", () => {
  it("cuts our sample's 'Added a latency panel and an alert…' before 'and an', not after", () => {
    const answer = answerOf(readSample(), "q5/serving-latency-focus");
    const note = subjectlessNote(
      splitSentences(answerText(answer)).map((s) => s.text),
      "answer",
    );
    expect(note).toContain("“Added a latency panel…”");
    for (const quote of note?.match(/“[^”]+…”/g) ?? []) {
      expect(quote).not.toMatch(/\b(?:a|an|the|and|or|of|to|with|for|in|on)…”$/i);
    }
  });

  it("keeps a short line whole and at least three words of a long one", () => {
    expect(openingWords("Fixed the cache.")).toBe("Fixed the cache.");
    expect(openingWords("Added metrics for inference latency and model load time.")).toBe(
      "Added metrics for inference latency…",
    );
  });
});

describe("sayAsides inside a sentence's own comma list (compose34)", () => {
  it("says the seed's 'Cognito (OAuth2) for authentication' between dashes, never as one more list item", () => {
    // Before: "…with Istio, Cognito, OAuth2, for authentication, Cert Manager for TLS…".
    expect(
      sayAsides(
        "Then, I used AWS CDK to deploy the model to EKS with Istio, Cognito (OAuth2) for authentication, Cert Manager for TLS, and NLB for load balancing.",
      ),
    ).toBe(
      "Then, I used AWS CDK to deploy the model to EKS with Istio, Cognito — OAuth2 — for authentication, Cert Manager for TLS, and NLB for load balancing.",
    );
    // Outside a list, or closing on a comma, an aside still goes between commas.
    expect(sayAsides("I used Airflow (our scheduler) to run it.")).toBe(
      "I used Airflow, our scheduler, to run it.",
    );
    expect(sayAsides("After the fix (a one-line change), latency dropped, and errors stopped.")).toBe(
      "After the fix, a one-line change, latency dropped, and errors stopped.",
    );
  });
});
