import { describe, expect, it } from "vitest";
import { conceptsOf, semanticMatch } from "./matcher.ts";

const ids = (text: string) => conceptsOf(text).map((c) => c.id);

describe("verb forms of nominalisations (round 10)", () => {
  it("reads a past tense or -ing form as the noun's term, with the noun's sense checks", () => {
    expect(ids("I valued three office blocks for a pension fund.")).toContain("fin.investment");
    expect(ids("We were valuing small businesses for sale.")).toContain("fin.investment");
    expect(
      semanticMatch("Experience with business valuation", "I valued forty family firms for their buyers.")
        .matched,
    ).toBe(true);
  });

  it("leaves a noun of the same stem alone", () => {
    // "value" is not "valuation": only the verb's past tense and -ing form are read.
    expect(ids("I estimated the value of each feature with Shapley scores.")).not.toContain("fin.investment");
    expect(ids("Our customers value fast support.")).not.toContain("fin.investment");
    expect(ids("I valued each feature with Shapley scores.")).toContain("fin.investment");
  });
});

describe("round 10 families (taxonomy.ts) and their senses", () => {
  it("files the standard words of a field under its family", () => {
    expect(ids("I triaged tickets on the service desk in ServiceNow.")).toContain("ops.itsm");
    expect(ids("We followed ITIL for change and problem management.")).toContain("ops.itsm");
    expect(ids("I kept control charts for every filling head.")).toContain("ops.spc");
    expect(ids("I ran front of house for touring bands.")).toContain("media.audio-engineering");
    expect(ids("I mixed the album in our studio.")).toContain("media.audio-engineering");
    expect(ids("I modelled the hospital wing in Revit.")).toContain("eng.bim");
    expect(ids("I updated the planograms for forty stores.")).toContain("retail.store");
    expect(ids("We pushed firmware updates over the air to 10,000 meters.")).toContain("emb.ota");
    expect(ids("I wrote the induction plan for new starters.")).toContain("people.onboarding");
    expect(ids("I ran the data room for the sale of the business.")).toContain("biz.due-diligence");
    expect(ids("We launched a refer-a-friend scheme.")).toContain("mkt.referral");
    expect(ids("I built partnerships with local charities and faith groups.")).toContain(
      "community.partnerships",
    );
    expect(ids("I led the content moderation team for a video platform.")).toContain("ops.trust-safety");
    expect(ids("The app works offline and syncs with a CRDT.")).toContain("skill.offline-sync");
  });

  it("keeps each family's everyday words in their sense", () => {
    expect(ids("I moderated the comments on our forum for hate speech.")).toContain("ops.trust-safety");
    expect(ids("I onboarded six new hires.")).toContain("people.onboarding");
    expect(ids("I moderated the panel discussion at the conference.")).not.toContain("ops.trust-safety");
    expect(ids("I fixed the sign-up onboarding flow in our app.")).not.toContain("people.onboarding");
    expect(ids("I referred the patient to a cardiologist.")).not.toContain("mkt.referral");
    expect(ids("I referred two friends for our open roles.")).not.toContain("mkt.referral");
    expect(ids("I have a strong track record of shipping on time.")).not.toContain("media.audio-engineering");
    expect(ids("I mixed the paint for the mural.")).not.toContain("media.audio-engineering");
    expect(ids("I moved our metrics into a feature store.")).not.toContain("retail.store");
  });
});

describe("round 10 sense fixes", () => {
  it("reads a property appraisal as valuation, a person's as a performance review", () => {
    expect(ids("I appraised homes for mortgage lenders.")).toContain("fin.investment");
    expect(ids("I wrote the property appraisal for the lender.")).not.toContain("people.performance");
    expect(ids("I ran the annual appraisals for my team of eight.")).toContain("people.performance");
  });

  it("reads a consulting engagement as client work, not a usage metric", () => {
    expect(ids("Strong client presence in consulting engagements")).not.toContain("metric.conversion");
    expect(ids("We lifted weekly engagement by 12%.")).toContain("metric.conversion");
  });

  it("reads audio at a studio or a venue as sound engineering, not speech", () => {
    expect(ids("I handled the audio for live music at a 300-seat venue.")).not.toContain("skill.speech");
    expect(ids("I cleaned the audio recordings before transcription.")).toContain("skill.speech");
  });
});
