import type { ReflectionItem } from "../model.ts";
import { splitSentences } from "../packaging/text.ts";

/** What a reframe draws out of an episode: the three questions of C10. */
export const REFRAME_KINDS = ["solved", "learned", "shows"] as const;
export type ReframeKind = (typeof REFRAME_KINDS)[number];

/**
 * One reframe: a fixed lead-in and a quote taken word for word from the entry or its story.
 * derisk never writes the fact itself, so `quote` is always a substring of `from`'s text.
 */
export interface Reframe {
  kind: ReframeKind;
  /** "What you solved: …", "What you learned: …", "What it shows an interviewer (ownership): …" */
  text: string;
  quote: string;
  from: "entry" | "story";
  /** For "shows": the interviewer's risk it lowers, in the lens's words. */
  shows?: string;
}

/** The parts of an entry reframes read. */
export interface ReframeEntry {
  happened: string;
  felt: string;
}

/** The parts of a linked story reframes read. */
export interface ReframeStory {
  title: string;
  situation: string;
  actions: string;
  result: string;
  lesson: string;
}

// Cue lists: our own, from the verbs people use when they tell how a problem ended
// (solved) or what stayed with them (learned); "shows" maps cues to the five risks of the lens.
const SOLVED =
  /\b(solved|fixed|resolved|restored|rolled back|found|traced|shipped|deployed|delivered|kept\b.*\b(running|alive|working)|got\b.*\bworking|cut|reduced|dropped|recovered|caught)\b/i;
const LEARNED =
  /\b(learn(ed|t)|realis(ed|e)|realiz(ed|e)|lesson|taught me|reminded me|now,? I (always|check|know)|I always|insight)\b/i;
