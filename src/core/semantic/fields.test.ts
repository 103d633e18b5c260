import { describe, expect, it } from "vitest";
import { conceptsOf, semanticMatch } from "./matcher.ts";

const ids = (text: string) => conceptsOf(text).map((c) => c.id);

describe("round 15 fields (fields.ts)", () => {
  it("files each field's standard words under its family", () => {
    expect(ids("I maintain our billing services in C# on .NET 8.")).toContain("code.dotnet");
    expect(ids("I kept the nightly COBOL batch on the mainframe running.")).toContain("eng.mainframe");
    expect(ids("I wrote ladder logic for the bottling line's PLCs.")).toContain("eng.industrial-automation");
    expect(ids("I built the flood maps in QGIS.")).toContain("data.geospatial");
    expect(ids("I moved our certificates to a PKI with automatic key rotation.")).toContain(
      "sec.cryptography",
    );
    expect(ids("I reviewed the firewall change requests each week.")).toContain("sec.network");
    expect(ids("I redesigned our subscription tiers and the pricing page.")).toContain("biz.pricing");
    expect(ids("I ran focus groups with first-time buyers.")).toContain("mkt.research");
    expect(ids("I built the credit scoring model for small-business loans.")).toContain("fin.credit");
    expect(ids("I handled grievances and disciplinary hearings for 300 staff.")).toContain(
      "hr.employee-relations",
    );
    expect(ids("I screened adverse events reported after launch.")).toContain("care.drug-safety");
    expect(ids("I led child protection visits for a caseload of twelve families.")).toContain(
      "care.social-work",
    );
    expect(ids("I managed the front desk of a 200-room hotel.")).toContain("hosp.hotel");
    expect(ids("I chased rent arrears for forty landlords.")).toContain("prop.lettings");
    expect(ids("I wrote our scope 3 emissions report.")).toContain("env.sustainability");
    expect(ids("I fitted consumer units and tested every circuit.")).toContain("trade.electrical");
    expect(ids("I stewarded our major donors through a capital campaign.")).toContain("np.fundraising");
    expect(ids("I drafted witness statements for the litigation team.")).toContain("law.litigation");
    expect(ids("I hold an ATPL and a type rating on the Airbus A320.")).toContain("ops.aviation");
    expect(ids("I removed tartar and plaque for forty patients a week.")).toContain("care.dental");
    expect(ids("I TIG welded stainless steel brackets.")).toContain("trade.welding");
  });

  it("keeps a narrower family under the broader one it answers", () => {
    // Pay and reward is a kind of benefits work; a benefits ask is met by it.
    expect(ids("I ran the salary benchmarking for every role.")).toContain("hr.benefits");
    expect(
      semanticMatch("Experience in credit risk", "I built the credit scoring model for small-business loans.")
        .matched,
    ).toBe(true);
  });

  it("keeps each ambiguous word in its field's sense only", () => {
    // A data warehouse is not a warehouse; a tenant of a SaaS system is not a landlord's.
    expect(ids("I ran the night shift in the warehouse.")).toContain("ops.warehouse");
    expect(ids("The warehouse stores all our data in Snowflake.")).not.toContain("ops.warehouse");
    expect(ids("We onboarded each tenant of the multi-tenant SaaS database.")).not.toContain("prop.lettings");
    expect(ids("Guests checked in at the hotel reception.")).toContain("hosp.hotel");
    expect(ids("Our guests at the conference enjoyed the talks.")).not.toContain("hosp.hotel");
    expect(ids("I localised the outage to one faulty switch.")).not.toContain("eng.i18n");
    expect(ids("I localised the app into twelve languages.")).toContain("eng.i18n");
    expect(ids("I rewired the release process.")).not.toContain("trade.electrical");
    expect(ids("We rewired the whole house, socket by socket.")).toContain("trade.electrical");
    expect(ids("The price of the stock fell.")).not.toContain("biz.pricing");
    expect(ids("I marked the ticket as resolved.")).not.toContain("edu.assessment");
    expect(ids("I was marking forty essays a week.")).toContain("edu.assessment");
    expect(ids("I fostered a culture of code review.")).not.toContain("care.social-work");
    expect(ids("I volunteered to lead the migration.")).not.toContain("np.volunteers");
    expect(ids("The squad shipped the feature in two sprints.")).not.toContain("sport.coaching");
    expect(ids("We treat servers as cattle, not pets.")).not.toContain("care.veterinary");
    expect(ids("I vetted three suppliers for the contract.")).not.toContain("care.veterinary");
    expect(ids("I cropped the images before training.")).not.toContain("agri.growing");
    expect(ids("I cut costs by half.")).not.toContain("agri.growing");
    expect(ids("The GPU occupancy rose to 90%.")).not.toContain("hosp.hotel");
    expect(ids("I restructured the codebase into modules.")).not.toContain("people.change");
    expect(ids("We restructured the department and cut two layers of management.")).toContain(
      "people.change",
    );
    expect(ids("I counselled sixth-form students on which courses to apply for.")).not.toContain(
      "care.mental-health",
    );
    expect(ids("I counselled clients with anxiety in weekly sessions.")).toContain("care.mental-health");
    expect(ids("I ran a blood donors' registry.")).not.toContain("np.fundraising");
    expect(ids("Our team welded three squads into one.")).not.toContain("trade.welding");
    expect(ids("I kept the site on schedule, signing off each trade's work.")).not.toContain("lang.sign");
    expect(ids("I sign with deaf colleagues; signing was my first language.")).toContain("lang.sign");
    expect(ids("I edited manuscripts for a small publisher.")).toContain("write.editing");
    expect(ids("We ran Hive queries over the logs.")).not.toContain("agri.beekeeping");
    expect(ids("Strong C#/.NET developer")).toContain("code.dotnet");
    expect(ids("I build .NET services on Azure.")).toContain("code.dotnet");
    expect(ids("Our net revenue grew 20%.")).not.toContain("code.dotnet");
    expect(ids("I planned the timber harvest for a state forest.")).not.toContain("trade.carpentry");
    expect(ids("I built timber frames for barns.")).toContain("trade.carpentry");
  });

  it("moves a word from a concept it misread to the field's family", () => {
    // Scaling teeth is dental work, not scalability; a library catalogue is not a shop's; coaching a
    // football team is sports coaching, not mentoring; tariff codes are not programming.
    expect(ids("I did scaling and polishing for every patient.")).not.toContain("skill.scalability");
    expect(ids("I scaled the service to 10k requests per second.")).toContain("skill.scalability");
    expect(ids("I catalogued the library collections with Dewey numbers.")).not.toContain("domain.ecommerce");
    expect(ids("I coached the under-12s football team on Saturdays.")).toContain("sport.coaching");
    expect(ids("I coached the under-12s football team on Saturdays.")).not.toContain("soft.mentoring");
    expect(ids("I coached two junior engineers through their first launch.")).toContain("soft.mentoring");
    expect(ids("I classified imports under the right tariff codes.")).not.toContain("skill.programming");
    expect(ids("Speech and language therapy for stroke patients.")).not.toContain("skill.speech");
  });
});
