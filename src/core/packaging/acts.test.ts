import { describe, expect, it } from "vitest";
import { analyzeText } from "../semantic/index.ts";
import {
  asksForChange,
  changeShown,
  degreeShown,
  doneShown,
  madeShown,
  tellsTrouble,
  troubleShown,
} from "./acts.ts";

const shown = (ask: string, sentence: string) => changeShown(analyzeText(ask), analyzeText(sentence));

describe("asksForChange", () => {
  it("reads an ask to move a measure, not an ask to work with one", () => {
    expect(asksForChange("Reduce p99 latency of the ranking service")).toBe(true);
    expect(asksForChange("Drive down churn in the first month")).toBe(true);
    expect(asksForChange("Experience with low-latency trading systems")).toBe(false);
  });
});

describe("changeShown", () => {
  it("tells the fix from the problem and from a sentence that only watches the measure", () => {
    const ask = "Improve latency of our search API";
    expect(shown(ask, "After we added a cache, latency dropped to a third.")).toBe(1);
    expect(shown(ask, "Latency rose past two seconds whenever the index was rebuilt.")).toBe(-1);
    expect(shown(ask, "I put latency on a Grafana board for the on-call rota.")).toBe(0);
    // "set up" is not latency going up, and a change in another clause is about something else.
    expect(shown(ask, "I set up latency alerts for the on-call rota.")).toBe(0);
    expect(shown(ask, "Latency held steady, while our costs went down by half.")).toBe(0);
  });

  it("knows which measures are better higher and which lower", () => {
    expect(shown("Improve model accuracy", "The classifier's accuracy rose to 94% after relabelling.")).toBe(
      1,
    );
    expect(
      shown("Improve model accuracy", "The model's accuracy fell by six points on the new cohort."),
    ).toBe(-1);
    expect(shown("Reduce customer churn", "Churn dropped from 9% to 6% a month.")).toBe(1);
    expect(shown("Cut cloud costs", "Our cloud costs doubled in a quarter.")).toBe(-1);
  });

  it("reads the final state: the last clause that moves the measure, or a pronoun standing for it", () => {
    // The problem first, the fix last: what the candidate claims is where the measure ended.
    expect(shown("Reduce latency", "Latency rose at first, but after caching we cut it in half.")).toBe(1);
    expect(
      shown(
        "Cut infrastructure costs",
        "Our cloud costs climbed all spring; in June I moved the jobs to spot instances and they fell by a third.",
      ),
    ).toBe(1);
    // The other way round: a gain that did not last.
    expect(
      shown(
        "Improve model accuracy",
        "The model's accuracy rose after the relaunch, but within a month it slipped back to 70%.",
      ),
    ).toBe(-1);
    // A pronoun before the measure is named stands for something else.
    expect(shown("Reduce latency", "It dropped the old cache, and latency rose by 40 ms.")).toBe(-1);
  });

  it("reads the direction from the figures when no change word is said", () => {
    expect(shown("Reduce inference latency", "p95 latency went from 300 ms to 90 ms.")).toBe(1);
    expect(shown("Reduce inference latency", "p95 latency went from 90 ms to 300 ms.")).toBe(-1);
  });

  it("says nothing when the ask asks for no change", () => {
    expect(
      shown("Experience with low-latency systems", "Latency dropped from 300 ms to 90 ms."),
    ).toBeUndefined();
    expect(shown("Improve latency", "I rewrote the onboarding guide.")).toBeUndefined();
  });
});

describe("madeShown", () => {
  it("tells making the thing asked for from working on or around it", () => {
    const made = (ask: string, sentence: string) => madeShown(analyzeText(ask), analyzeText(sentence));
    const ask = "Experience building ETL pipelines";
    expect(made(ask, "I set up the nightly ETL jobs that load orders into the warehouse.")).toBe(true);
    expect(made(ask, "I debugged an ETL job that dropped rows at month end.")).toBe(false);
    // Making something else in the same sentence is not making what was asked.
    expect(made(ask, "The ETL jobs were slow, so I built a dashboard for the analysts.")).toBe(false);
    expect(made("Fluent in SQL", "I wrote the billing queries.")).toBeUndefined();
  });
});

