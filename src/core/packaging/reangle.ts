import { classify } from "../analysis/index.ts";
import { DeriskError } from "../errors.ts";
import type { Competency, RoleId, StarPart } from "../model.ts";
import { tagStoryParts } from "./compose.ts";
import { ROLE_VOCABULARY } from "./data/role-vocabulary.ts";
import { questionNeeds } from "./needed.ts";
import { coreShare, findRoleTerms, roleInSentence } from "./role-terms.ts";
import { answerSpans } from "./spoken.ts";
import {
  announcedCount,
  antecedentOf,
  contentTokens,
  isPleasantry,
  joinSentences,
  leansBack,
  leansOnAnyStep,
  readsAsOutline,
  starLabel,
  stepSaidBefore,
  stripMarkup,
  subjectlessNote,
} from "./text.ts";

export interface ReangleOptions {
  fromRole?: RoleId;
  toRole: RoleId;
  question?: string;
}

/** What happened to one sentence of the original answer. */
export interface ReangleDiffEntry {
  /** Position in the original answer. */
  from: number;
  /** Position in the re-angled answer; absent when trimmed. */
  to?: number;
  status: "kept" | "trimmed";
  /** The sentence as the user wrote it, markup left out. */
  text: string;
  /** Its STAR part, as the lens's tagger reads it in the telling order. */
  part: StarPart;
  reason: string;
}

export interface Reangled {
  /**
   * The re-angled answer as it is said: the kept sentences, verbatim and in their order, no
   * markup. The text a user saves as a variant.
   */
  text: string;
  /** The re-angled sentences in their order. */
  sentences: string[];
  diff: ReangleDiffEntry[];
  /** Share of the role vocabulary that is core, before and after (0..1). */
  coreShare: { before: number; after: number };
  /**
   * When the answer is an outline of arrow notes ("PhD → foundation in modelling"): re-angle
   * keeps the user's lines as written, and no one can say them as they stand.
   */
  outline?: string;
  /**
   * When a kept line names the team or role you are pitched for as another role ("…to an applied
   * ML team." re-angled for a Software Engineer): re-angle keeps it as written and says so.
   */
  namesOtherRole?: string;
  /**
   * When kept lines have no subject ("Refactored the pipeline…"): they are kept as written, and
   * this says which and how a candidate would say them.
   */
  subjectless?: string;
}

/** What re-angle says of an answer that is an outline of arrow notes. */
export const OUTLINE_NOTE =
  "This answer is an outline of notes joined by arrows: re-angle keeps your lines as written, but no one can say them as they stand. Re-angle the variant you say aloud, or write these notes out as sentences first.";

// Questions answered with no episode: an introduction, a "why", a strength. Their sentences have
// no situation, result or lesson to name in a reason, whatever the tagger reads into them.
const NO_EPISODE: ReadonlySet<Competency> = new Set(["about-me", "motivation", "strength-weakness"]);

const NUMBER_WORDS: Readonly<Record<number, string>> = { 2: "two", 3: "three", 4: "four", 5: "five" };

/** The sentences of an answer as re-angle reads them: in order, markup left out, each with its STAR label. */
function toldSentences(text: string): Array<{ text: string; label: StarPart | undefined }> {
  let label: StarPart | undefined;
  const told: Array<{ text: string; label: StarPart | undefined }> = [];
  // A spoken answer (no full stops) is trimmed in the sentences the lens hears, not kept whole.
  for (const span of answerSpans(text)) {
    label = starLabel(span.text) ?? label;
    const said = stripMarkup(span.text).trim();
    if (/[\p{L}\p{N}]/u.test(said)) told.push({ text: said, label });
  }
  return told;
}

/**
 * Whether two answers say the same sentences in the same order, markup and layout aside: a
 * re-angle that trimmed nothing says its answer word for word, and is no new variant.
 * @example saysTheSame("**Situation**: I led it.\n\nIt shipped.", "I led it. It shipped.") // true
 */
export function saysTheSame(a: string, b: string): boolean {
  const left = toldSentences(a).map((t) => t.text.replace(/\s+/g, " "));
  const right = toldSentences(b).map((t) => t.text.replace(/\s+/g, " "));
  return left.length === right.length && left.every((sentence, i) => sentence === right[i]);
}

/**
 * Re-angles an answer for another role by trimming, never by rewriting: sentences that speak only
 * to the old role's skills are left out, one kept as the line on how it reached production; the
 * sentences that answer the question (for a mistake question: the mistake, owning it, the
 * lesson), the setting, the result and the lesson always stay; every kept sentence is the user's
 * own, whole, in its original order, markup left out.
 * @example const out = reangle(devopsStory, { fromRole: "mlops-engineer", toRole: "ml-engineer" });
 * out.coreShare.after > out.coreShare.before // true for an infrastructure-heavy story
 */
