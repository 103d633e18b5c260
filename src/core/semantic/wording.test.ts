import { describe, expect, it } from "vitest";
import { conceptsOf, semanticMatch } from "./matcher.ts";

// Round 46 (docs/lab/matching-lab.md): the lexicons name a concept through the synonyms, tool names
// and trade words people use for it, not only through its textbook name. Sentences of our own.
const ids = (text: string) => conceptsOf(text).map((c) => c.id);

describe("a concept told in the trade's own words (round 46)", () => {
  it("reads software tools and practices by the names engineers use", () => {
    expect(ids("I kept the Xcode project tidy and shipped weekly builds through TestFlight.")).toContain(
      "skill.mobile",
    );
    expect(ids("I checked every screen with VoiceOver and TalkBack before each release.")).toContain(
      "ux.accessibility",
    );
    expect(ids("I removed the dead code and broke the circular imports in the billing module.")).toContain(
      "skill.clean-code",
    );
    expect(ids("I look after the domain controllers and the group policies of the head office.")).toContain(
      "sec.identity",
    );
    expect(ids("I wrote the bootloader that checks signed images before it swaps partitions.")).toContain(
      "emb.ota",
    );
    expect(ids("Our warehouse app kept scanning without signal and uploaded the batch later.")).toContain(
      "skill.offline-sync",
    );
  });

  it("reads growth, finance and account work by their usual phrasings", () => {
    expect(ids("We gave every user an invite code worth a free month.")).toContain("mkt.referral");
    expect(ids("I ran the month-end close for three subsidiaries.")).toContain("fin.accounting");
    expect(ids("Twice a year I held business reviews with our largest accounts.")).toContain(
      "biz.account-management",
    );
    expect(ids("I counted the fast movers daily and planned restocking around them.")).toContain(
      "ops.inventory",
    );
  });

  it("reads trades and soft skills by the words of the job", () => {
    expect(ids("I specialise in balayage and colour correction.")).toContain("care.beauty");
    expect(ids("Changed forty euro cylinders for anti-snap ones on one estate.")).toContain(
      "trade.locksmith",
    );
    expect(ids("I double-check every figure and my tills balance to the penny.")).toContain("soft.detail");
    expect(ids("I banked the takings and counted the float at close.")).toContain("retail.cash");
    expect(ids("I produced the clash reports for the structural and services models.")).toContain("eng.bim");
  });

  it("leaves out words that have a common other sense", () => {
    expect(ids("I ran pip install on every build agent.")).not.toContain("people.performance");
    expect(ids("We cut checkout friction with a one-page form.")).not.toContain("soft.conflict-resolution");
    expect(ids("The launch clashed with the school holidays.")).not.toContain("soft.conflict-resolution");
    expect(ids("I replaced the toner in the office printers.")).not.toContain("care.beauty");
    expect(ids("We brought the site back online within an hour of the outage.")).not.toContain(
      "skill.offline-sync",
    );
  });

  it("meets an ask whose concept the candidate tells only in those words", () => {
    expect(
      semanticMatch(
        "Experience with over-the-air firmware updates",
        "I wrote the bootloader that checks signed images before it swaps partitions.",
      ).matched,
    ).toBe(true);
    expect(
      semanticMatch(
        "Experience building referral programmes",
        "I designed the invite code scheme that brought in a quarter of new sign-ups.",
      ).matched,
    ).toBe(true);
  });
});
