import { describe, expect, it } from "vitest";
import { shortId, shortIds } from "./short-ids.ts";

describe("shortIds", () => {
  it("shows 8 characters, more only where two ids of the listing share them", () => {
    const ids = [
      "abcd0000-0000-4000-8000-000000000001",
      "abcd0000-1111-4000-8000-000000000002",
      "77c1d0aa-0000-4000-8000-000000000003",
    ];
    const short = shortIds(ids);
    expect(ids.map(short)).toEqual(["abcd0000-0", "abcd0000-1", "77c1d0aa"]);
    expect(shortId("77c1d0aa-0000-4000-8000-000000000003")).toBe("77c1d0aa");
  });

  it("keeps ids that are not UUIDs whole, and an id that starts another whole", () => {
    const short = shortIds(["bank:ml-dropout", "q1/core", "abcd0000", "abcd0000-1"]);
    expect(short("bank:ml-dropout")).toBe("bank:ml-dropout");
    expect(short("q1/core")).toBe("q1/core");
    expect(short("abcd0000")).toBe("abcd0000");
    expect(short("abcd0000-1")).toBe("abcd0000-");
  });
});
