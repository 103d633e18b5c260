import { describe, expect, it } from "vitest";
import { answerText, type CorpusRow, seeded } from "./lens-corpus.ts";
import { asNote, notesCopies, notesCopy, takesNotesCopy } from "./lens-notes.ts";

const plain = { dropArticle: false, keepStop: true };
const terse = { dropArticle: true, keepStop: false };

const story: CorpusRow = {
  id: "zz-0001",
  split: "train",
  competency: "technical-challenge",
  question: "Tell me about a bug that took a while to find.",
  register: "paragraph",
  s: [
    ["The billing export at a bakery chain dropped a few orders every night.", "situation"],
    ["So, basically I had to find out where they went.", "task"],
    [
      "I've compared the raw orders with the export and found the daylight-saving hour was skipped.",
      "action",
    ],
    ["Then I added a check that counts both sides before the file is sent.", "action systems"],
  ],
  labels: { situation: true, task: true, action: true, systems: true, overall: 4 },
};

describe("asNote", () => {
  it("drops filler openings and a leading first-person subject so the line opens on the verb", () => {
    expect(asNote("So, basically I had to find out where they went.", plain)).toBe(
      "Had to find out where they went.",
    );
    expect(asNote("I've compared the two files.", plain)).toBe("Compared the two files.");
    expect(asNote("Then I added a check.", plain)).toBe("Then added a check.");
    expect(asNote("Yes, so I rewrote it.", plain)).toBe("Rewrote it.");
  });

  it("keeps a subject that is not a plain I + verb, and other subjects", () => {
    expect(asNote("I'm the only analyst on the team.", plain)).toBe("I'm the only analyst on the team.");
    expect(asNote("We shipped it on Friday.", plain)).toBe("We shipped it on Friday.");
    expect(asNote("Sophie rewrote the report.", plain)).toBe("Sophie rewrote the report.");
  });

  it("optionally drops the leading article and the closing full stop", () => {
    expect(asNote("The owner asked for a quote tool.", terse)).toBe("Owner asked for a quote tool");
    expect(asNote("The owner asked for a quote tool.", plain)).toBe("The owner asked for a quote tool.");
    expect(asNote("Why did it fail?", terse)).toBe("Why did it fail?");
  });
});

describe("notesCopy", () => {
  it("writes one '- ' line per sentence with the same tags and labels", () => {
    const copy = notesCopy(story, terse);
    expect(copy.id).toBe("zz-0001=");
    expect(copy.register).toBe("bullets");
    expect(copy.labels).toEqual(story.labels);
    expect(copy.s.map(([, tags]) => tags)).toEqual(story.s.map(([, tags]) => tags));
    expect(answerText(copy.s).text).toBe(
      [
        "- Billing export at a bakery chain dropped a few orders every night",
        "- Had to find out where they went",
        "- Compared the raw orders with the export and found the daylight-saving hour was skipped",
        "- Then added a check that counts both sides before the file is sent",
      ].join("\n"),
    );
  });

  it("copies only training stories written in full sentences", () => {
    expect(takesNotesCopy(story)).toBe(true);
    expect(takesNotesCopy({ ...story, register: "bullets" })).toBe(false);
    expect(takesNotesCopy({ ...story, register: "spoken" })).toBe(false);
    expect(takesNotesCopy({ ...story, split: "validation" })).toBe(false);
    expect(takesNotesCopy({ ...story, competency: "about-me" })).toBe(false);
    expect(takesNotesCopy({ ...story, s: story.s.slice(0, 1) })).toBe(false);
  });

  it("is deterministic for a seed", () => {
    const rows = [story, { ...story, id: "zz-0002" }, { ...story, id: "zz-0003", register: "spoken" }];
    const a = notesCopies(rows, seeded(16));
    expect(a.map((r) => r.id)).toEqual(["zz-0001=", "zz-0002="]);
    expect(notesCopies(rows, seeded(16))).toEqual(a);
  });

  it("with skipBlame, copies no story that tells blame and keeps the other copies' styles", () => {
    const blaming: CorpusRow = { ...story, id: "zz-0002", labels: { ...story.labels, blame: true } };
    const subtle: CorpusRow = { ...story, id: "zz-0003", register: "blame-subtle" };
    const rows = [story, blaming, subtle, { ...story, id: "zz-0004" }];
    const all = notesCopies(rows, seeded(16));
    expect(all.map((r) => r.id)).toEqual(["zz-0001=", "zz-0002=", "zz-0003=", "zz-0004="]);
    const kept = notesCopies(rows, seeded(16), { skipBlame: true });
    expect(kept.map((r) => r.id)).toEqual(["zz-0001=", "zz-0004="]);
    expect(kept[1]).toEqual(all[3]);
  });
});
