import { expect, it } from "vitest";
import type { RequirementPart } from "../core/packaging/index.ts";
import { describeStores } from "../store/test-stores.ts";
import { createApp } from "./app.ts";

// The real Hono app over a real store: a story saved through the API, a posting of our own tailored.
const post = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

interface Requirement {
  text: string;
  covered: boolean;
  strength: string;
  parts?: RequirementPart[];
  partsSummary?: string;
  evidence: Array<{ quote: string; strength: string; note?: string }>;
}

describeStores("tailor API: a requirement read per thing it names (tailor50)", (getStore) => {
  const app = () => createApp({ store: getStore(), userId: "a", version: "test", storage: "pglite" });

  it("says which thing of “Strong SQL and Spark skills” the bank shows, with its sentence, and saves it", async () => {
    const story = await app().request(
      "/api/stories",
      post({
        title: "Moving the calibration job",
        situation: "Our nightly sensor calibration took nine hours on one machine.",
        actions: ["I migrated the calibration pipeline to Spark."],
        result: "It now finishes in forty minutes.",
      }),
    );
    expect(story.status).toBe(201);
    const res = await app().request(
      "/api/tailor",
      post({
        text: "# Data Engineer\nFjordline Ferries\n\n## What you bring\n- Strong SQL and Spark skills\n- Experience with Spark\n",
      }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; tailoring: { requirements: Requirement[] } };
    const [compound, single] = body.tailoring.requirements;
    expect(compound).toMatchObject({
      text: "Strong SQL and Spark skills",
      covered: true,
      strength: "partial",
      partsSummary: "partly met: SQL no, Spark yes",
    });
    expect(compound?.parts?.map((p) => [p.name, p.strength, p.evidence?.quote])).toEqual([
      ["SQL", "none", undefined],
      ["Spark", "strong", "I migrated the calibration pipeline to Spark."],
    ]);
    expect(compound?.evidence[0]).toMatchObject({ strength: "partial", note: "shows Spark, not SQL" });
    // One thing: as before, no parts.
    expect(single).toMatchObject({ text: "Experience with Spark", strength: "strong" });
    expect(single?.parts).toBeUndefined();
    // Reopened, the saved tailoring says the same.
    const reopened = await app().request(`/api/tailorings/${body.id}`);
    const saved = (await reopened.json()) as { tailoring: { requirements: Requirement[] } };
    expect(saved.tailoring.requirements[0]?.partsSummary).toBe("partly met: SQL no, Spark yes");
  });
});
