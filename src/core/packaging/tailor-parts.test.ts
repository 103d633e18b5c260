import { describe, expect, it } from "vitest";
import { parseStory } from "./story.ts";
import { tailor } from "./tailor.ts";

// A posting and a bank of our own: a data team at a made-up ferry operator.
const POSTING = `# Data Engineer — Fjordline Ferries

## What you bring
- Strong SQL and Spark skills
- Distributed data processing with Spark or Databricks at terabyte scale
- Experience with Spark
- Go or Rust in production
`;

const stories = [
  parseStory({
    id: "calibration",
    title: "Moving the calibration job",
    situation: "Our nightly sensor calibration took nine hours on one machine.",
    actions: ["I migrated the calibration pipeline to Spark."],
    result: "It now finishes in forty minutes.",
  }),
];

const read = (posting: string, bank = stories, answers: Array<{ key: string; text: string }> = []) => {
  const out = tailor(posting, bank, answers);
  return (text: string) => {
    const found = out.requirements.find((r) => r.text === text);
    if (found === undefined)
      throw new Error(`no requirement “${text}” in ${out.requirements.map((r) => r.text)}`);
    return found;
  };
};

describe("a requirement that names several things, read per thing (tailor50)", () => {
  it("shows the Spark deed for “Strong SQL and Spark skills” and says SQL is missing", () => {
    const line = read(POSTING)("Strong SQL and Spark skills");
    expect(line.covered).toBe(true);
    expect(line.strength).toBe("partial");
    expect(line.partsSummary).toBe("partly met: SQL no, Spark yes");
    expect(line.parts).toEqual([
      { name: "SQL", strength: "none" },
      {
        name: "Spark",
        strength: "strong",
        evidence: {
          source: "story",
          id: "calibration",
          title: "Moving the calibration job",
          quote: "I migrated the calibration pipeline to Spark.",
        },
      },
    ]);
    expect(line.evidence[0]).toMatchObject({
      quote: "I migrated the calibration pipeline to Spark.",
      strength: "partial",
      note: "shows Spark, not SQL",
    });
  });

  it("says which half of a partial line is only related: Spark yes, the scale partly", () => {
    const line = read(POSTING)("Distributed data processing with Spark or Databricks at terabyte scale");
    expect(line.strength).toBe("partial");
    expect(line.parts?.map((p) => [p.name, p.strength])).toEqual([
      ["Distributed data processing with Spark or Databricks", "strong"],
      ["scale", "partial"],
    ]);
    expect(line.parts?.[1]?.related).toBe("scalability (related)");
    expect(line.partsSummary).toBe(
      "partly met: Distributed data processing with Spark or Databricks yes, scale partly",
    );
  });

  it("reads an “and” line as met when every thing is shown, even in different sentences", () => {
    const line = read("## Requirements\n- Strong SQL and Spark skills\n", stories, [
      { key: "warehouse", text: "I wrote the SQL for our ticket warehouse and tuned its slowest queries." },
    ])("Strong SQL and Spark skills");
    expect(line.covered).toBe(true);
    expect(line.partsSummary).toBe("met: SQL yes, Spark yes");
    expect(line.strength).toBe("strong");
    expect(line.parts?.map((p) => p.evidence?.id)).toEqual(["warehouse", "calibration"]);
  });

  it("keeps a line that names one thing, or alternatives of one, exactly as before", () => {
    const find = read(POSTING);
    const spark = find("Experience with Spark");
    expect(spark.parts).toBeUndefined();
    expect(spark.partsSummary).toBeUndefined();
    expect(spark.strength).toBe("strong");
    expect(Object.keys(spark)).not.toContain("parts");
  });

  it("leaves a line a gap when only a neighbour of one thing is shown", () => {
    const ecs = [
      parseStory({ id: "ecs", title: "Ticket service", actions: ["I deployed the ticket service on ECS."] }),
    ];
    const line = read(
      "## Requirements\n- Experience with Kubernetes and Terraform\n",
      ecs,
    )("Experience with Kubernetes and Terraform");
    expect(line.covered).toBe(false);
    expect(line.evidence).toEqual([]);
    expect(line.partsSummary).toMatch(/^not met: /);
  });

  it("leaves a line none of whose things is shown a gap", () => {
    const line = read("## Requirements\n- Strong SQL and Kubernetes skills\n")(
      "Strong SQL and Kubernetes skills",
    );
    expect(line.covered).toBe(false);
    expect(line.strength).toBe("none");
    expect(line.evidence).toEqual([]);
    expect(line.partsSummary).toBe("not met: SQL no, Kubernetes no");
  });
});