export function reangle(text: string, options: ReangleOptions): Reangled {
  if (text.trim() === "") {
    throw new DeriskError("BAD_INPUT", "The answer is empty: paste the answer to re-angle.");
  }
  const told = toldSentences(text);
  const vocabulary = ROLE_VOCABULARY[options.toRole];
  const questionTokens = new Set(contentTokens(options.question ?? ""));
  const competency = options.question?.trim() ? classify(options.question).competency : undefined;
  // The part a sentence plays is the lens tagger's reading, with the user's own STAR label
  // ("**Result**:") as its prior, as compose reads a story's fields: the part a reason names is
  // the part the lens beside it shows.
  const parts = tagStoryParts(
    told.map((t) => t.text),
    told.map((t) => t.label),
  );
  // The setting is the first sentence that tells something: a "Sure." or "Thank you for having
  // me." before it is a courtesy, not the scene.
  const opening = Math.max(
    0,
    told.findIndex((t) => !isPleasantry(t.text)),
  );
  // What the question needs kept, read as the timing fix's cut reads it (questionNeeds): the
  // sentences that answer it (for a mistake question: the mistake, owning it, the fix) and what
  // went wrong, told before the mistake is found (before the first deed, for a story the question
  // asks no mistake of): the rest of the answer fixes it, so it stays whatever skills it names
  // ("the Kubernetes ingress started failing…" before "I traced the issue to…").
  const { answering, wentWrong } = questionNeeds(
    told.map((t) => t.text),
    parts,
    competency,
  );

  const sentences = told.map((t, from) => {
    const terms = findRoleTerms(t.text, options.toRole, options.fromRole);
    const part = parts[from] ?? "action";
    const asked = answering.has(from) || contentTokens(t.text).some((token) => questionTokens.has(token));
    const adjacentOnly = terms.adjacent.length > 0 && terms.adjacent.length > terms.core.length;
    // The setting, the result and the lesson carry the story whatever the role; so do the
    // sentences that answer the question.
    const closing = (p: StarPart | undefined) => p === "result" || p === "lesson";
    const protectedPart = from === opening || closing(part) || closing(t.label);
    return {
      from,
      text: t.text,
      part,
      core: terms.core.length,
      adjacent: terms.adjacent.length,
      asked,
      courtesy: from < opening,
      adjacentOnly,
      problem: wentWrong.has(from),
      trimmable: adjacentOnly && !asked && !protectedPart && !wentWrong.has(from),
    };
  });

  // Keep one adjacent sentence, the one that says most about the role's core: the platform is
  // how the work reached production, told in a line.
  const keepAdjacent = sentences
    .filter((s) => s.trimmable)
    .sort((a, b) => b.core - a.core || a.adjacent - b.adjacent || a.from - b.from)[0];
  const trimmed = new Set(sentences.filter((s) => s.trimmable && s !== keepAdjacent));
  // A line that announces a count ("The challenge was twofold:") goes with the items it counts:
  // kept with one of them trimmed, it promises two things and says one.
  const announced = new Map<(typeof sentences)[number], string>();
  sentences.forEach((lead, i) => {
    const count = announcedCount(lead.text);
    if (count === undefined) return;
    const group = sentences.slice(i, i + 1 + count);
    if (group.every((s) => trimmed.has(s))) return;
    for (const s of group.slice(1)) {
      trimmed.delete(s);
      announced.set(s, `one of the ${NUMBER_WORDS[count] ?? count} things “${lead.text}” announces`);
    }
    trimmed.delete(lead);
  });
  // A kept sentence that leans on the one before keeps it (a list item with no subject keeps
  // the lead-in that gives it one).
  const texts = sentences.map((s) => s.text);
  for (let i = sentences.length - 1; i > 0; i -= 1) {
    const s = sentences[i];
    const before = sentences[antecedentOf(texts, i)];
    // "Then, I…" is the next step after any step kept before it.
    if (
      s &&
      leansOnAnyStep(s.text) &&
      stepSaidBefore(sentences, i, (j) => !trimmed.has(sentences[j] as (typeof sentences)[number]))
    )
      continue;
    if (s && before && !trimmed.has(s) && trimmed.has(before) && leansBack(s.text)) {
      trimmed.delete(before);
    }
  }

  const kept = sentences.filter((s) => !trimmed.has(s));
  // "an ML engineer role", "a data scientist role": the article follows the sound of the title.
  const roleTitle = roleInSentence(vocabulary.title);
  const forRole = `for ${/^(?:[AEIOUaeiou]|ML)/.test(roleTitle) ? "an" : "a"} ${roleTitle} role`;
  const episode = competency === undefined || !NO_EPISODE.has(competency);
  const keptReason = (s: (typeof sentences)[number]): string => {
    if (s.courtesy) return "a courtesy to the interviewer, whatever the role";
    if (s.asked) return "answers the question asked";
    if (s.problem) return "says what went wrong, which the rest of the answer is about";
    if (s === keepAdjacent) return `the one line kept on adjacent skills ${forRole}`;
    // In a story the result and the lesson stay before anything else is weighed.
    if (episode && (s.part === "result" || s.part === "lesson"))
      return `the ${s.part} stays whatever the role`;
    if (s.core > 0) return `speaks to the ${roleTitle} core (${s.core} term${s.core === 1 ? "" : "s"})`;
    const inList = announced.get(s);
    if (inList !== undefined) return inList;
    if (s.trimmable) return "the sentence after it leans on it";
    if (episode) return s.from === opening ? "sets the scene" : "keeps the story whole";
    if (!s.adjacentOnly) return "not about adjacent skills only";
    // Named for where it stands: a line in the middle of an introduction is neither its opening
    // nor its close, whatever the lens hears in it.
    if (s.from === opening) return "the opening stays whatever the role";
    if (s.from === sentences.length - 1) return "the close stays whatever the role";
    return "says what you bring, whatever the role";
  };
  const diff: ReangleDiffEntry[] = sentences.map((s) => {
    if (trimmed.has(s)) {
      return {
        from: s.from,
        status: "trimmed",
        text: s.text,
        part: s.part,
        reason: `speaks to adjacent skills only (${s.adjacent} term${s.adjacent === 1 ? "" : "s"}) ${forRole}`,
      };
    }
    return {
      from: s.from,
      to: kept.indexOf(s),
      status: "kept",
      text: s.text,
      part: s.part,
      reason: keptReason(s),
    };
  });

  const out = kept.map((s) => s.text);
  const result = joinSentences(out);
  const namesOtherRole = otherRoleNote(out, options.toRole);
  // An outline's arrow notes have their own note; a kept line with no subject is said as written.
  const subjectless = readsAsOutline(text) ? undefined : subjectlessNote(out, "answer");
  const before = joinSentences(told.map((t) => t.text));
  return {
    text: result,
    sentences: out,
    diff,
    coreShare: {
      before: coreShare(before, options.toRole, options.fromRole),
      after: coreShare(result, options.toRole, options.fromRole),
    },
    ...(readsAsOutline(text) ? { outline: OUTLINE_NOTE } : {}),
    ...(subjectless === undefined ? {} : { subjectless }),
    ...(namesOtherRole === undefined ? {} : { namesOtherRole }),
  };
}

