import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HistoryMeta, itemHistory, VersionChanges } from "./HistoryPanel.tsx";

const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ")
    .trim();

const entry = {
  id: "v2",
  version: 2,
  source: "typed" as const,
  createdAt: "2026-12-06T04:10:00.000Z",
  current: false,
  fromBackupAt: null,
};

describe("a history entry's line", () => {
  it("shows the version number derisk history lists and --restore N takes", () => {
    // Before: "Typed · 06/12/2026, 04:10:00", with no number to give the CLI or the API.
    expect(textOf(renderToStaticMarkup(<HistoryMeta entry={entry} />))).toMatch(/^Version 2 · Typed · /);
    expect(
      textOf(renderToStaticMarkup(<HistoryMeta entry={{ ...entry, version: 3, current: true }} />)),
    ).toMatch(/^Version 3 · Typed · .+ current$/);
  });

  it("marks a backup's text a restore did not apply, and a re-import's kept aside has no number", () => {
    const fromBackup = { ...entry, fromBackupAt: "2026-12-06T05:00:00.000Z" };
    expect(textOf(renderToStaticMarkup(<HistoryMeta entry={fromBackup} />))).toMatch(
      /^Version 2 · Typed · .+ from a backup restored .+, not applied$/,
    );
    const conflict = { ...entry, version: null, source: "imported" as const };
    expect(textOf(renderToStaticMarkup(<HistoryMeta entry={conflict} />))).toMatch(
      /^Imported · .+ from a re-import, not applied$/,
    );
  });
});

describe("an earlier text's changes", () => {
  it("sums up what changed since it, markup aside, with the words behind a toggle", () => {
    const html = renderToStaticMarkup(
      <VersionChanges
        older="**Situation**: We shipped it in May and the team agreed."
        current="**Situation**: We shipped it in May."
      />,
    );
    expect(textOf(html)).toBe("Since this text: 4 words removed near the end Show changes");
    expect(html).toContain('aria-expanded="false"');
    expect(textOf(renderToStaticMarkup(<VersionChanges older="Same words." current="Same words." />))).toBe(
      "Same words as the current text",
    );
  });

  it("names a markup-only change or a tick, with no words to show behind a toggle", () => {
    // Before: both read "Same words as the current text" (markup) or "1 word added" (the tick's x).
    expect(
      textOf(renderToStaticMarkup(<VersionChanges older="Same **words**." current="Same words." />)),
    ).toBe("Since this text: Markup only: took the bold off 'words'");
    expect(
      textOf(
        renderToStaticMarkup(
          <VersionChanges older="- [ ] Write the latency story" current="- [x] Write the latency story" />,
        ),
      ),
    ).toBe("Since this text: Ticked 'Write the latency story'");
  });
});

describe("restoring an answer's earlier text", () => {
  it("is not offered for a text word for word the current one, which the server refuses", () => {
    // Before: every earlier entry had "Restore this text"; on a copy of the current text (a
    // restore done twice) the click ended in the server's "nothing to restore" error.
    const version = (raw: string, current = false) => ({
      ...entry,
      id: raw,
      itemId: "i1",
      current,
      text: raw,
      raw,
    });
    const source = itemHistory("i1");
    const current = version("**Situation**: We shipped it.", true);
    expect(source.changesCurrent?.(version("**Situation**: We shipped it."), current)).toBe(false);
    expect(source.changesCurrent?.(version("Situation: We shipped it."), current)).toBe(true);
    expect(source.changesCurrent?.(version("We shipped it late."), current)).toBe(true);
  });
});