describe("doneShown", () => {
  it("tells doing what the ask opens with from naming it in a noun, and the speaker doing it first", () => {
    const done = (ask: string, sentence: string) => doneShown(analyzeText(ask), analyzeText(sentence));
    const ask = "Deploy and monitor models in production";
    expect(done(ask, "I deployed the pricing model on Cloud Run behind a small API.")).toBe(2);
    expect(done(ask, "Last week we quietly deployed the new ranking model.")).toBe(2);
    expect(done(ask, "While deploying the churn model, I found a schema mismatch.")).toBe(1);
    expect(done(ask, "I added Grafana panels to monitor latency and drift.")).toBe(1);
    expect(done(ask, "My background runs from labelling data to deployment.")).toBe(0);
    // A noun that looks like the verb is not the deed.
    expect(done(ask, "A drift monitor in production pages the on-call engineer.")).toBe(0);
    expect(done("Experience with Python", "I deployed the model.")).toBeUndefined();
  });
});

describe("degreeShown", () => {
  const degree = (ask: string, sentence: string) => degreeShown(analyzeText(ask), analyzeText(sentence));
  const ask = "PhD or MSc in a quantitative field";

  it("tells a stated degree from the field alone and from neither", () => {
    expect(degree(ask, "I have a PhD in applied mathematics from Bristol.")).toBe(2);
    expect(degree(ask, "My MSc in statistics taught me to distrust small samples.")).toBe(2);
    // A résumé line opens with the degree.
    expect(degree(ask, "PhD in physics, then three years of postdoctoral work.")).toBe(2);
    expect(degree(ask, "I have always loved the mathematics behind machine learning.")).toBe(1);
    expect(degree(ask, "I fine-tuned a language model with prompt engineering.")).toBe(0);
  });

  it("accepts the level asked or higher, and reads a lower one as partial", () => {
    expect(degree("Bachelor's degree in a quantitative field", "I hold a doctorate in physics.")).toBe(2);
    expect(degree(ask, "I finished a BSc in mathematics at Leeds.")).toBe(1);
  });

  it("leaves asks without a degree, or that take experience in its place, alone", () => {
    expect(degree("Experience with Spark", "I have a PhD in physics.")).toBeUndefined();
    expect(
      degree("A degree in computer science or equivalent experience", "I built our payment service."),
    ).toBeUndefined();
  });
});

describe("troubleShown", () => {
  const trouble = (ask: string, sentence: string) => troubleShown(analyzeText(ask), analyzeText(sentence));
  it("reads what went wrong, not what the speaker did about it", () => {
    const ask = "Ship recommendation models to production";
    expect(trouble(ask, "After the first release, the click-through figures came out badly off.")).toBe(true);
    expect(trouble(ask, "Our nightly export timed out whenever the catalogue grew.")).toBe(true);
    expect(trouble(ask, "I shipped the ranking model behind a feature flag.")).toBe(false);
    expect(trouble(ask, "I reverted the release and fixed the feature join.")).toBe(false);
  });

  it("reads a refactor in which the mistake was made as no remedy ('during one refactor, I had accidentally dropped rows')", () => {
    const ask = "Experience building data pipelines with data quality checks";
    expect(trouble(ask, "During one refactor, I had accidentally dropped rows with missing values.")).toBe(
      true,
    );
    expect(trouble(ask, "I refactored the pipeline so it no longer dropped rows by mistake.")).toBe(false);
  });

  it("leaves trouble alone when trouble is the ask", () => {
    expect(trouble("Debug failures in production pipelines", "The nightly export timed out.")).toBe(false);
  });
});

describe("tellsTrouble (compose40)", () => {
  it("reads figures reported as looking wrong as what went wrong", () => {
    for (const line of [
      "Two days later a colleague reported odd constants on the edge channels.",
      "The dashboard started showing strange predictions for new users.",
      "Support flagged suspicious spikes in the refund counts.",
    ])
      expect(tellsTrouble(line), line).toBe(true);
    // An odd number is no trouble, nor a strange city, nor odd values put right.
    for (const line of [
      "We sharded the table into an odd number of partitions.",
      "I moved to a strange city for the job.",
      "The fix removed the odd values from the report.",
    ])
      expect(tellsTrouble(line), line).toBe(false);
  });
});