// The fields a team or role is named by ("an applied ML team", "ML engineering roles", "a data
// science team"), and the roles each fits: an ML team is where ML, MLOps and research roles sit.
const ROLE_FIELDS: ReadonlyArray<{ words: RegExp; roles: readonly RoleId[] }> = [
  {
    words: /\b(?:ml|machine learning|ai|deep learning)\b/i,
    roles: ["ml-engineer", "mlops-engineer", "research-scientist"],
  },
  { words: /\b(?:mlops|ml platform|ml ?infra(?:structure)?)\b/i, roles: ["mlops-engineer"] },
  { words: /\b(?:data|analytics|data science)\b/i, roles: ["data-scientist"] },
  {
    words: /\b(?:software|backend|back-end|full[- ]stack|frontend|front-end)\b/i,
    roles: ["software-engineer"],
  },
  { words: /\bresearch\b/i, roles: ["research-scientist"] },
];

// "an applied ML team", "a data or ML engineering team": up to four words before the team or role
// they name, in a line that says what you want next ("I'm looking for…", "excited to bring … to",
// "to join…"); "I told the ML team" names a team you worked with, not the one you want.
const TEAM_OR_ROLE = /\b((?:[\w/-]+\s+){1,4})(?:team|teams|roles?|positions?|jobs?)\b/gi;
const WANTS =
  /\b(?:looking for|looking to|excited|eager|keen|hope|hoping|want|wanting|join|joining|bring|next role|move into|moving into)\b/i;

/**
 * What re-angle says when a kept line names the team or role you are pitched for as one the new
 * role is not ("…to an applied ML team." for a Software Engineer): said to that panel, it names the
 * wrong job, and derisk never rewrites your words. Undefined when no kept line does.
 * @example otherRoleNote(["I'm excited to join an applied ML team."], "software-engineer") // "1 line names …"
 */
export function otherRoleNote(kept: readonly string[], toRole: RoleId): string | undefined {
  const naming = kept.flatMap((line) => {
    if (!WANTS.test(line)) return [];
    for (const match of stripMarkup(line).matchAll(TEAM_OR_ROLE)) {
      const named = ROLE_FIELDS.filter((f) => f.words.test(match[1] ?? "")).flatMap((f) => f.roles);
      if (named.length > 0 && !named.includes(toRole)) return [match[0].trim()];
    }
    return [];
  });
  if (naming.length === 0) return undefined;
  const title = roleInSentence(ROLE_VOCABULARY[toRole].title);
  const article = /^(?:[AEIOUaeiou]|ML)/.test(title) ? "an" : "a";
  const quoted = naming.map((phrase) => `“${phrase}”`).join(", ");
  return `${naming.length === 1 ? "1 line says" : `${naming.length} lines say`} you want another role's team (${quoted}): to ${article} ${title} panel, name the team or role you are applying for as you say it. derisk keeps your sentences as you wrote them.`;
}