const SHOWS: { cue: RegExp; shows: string }[] = [
  {
    cue: /\b(alone|on my own|nobody to escalate|end to end|owned|ownership|I (immediately )?acknowledged|my own mistake)\b/i,
    shows: "ownership: you carry a problem to the end without being told",
  },
  {
    cue: /\b(did not give up|didn['’]t give up|persist|kept going|grit|for a year|every night)\b/i,
    shows: "persistence: you keep going when it is hard",
  },
  {
    cue: /\b(root cause|checklist|prevent|monitor|alert|test(s|ed)?|double-check|process|(added|wrote|put in) (a|an)( [\w-]+)? (check|guard|safeguard))\b/i,
    shows: "systems thinking: you fix the cause and guard against the next one",
  },
  {
    cue: /\b(infrastructure|TLS|network|cloud|DevOps|Kubernetes|Kerberos|Spark|pipeline|platform|across disciplines|stack)\b/i,
    shows: "range: you can go down the stack when a model needs it",
  },
];
const FEELING =
  /\b(feel|felt|frustrat|angry|sad|upset|ashamed|embarrass|humiliat|guilt|panick?|scared|afraid|nervous|anxious|worried|overwhelm|stressed|stupid|wasted|thin|tired|exhausted|doubt)\w*/i;

/** A word that turns the cue after it into its opposite: "had not tested", "never monitored", "no alert". */
const NEGATION = /\b(not|never|no|without)\b|n['’]t\b/i;

/**
 * Whether `statement` says what `cue` names, rather than that it was missing: a cue with a
 * negation among the three words before it ("I had not tested it", "there was no alert") does
 * not count; a cue that holds its own negation ("did not give up") does.
 * @example affirms(/\btested\b/i, "I had not tested it.") // false
 */
export function affirms(cue: RegExp, statement: string): boolean {
  const every = new RegExp(cue.source, cue.flags.includes("g") ? cue.flags : `${cue.flags}g`);
  for (const match of statement.matchAll(every)) {
    const before = statement.slice(0, match.index).split(/\s+/).filter(Boolean).slice(-3).join(" ");
    if (!NEGATION.test(before)) return true;
  }
  return false;
}

const MAX_PER_KIND = 3;

/**
 * The statements of a text: lines (bullets and quote marks stripped), then sentences, cut by the
 * packaging's splitter ("Dr. Rivera", "e.g. BERT" and "v2.1" stay inside their sentence).
 */
export function statementsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim())
    .flatMap((line) => splitSentences(line).map((s) => s.text))
    .map((s) =>
      s
        .trim()
        .replace(/^[“"']+|[”"']+$/g, "")
        .trim(),
    )
    .filter((s) => s.split(/\s+/).length >= 4 && !s.endsWith("?") && !s.endsWith(":"));
}

/**
 * Reframes drawn from an entry's own facts and from its linked story: what was solved, what
 * was learned, what it shows an interviewer. Feelings and questions are not facts and are
 * never quoted; nothing is written that the user did not write.
 * @example offerReframes({ happened: "I found the missing TLS filter and fixed it.", felt: "" })[0].text
 * // "What you solved: I found the missing TLS filter and fixed it."
 */
export function offerReframes(entry: ReframeEntry, story?: ReframeStory): Reframe[] {
  const out: Reframe[] = [];
  const seen = new Set<string>();
  const count = (kind: ReframeKind) => out.filter((r) => r.kind === kind).length;
  const add = (kind: ReframeKind, quote: string, from: Reframe["from"], shows?: string) => {
    const key = `${kind}:${quote.toLowerCase()}`;
    if (seen.has(key) || count(kind) >= MAX_PER_KIND) return;
    seen.add(key);
    const lead =
      kind === "solved"
        ? "What you solved"
        : kind === "learned"
          ? "What you learned"
          : `What it shows an interviewer (${shows})`;
    out.push({ kind, text: `${lead}: ${quote}`, quote, from, ...(shows === undefined ? {} : { shows }) });
  };
  const read = (text: string, from: Reframe["from"], bias?: ReframeKind) => {
    for (const statement of statementsOf(text)) {
      const solved = affirms(SOLVED, statement);
      if (FEELING.test(statement) && !solved) continue;
      if (bias === "solved" || solved) add("solved", statement, from);
      if (bias === "learned" || affirms(LEARNED, statement)) add("learned", statement, from);
      const trait = SHOWS.find(({ cue }) => affirms(cue, statement));
      if (trait) add("shows", statement, from, trait.shows.split(":")[0]);
    }
  };
  read(entry.happened, "entry");
  read(entry.felt, "entry");
  if (story) {
    read(story.result, "story", "solved");
    read(story.lesson, "story", "learned");
    read(story.actions, "story");
    read(story.situation, "story");
  }
  const order: Record<ReframeKind, number> = { solved: 0, learned: 1, shows: 2 };
  // A sentence is offered once, under its first heading ("What you solved" before what it
  // shows an interviewer): the same words under two headings read as a list padded out.
  const offered = new Set<string>();
  return out
    .sort((a, b) => order[a.kind] - order[b.kind])
    .filter((r) => {
      const key = r.quote.toLowerCase();
      if (offered.has(key)) return false;
      offered.add(key);
      return true;
    });
}

/**
 * A journal entry from a document's reflection (the seed's talk after a frustrating bug): the
 * first speaker's words are how it felt, the rest of the conversation what happened, and the
 * line they chose to tell themselves (a first-person reframe) the takeaway.
 * @example entryFromReflection(item).felt // "honestly, I keep thinking I wasted years. …"
 */
export function entryFromReflection(item: ReflectionItem): {
  title: string;
  happened: string;
  felt: string;
  takeaway: string;
} {
  const first = item.turns[0]?.speaker;
  const felt = item.turns
    .filter((turn) => turn.speaker === first)
    .map((turn) => turn.text.trim())
    .join("\n\n");
  const happened = item.turns
    .filter((turn) => turn.speaker !== first)
    .map((turn) => `${turn.speaker}: ${turn.text.trim()}`)
    .join("\n\n");
  const takeaway =
    item.reframes.find((line) => /^I\b|^I['’]/.test(line.trim())) ?? item.reframes.at(-1) ?? "";
  return {
    title: item.title?.trim() || "Reflection",
    happened: happened || item.turns.map((t) => t.text).join("\n\n"),
    felt,
    takeaway: takeaway.trim(),
  };
}
