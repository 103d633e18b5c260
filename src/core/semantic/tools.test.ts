import { describe, expect, it } from "vitest";
import { conceptsOf, semanticMatch } from "./matcher.ts";

const ids = (text: string) => conceptsOf(text).map((c) => c.id);

describe("hypernym links of round 9 (tools.ts) and the sense fixes beside them", () => {
  it("files a tool under the category a posting names", () => {
    expect(ids("I wrote SPARQL queries over our RDF store.")).toContain("skill.semantic-web");
    expect(
      semanticMatch("Experience building knowledge graphs", "I wrote SPARQL queries over our RDF store.")
        .shared,
    ).toContain("graph databases");
    expect(ids("I shipped two games built in Godot.")).toEqual(
      expect.arrayContaining(["tool.game-engines", "skill.game-dev"]),
    );
    expect(ids("We rolled out S/4HANA across three plants.")).toContain("tool.erp");
    expect(ids("I tuned the Solr cluster behind product search.")).toEqual(
      expect.arrayContaining(["tool.search-engines", "skill.search"]),
    );
    expect(ids("I kept the HACCP plan up to date.")).toContain("ops.food-safety");
    expect(ids("I ran know-your-customer checks on new accounts.")).toContain("law.aml");
  });

  it("keeps the engines' everyday words in their sense", () => {
    expect(ids("I kept unity in the team during the reorganisation.")).not.toContain("tool.game-engines");
    expect(ids("Their deadlines were unreal.")).not.toContain("tool.game-engines");
    expect(ids("We played a board game at the offsite.")).not.toContain("skill.game-dev");
  });

  it("reads copper traces, benefit programmes, marketing promotions and money laundering in their sense", () => {
    expect(ids("I routed the traces on the PCB.")).toEqual(["hw.electronics"]);
    expect(ids("I added distributed traces to the checkout service.")).toContain("skill.observability");
    expect(ids("Experience administering employee benefits programmes")).not.toContain("skill.programming");
    expect(ids("Our company moved everyone to a new health insurance plan.")).toEqual(
      expect.arrayContaining(["hr.benefits", "domain.insurance"]),
    );
    expect(ids("I sold health insurance policies to families.")).not.toContain("hr.benefits");
    expect(ids("I sold health insurance policies to families.")).toContain("domain.insurance");
    expect(ids("I ran our Facebook promotions.")).not.toContain("soft.mentoring");
    expect(ids("I was promoted to senior engineer.")).toContain("soft.mentoring");
    expect(ids("Working knowledge of anti-money laundering regulations")).not.toContain("skill.anomaly");
  });
});
