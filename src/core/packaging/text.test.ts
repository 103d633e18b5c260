import { describe, expect, it } from "vitest";
import { splitSentences } from "./text.ts";

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
