import { ACTION_LEMMAS, LESSON_CUE } from "../analysis/data/star-cues.ts";
import { tokenize } from "../analysis/nlp.ts";
import { DeriskError } from "../errors.ts";
import type { AnswerItem } from "../model.ts";
import {
  type Analysis,
  analyzeText,
  askedThings,
  type SemanticMatch,
  type SentenceEmbeddings,
  type Strength,
  semanticMatch,
  thingCredits,
  type YearsClaim,
  yearsClaims,
  yearsRequired,
} from "../semantic/index.ts";
import { wordRank } from "../semantic/vectors.ts";
import {
  changeShown,
  degreeShown,
  doneShown,
  leansOnTrouble,
  madeShown,
  statesPlan,
  troubleShown,
} from "./acts.ts";
import {
  CHROME_LINE,
  MISSION_CUE,
  POSTING_STOPWORDS,
  type PostingSection,
  REQUIREMENT_CUE,
  SECTION_CUES,
  SENIORITY_CUE,
  SKILL_PHRASES,
  VALUE_CUE,
} from "./data/posting-cues.ts";
import { TOOL_TERMS, type ToolTerm } from "./data/tools.ts";
import { type Story, storySentences } from "./story.ts";
import {
  contentTokens,
  joinSentences,
  lacksSubject,
  leadsIntoNext,
  leansBack,
  type Span,
  sayNote,
  splitSentences,
  stem,
  stripMarkup,
  termPattern,
  words,
} from "./text.ts";
import type { Profile } from "./trailer.ts";

/** Longest posting accepted, in characters: a real posting is under 20,000. */
export const MAX_POSTING_CHARS = 200_000;

export type RequirementKind = "skill" | "responsibility" | "seniority" | "value";

/** One thing a posting asks for, located in the original text. */
export interface Requirement {
  id: string;
  kind: RequirementKind;
  /** The requirement as it reads, markup removed. */
  text: string;
  /** UTF-16 offsets into the posting as given: `quote === posting.slice(start, end)`. */
  start: number;
  end: number;
  quote: string;
  /** The heading it stands under, if any. */
  section?: string;
  /** False under "preferred", "nice to have", "not required". */
  required: boolean;
  /** Skills and tools it names. */
  skills: string[];
  /** Years of experience asked for. */
  years?: number;
}

export interface PostingRequirements {
  requirements: Requirement[];
  /** Every skill or tool the posting names, first mention first. */
  skills: string[];
  /** The posting's company, when it says. */
  company?: string;
  title?: string;
  /** Notes for the user (non-English text, nothing recognised). */
  notes: string[];
}

const SKILL_NAMES = new Map<string, string>([
  ...TOOL_TERMS.flatMap((t) => t.terms.map((term) => [term, t.name] as [string, string])),
  ...SKILL_PHRASES.map((p) => [p, p] as [string, string]),
]);
const SKILL_PATTERN = termPattern([...SKILL_NAMES.keys()]);
const NOISE = new Set([...POSTING_STOPWORDS].map(stem));
const ENGLISH = new Set(
  "the and of to in a you we our for with is are will be on as this that your have or an at by from".split(
    " ",
  ),
);

function skillsIn(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(SKILL_PATTERN)) {
    const name = SKILL_NAMES.get(match[1] ?? match[0]);
    if (name !== undefined && !out.includes(name)) out.push(name);
  }
  return out;
}

const blank = (s: string) => s.replace(/[^\n]/g, " ");

/**
 * Blanks out what is not the posting — front matter, scripts, HTML and MDX tags, link
 * targets, Markdown markers, apply buttons and site chrome — keeping every other character
 * where it stood, so offsets into the result are offsets into the original.
 * @example maskPosting("**Skills**: Python").trimStart() // "Skills  : Python"
 */
export function maskPosting(raw: string): string {
  let text = raw.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/, blank);
  text = text
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/^[ \t]*(?:import|export)\s.*$/gm, blank)
    // An element whose only text is an apply call is chrome as a whole.
    .replace(/<([A-Za-z][\w.]*)\b[^>]*>\s*(?:apply[^<]{0,30}|learn more|share)\s*<\/\1\s*>/gi, blank)
    .replace(/<\/?[A-Za-z][^>]*>/g, blank)
    // A task-list box after a bullet ("- [ ] Spark", "- [x] Python") is markup, not the ask.
    .replace(
      /^([ \t]*(?:[-*•+]|\d+[.)])[ \t]+)\[[ xX]\](?=[ \t])/gm,
      (m, lead: string) => lead + blank(m.slice(lead.length)),
    )
    .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, blank)
    .replace(/\[(?=[^\]\n]*\]\()/g, " ")
    // A link target ends at its bracket, or (left unclosed) at the first space or line end: it
    // never runs on into the next lines.
    .replace(/\]\((?:[^)\n]*\)|[^)\s]*)/g, blank)
    .replace(/&(?:amp|nbsp|lt|gt|quot|#39);/g, (s) => (s === "&amp;" ? "&    " : blank(s)))
    .replace(/\*\*|__|`/g, (s) => blank(s))
    .replace(/^[ \t]*#{1,6}[ \t]/gm, blank)
    .replace(/^[ \t]*>[ \t]?/gm, blank);
  // Whole lines of chrome: apply footers, navigation, badge rows ("💰 65k-95k USD").
  return text.replace(/^.*$/gm, (line) => {
    const trimmed = line.trim();
    if (trimmed === "") return line;
    if (CHROME_LINE.test(trimmed) && trimmed.split(/\s+/).length <= 14) return blank(line);
    if (!/[\p{L}]{3,}/u.test(trimmed.replace(/\b(?:usd|eur|gbp|remote|k)\b/gi, ""))) return blank(line);
    return line;
  });
}

function sectionOf(heading: string): PostingSection {
  const lower = heading.toLowerCase().replace(/[’]/g, "'");
  for (const [section, cue] of SECTION_CUES) if (cue.test(lower)) return section;
  return "other";
}

interface Line {
  start: number;
  end: number;
  raw: string;
  masked: string;
}

function linesOf(raw: string, masked: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const line of masked.split("\n")) {
    out.push({ start, end: start + line.length, raw: raw.slice(start, start + line.length), masked: line });
    start += line.length + 1;
  }
  return out;
}

function isHeading(line: Line): boolean {
  const text = line.masked.trim();
  if (text === "" || text.length > 80) return false;
  if (/^\s*#{1,6}\s/.test(line.raw)) return true;
  if (/^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*:?\s*$/.test(line.raw)) return true;
  // Pasted plain text loses its markup: a short line that names a section is its heading.
  if (
    !BULLET.test(line.raw) &&
    !/[.!?,;]$/.test(text) &&
    text.split(/\s+/).length <= 6 &&
    sectionOf(text) !== "other" &&
    // "Experience with AWS" or "Experience in payments" asks for something: not a heading.
    !/\b(?:experience (?:with|in|building|deploying|of)|knowledge of|familiar|ability to|degree in|years? of)\b/i.test(
      text,
    ) &&
    skillsIn(text).length === 0
  ) {
    return true;
  }
  return /:\s*$/.test(text) && text.split(/\s+/).length <= 8 && !/^[-*•]/.test(line.raw.trim());
}

const BULLET = /^\s*(?:[-*•+]|\d+[.)])\s+/;
// A list item's own label ("- Nice to have: Airflow"): only the words of a label, so "Experience
// with NLP: text classification" keeps its ask.
const ITEM_LABEL =
  /^(nice[- ]to[- ]have|bonus(?: points)?|a plus|plus|preferred|desirable|optional|must[- ]have|required)\s*:\s+/i;

// A section label that opens a sentence ("requirements: 5+ years python, pytorch."), as a
// posting pasted into one paragraph keeps its headings.
const INLINE_LABEL = /^([\p{L}'’]+(?: [\p{L}'’]+){0,4})\s*:\s+/u;
const LIST_SECTIONS: ReadonlySet<PostingSection> = new Set([
  "requirements",
  "preferred",
  "responsibilities",
  "benefits",
]);

/**
 * A sentence that opens with a list section's label, with its items split at commas and
 * semicolons ("and"/"or" before the last dropped); offsets stay those of the posting.
 */
function inlineSection(
  sentence: Span,
): { heading: string; section: PostingSection; items: Span[] } | undefined {
  const label = INLINE_LABEL.exec(sentence.text);
  const heading = label?.[1];
  if (label === null || heading === undefined) return undefined;
  const section = sectionOf(heading);
  if (!LIST_SECTIONS.has(section)) return undefined;
  const items: Span[] = [];
  const rest = sentence.text.slice(label[0].length);
  for (const match of rest.matchAll(/[^,;]+/g)) {
    const lead = /^\s*(?:(?:and|or)\s+)?/i.exec(match[0])?.[0].length ?? 0;
    const text = match[0].slice(lead).replace(/[\s.]+$/, "");
    if (text === "") continue;
    const start = sentence.start + label[0].length + match.index + lead;
    items.push({ text, start, end: start + text.length });
  }
  return { heading, section, items };
}

function trimSpan(
  raw: string,
  start: number,
  end: number,
  masked: string,
  keepPeriod = true,
): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(masked[s] ?? "")) s++;
  while (e > s && /[\s.;,]/.test(masked[e - 1] ?? "")) e--;
  // Keep a closing period the user wrote on a line of its own; drop markup left at the edges.
  // The full stop after an inline list ("requirements: a, b, c.") ends the list, not its last item.
  if (keepPeriod && raw[e] === ".") e++;
  return { start: s, end: e };
}

function languageNote(text: string): string | undefined {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  if (letters > 40 && latin / letters < 0.5) {
    return "The posting is mostly in a non-Latin script: derisk reads English postings; only skill names written in English were matched.";
  }
  // Running English text is about a quarter function words; other languages share few. Only
  // lines of running text count: a terse list ("Python, SQL, Spark") has none in any language.
  const running = text
    .split("\n")
    .map((line) => words(line))
    .filter((lineWords) => lineWords.length >= 6)
    .flat();
  if (running.length >= 20 && running.filter((w) => ENGLISH.has(w)).length / running.length < 0.1) {
    return "The posting does not look like English: requirements were found from its layout only, and few skills may match.";
  }
  return undefined;
}

function frontMatterField(raw: string, field: string): string | undefined {
  const fm = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(raw)?.[1];
  if (fm === undefined) return undefined;
  const value = new RegExp(`^${field}\\s*:\\s*["']?(.+?)["']?\\s*$`, "im").exec(fm)?.[1]?.trim();
  return value === "" ? undefined : value;
}

const ROLE_NOUN =
  /\b(?:engineer|scientist|developer|analyst|manager|lead|architect|researcher|designer|specialist|consultant|director|intern|head of|ml|mle|sre|devops)\b/i;
const LABELLED = (label: string) => new RegExp(`^\\s*(?:${label})\\s*[:：]\\s*(.{2,80}?)\\s*$`, "im");

// A first line that names the role and the company: "Senior ML Engineer — Acme Payments",
// "Data Scientist | Acme", "ML Engineer at Acme", "Acme Robotics — Senior ML Engineer",
// "Senior ML Engineer | Acme Robotics | Berlin". Its parts are cut at a dash, a bar or a dot
// between spaces (never a hyphen inside a word: it joins "Full-stack"), or at " at " after the
// role; the role is the part that names one, the company the part beside it that is a name —
// never a work mode ("Remote"), a place ("Berlin", "Austin, TX") or a team ("Perception Team").
const TITLE_SEPARATOR = /[ \t]+(?:[—–|·•-]|at)[ \t]+/u;
const NAME_PART = /^[A-Z][\p{L}\p{N}&.'-]*(?:[ \t]+[A-Z&][\p{L}\p{N}&.'-]*){0,3}$/u;
const NAME_PART_LOWER = /^[\p{L}\p{N}][\p{L}\p{N}&.'-]*(?:[ \t]+[\p{L}\p{N}&][\p{L}\p{N}&.'-]*){0,3}$/u;
// A company's legal form is no part of the name said aloud: "Acme Robotics, Inc." is Acme Robotics.
const LEGAL_FORM = /,?[ \t]+(?:Inc|Ltd|LLC|GmbH|AG|SA|S\.A|BV|B\.V|Corp|Co|PLC|Pty Ltd|Limited)\.?$/i;
// Where or how the job is done, said where a company would be: "Remote", "Hybrid / EU", "US only".
const WORK_MODE_WORDS = new Set(
  (
    "remote hybrid onsite on-site office in anywhere worldwide global full-time part-time full part time " +
    "contract freelance internship temporary permanent first friendly only or and emea apac latam " +
    "americas europe eu uk us usa north south america asia africa oceania"
  ).split(" "),
);
const isWorkMode = (part: string) =>
  part
    .toLowerCase()
    .split(/[\s,/&]+/)
    .filter((w) => w !== "")
    .every((w) => WORK_MODE_WORDS.has(w));
// The cities and countries job boards name most, so "Senior ML Engineer — Berlin" is no company;
// "City, ST" or "City, Country" reads as a place by its shape.
const PLACES = new Set(
  (
    "amsterdam athens atlanta austin bangalore bengaluru barcelona beijing berlin boston brussels " +
    "budapest cairo cambridge chicago copenhagen dallas delhi denver dubai dublin edinburgh " +
    "frankfurt geneva hamburg helsinki houston hyderabad istanbul jakarta johannesburg krakow lagos " +
    "lisbon london lyon madrid manchester melbourne miami milan montreal moscow mumbai munich nairobi " +
    "nyc oslo oxford paris porto prague pune rome seattle seoul shanghai singapore stockholm sydney " +
    "taipei tallinn tokyo toronto vancouver vienna warsaw zurich germany france spain portugal italy " +
    "netherlands belgium switzerland austria poland ireland sweden norway denmark finland estonia " +
    "canada mexico brazil argentina india china japan korea israel egypt nigeria kenya australia"
  ).split(" "),
);
const PLACE_NAMES = [
  "buenos aires",
  "hong kong",
  "los angeles",
  "mexico city",
  "new york",
  "new york city",
  "san diego",
  "san francisco",
  "bay area",
  "sf bay area",
  "sao paulo",
  "são paulo",
  "tel aviv",
  "washington dc",
  "new zealand",
  "united states",
  "united kingdom",
];

function isPlace(part: string): boolean {
  const text = part.trim().toLowerCase().replace(/\.$/, "");
  if (/^[\p{L} .'-]+,[ \t]*[\p{L} .'-]+$/u.test(part.trim())) {
    // "Austin, TX", "Lisbon, Portugal": a place by its shape when either side is one.
    const [city, region] = text.split(/,\s*/);
    if (/^[A-Z]{2,3}$/.test(part.trim().split(/,\s*/)[1] ?? "")) return true;
    return isPlace(city ?? "") || isPlace(region ?? "");
  }
  if (PLACE_NAMES.includes(text)) return true;
  return text.split(/\s+/).length === 1 && PLACES.has(text);
}

const TEAM = /\b(?:team|group|department|division|squad|org|organi[sz]ation|unit|lab)$/i;

function titleLine(lines: readonly Line[]): { title: string; company: string } | undefined {
  const first = firstTextLine(lines)
    ?.replace(/^#+\s*/, "")
    // Where the job is, after the company: "ML Engineer — Acme (Lisbon or remote)".
    .replace(/\s*\([^()]*\)$/, "");
  if (first === undefined) return undefined;
  // Typed all in lower case ("ml engineer – acme payments"), the company has no capital either.
  const lower = !/\p{Lu}/u.test(first);
  // "Acme Robotics: Senior ML Engineer" names the company first, then a colon.
  const colon = /^([^:]{2,60}):[ \t]+(.{3,80})$/u.exec(first);
  const notAName = lower ? new RegExp(NOT_A_NAME.source, "i") : NOT_A_NAME;
  const isName = (part: string | undefined): part is string =>
    part !== undefined &&
    (lower ? NAME_PART_LOWER : NAME_PART).test(part) &&
    !ROLE_NOUN.test(part) &&
    !notAName.test(part) &&
    !isWorkMode(part) &&
    !isPlace(part) &&
    !TEAM.test(part) &&
    sectionOf(part) === "other";
  const split =
    colon?.[1] && colon[2] && !ROLE_NOUN.test(colon[1]) && ROLE_NOUN.test(colon[2])
      ? [colon[1], colon[2]]
      : first.split(TITLE_SEPARATOR);
  const parts = split.length >= 2 ? split : commaParts(first, lines, isName);
  if (parts === undefined || parts.length < 2) return undefined;
  // A role derisk has no word for ("Operations Coordinator — Larkspur Logistics"): the part the
  // posting names again below ("Larkspur Logistics moves fresh produce…") is the company, and a
  // part beside it the title.
  let at = parts.findIndex((p) => ROLE_NOUN.test(p));
  if (at < 0) {
    const rest = lines
      .map((l) => l.masked)
      .join("\n")
      .replace(firstTextLine(lines) ?? "", "");
    const named = parts.findIndex((p) => {
      const name = p.trim().replace(LEGAL_FORM, "");
      return (
        isName(name) &&
        new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "u").test(rest)
      );
    });
    if (named < 0) return undefined;
    const title = [parts[named - 1], parts[named + 1]].find(
      (p) => p !== undefined && p.trim() !== "" && !isPlace(p) && !isWorkMode(p),
    );
    if (title === undefined) return undefined;
    at = parts.indexOf(title);
  }
  // The part right after the role first ("Engineer — Acme — Berlin"), else the one before it.
  const company = [parts[at + 1], parts[at - 1]].map((p) => p?.trim().replace(LEGAL_FORM, "")).find(isName);
  const title = parts[at]?.trim();
  if (company === undefined || !title) return undefined;
  return { title, company };
}

/**
 * A title line cut at its comma, "Senior ML Engineer, Acme", when the part beside the role is the
 * company: a name (no skill or field: "Software Engineer, Machine Learning" and "ML Engineer,
 * Platform" name a team) that the posting's prose names as a company again — "About Acme",
 * "at Acme", "join Acme", "Acme builds…", "Acme's". A name the prose never calls a company is
 * read as the role's team, and the line stays the title.
 * @example commaParts("Senior ML Engineer, Acme", linesOf(posting, posting), isName) // ["Senior ML Engineer", "Acme"] when the posting says "At Acme, we…"
 */
function commaParts(
  first: string,
  lines: readonly Line[],
  isName: (part: string | undefined) => part is string,
): string[] | undefined {
  const cut = /^([^,]{3,80}),[ \t]+([^,]{2,60})$/u.exec(first);
  const [left, right] = [cut?.[1]?.trim(), cut?.[2]?.trim()];
  if (left === undefined || right === undefined) return undefined;
  const roleFirst = ROLE_NOUN.test(left) && !ROLE_NOUN.test(right);
  const nameFirst = ROLE_NOUN.test(right) && !ROLE_NOUN.test(left);
  if (!roleFirst && !nameFirst) return undefined;
  const name = (roleFirst ? right : left).replace(LEGAL_FORM, "");
  if (!isName(name) || skillsIn(name).length > 0) return undefined;
  const rest = lines
    .map((l) => l.masked)
    .join("\n")
    .replace(firstTextLine(lines) ?? "", "");
  const n = escapeRegExp(name);
  const asCompany = new RegExp(
    `(?:\\b(?:[Aa]bout|[Aa]t|[Jj]oin|[Jj]oining|[Ww]ith|[Ff]or)[ \\t]+${n}(?![\\p{L}\\p{N}])(?![ \\t]+(?:${TEAM_WORDS})\\b))` +
      `|(?:(?<![\\p{L}\\p{N}])${n}(?:['’]s\\b|[ \\t]+(?:is|was|builds|helps|makes|creates|develops|provides|serves|runs|sells|designs|has|was founded|is hiring|is looking)\\b))`,
    "u",
  );
  if (!asCompany.test(rest)) return undefined;
  // The prose calls another company by name ("About Acme", "At Acme, we…"): this one is a team.
  const prose = companyFromProse(lines);
  if (prose !== undefined && !namesOf(prose).includes(name) && !namesOf(name).includes(prose))
    return undefined;
  return [left, right];
}

const TEAM_WORDS = "team|group|department|division|squad|org|organi[sz]ation|unit|lab";

// A line that is only an address ("https://jobs.acme.com/ml-engineer", "jobs.lever.co/acme/123")
// is where the posting was copied from, not its title; a company is never read from its spelling.
const URL_LINE =
  /^(?:<?https?:\/\/\S+|www\.\S+|[\w-]+(?:\.[\w-]+)*\.(?:com|io|co|ai|org|net|dev|app|jobs)(?:\/\S*)?)>?$/i;

/** The first line with text that is not an address. */
function firstTextLine(lines: readonly Line[]): string | undefined {
  return lines.map((l) => l.masked.trim()).find((t) => t !== "" && !URL_LINE.test(t));
}

/** The role the posting is for: front matter, a "Job title:" line, the first heading, or a short first line naming a role. */
function findTitle(raw: string, lines: readonly Line[]): string | undefined {
  const fromFront = frontMatterField(raw, "title");
  if (fromFront) return fromFront;
  const masked = lines.map((l) => l.masked).join("\n");
  const labelled = LABELLED("job title|title|role|position").exec(masked)?.[1]?.trim();
  if (labelled) return labelled;
  const named = titleLine(lines);
  if (named) return named.title;
  const heading = withoutTrailingSeparator(lines.find((l) => /^\s*#\s/.test(l.raw))?.masked.trim());
  if (heading) return heading;
  const first = withoutTrailingSeparator(firstTextLine(lines));
  if (first && isRoleLine(first)) return first;
  return undefined;
}

/** A short line that names a role and is not a sentence: "Senior ML Engineer". */
function isRoleLine(line: string): boolean {
  return line.split(/\s+/).length <= 8 && ROLE_NOUN.test(line) && !/[.!?]$/.test(line);
}

/** "Senior ML Engineer —" (a title line whose company was left off) is the role "Senior ML Engineer". */
function withoutTrailingSeparator(line: string | undefined): string | undefined {
  return line?.replace(/[\s·•|–—:,-]+$/u, "");
}

const NOT_A_NAME =
  /^(?:The|Our|A|An|We|You|This|It|There|Least|Scale|Remote|Hybrid|Onsite|On-site|Full|Part|Contract|Temporary|What|About)\b/;

function findCompany(raw: string, lines: readonly Line[]): string | undefined {
  const fromFront = frontMatterField(raw, "company");
  if (fromFront) return fromFront;
  const labelled = LABELLED("company|company name|employer|organi[sz]ation").exec(
    lines.map((l) => l.masked).join("\n"),
  )?.[1];
  if (labelled) return labelled.trim();
  const named = titleLine(lines);
  if (named) {
    // A name on the title line that the posting never says again, while its prose names another
    // company ("Senior ML Engineer — Perception" then "At Acme, we…"), is not the company.
    const rest = lines
      .map((l) => l.masked)
      .join("\n")
      .replace(firstTextLine(lines) ?? "", "");
    const again = namesOf(named.company).some((n) =>
      new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n)}(?![\\p{L}\\p{N}])`, "iu").test(rest),
    );
    const prose = again ? undefined : companyFromProse(lines);
    return prose ?? named.company;
  }
  // A board's header line: "Acme · Berlin (Remote)", "Acme | NYC", "Acme - London".
  const nonEmpty = lines.filter((l) => l.masked.trim() !== "").slice(0, 3);
  for (const line of nonEmpty.slice(1)) {
    const head = /^([A-Z][\p{L}\p{N}&.'-]*(?:[ \t]+[A-Z][\p{L}\p{N}&.'-]*){0,3})[ \t]+[·•|–—-][ \t]+\S/u.exec(
      line.masked.trim(),
    )?.[1];
    if (head && !NOT_A_NAME.test(head) && sectionOf(head) === "other" && !ROLE_NOUN.test(head)) return head;
  }
  // Job boards put the company on a short line right under the title: the first heading, or a
  // pasted first line that names a role ("Senior ML Engineer —" then "Fabrikam Health").
  const firstHeading = lines.findIndex((l) => /^\s*#\s/.test(l.raw));
  const firstLine = lines.findIndex((l) => l.masked.trim() !== "" && !URL_LINE.test(l.masked.trim()));
  const firstText = withoutTrailingSeparator(lines[firstLine]?.masked.trim()) ?? "";
  const titleAt = firstHeading >= 0 ? firstHeading : firstLine >= 0 && isRoleLine(firstText) ? firstLine : -1;
  if (titleAt >= 0) {
    const next = lines.slice(titleAt + 1).find((l) => l.masked.trim() !== "");
    const name = next?.masked.trim();
    if (
      name &&
      /^[A-Z][\p{L}\p{N}&.' -]{1,40}$/u.test(name) &&
      sectionOf(name) === "other" &&
      name.split(/\s+/).length <= 4 &&
      (firstHeading >= 0 || (!ROLE_NOUN.test(name) && !NOT_A_NAME.test(name)))
    ) {
      return name;
    }
  }
  return companyFromProse(lines);
}

/** The company as the posting's prose names it: "About Acme", "Join Acme", "Acme is hiring…", "At Acme, we…". */
function companyFromProse(lines: readonly Line[]): string | undefined {
  for (const line of lines) {
    // "About Acme" as a line or a heading ("## About Acme"), or opening a line: "About Acme Robotics: we build…".
    const about =
      /^(?:#+[ \t]*)?[Aa]bout[ \t]+([A-Z][\p{L}\p{N}&.'-]+(?:[ \t]+[A-Z][\p{L}\p{N}&.'-]+){0,2})[ \t]*(?::|$)/u.exec(
        line.masked.trim(),
      );
    const name = about?.[1];
    if (name && !/^(?:Us|You|The|This|Our|Me|Yourself|Working|Life)\b/.test(name) && !ROLE_NOUN.test(name))
      if (sectionOf(name) === "other") return name;
  }
  const text = lines.map((l) => l.masked).join("\n");
  // [ \t] not \s: a company name never runs across a line break ("at Acme\n\n## Requirements").
  // "at" only after a word about the job ("Engineer at Acme", "life at Acme"), not a venue
  // ("published research at NeurIPS").
  const at =
    /(?:(?<=\b(?:why work|to work|working|team|here|life|careers?|jobs?|position|role|opportunity|engineer|scientist|developer|analyst|manager|lead|us)[ \t]+)[Aa]t|\b[Jj]oin|\b[Jj]oining|(?:^|\n)[ \t]*(?:[Ww]e are|[Ww]e're|At)(?=[ \t]+[A-Z][\p{L}\p{N}&'-]*(?:[ \t]+[A-Z][\p{L}\p{N}&'-]*)?,))[ \t]+([A-Z][\p{L}\p{N}&.'-]+(?:[ \t]+[A-Z][\p{L}\p{N}&'-]+)?)/u.exec(
      text,
    )?.[1];
  if (at && !/^(?:The|Our|A|An|Least|Scale)\b/.test(at)) return at.replace(/[.,]$/, "");
  const is =
    /(?:^|\n|\.\s+)([A-Z][\p{L}\p{N}&'-]+(?: [A-Z][\p{L}\p{N}&'-]+){0,2}) (?:is an? |is hiring|is looking|helps |builds |makes |creates |develops |provides |empowers |was founded)/u.exec(
      text,
    )?.[1];
  return is && !NOT_A_NAME.test(is) ? is : undefined;
}

/**
 * Extracts what a job posting asks for — skills, responsibilities, seniority, values —
 * after stripping site headers, apply footers, front matter and HTML/MDX components; each
 * requirement carries its offsets into the original text.
 * @example extractRequirements("## Requirements\n- 3+ years of Python").requirements[0]
 * // { kind: "seniority", text: "3+ years of Python", years: 3, skills: ["Python"], … }
 */
// The reader's clause in a sentence that tells them what they will do: "You will…", "You'll…",
// "In this role, you will…", "As our first ML hire you'll…".
const YOU_WILL =
  /^(?:[^,.;]{1,60},\s*|in this role\s+|here\s+)?you(?:\s+(?:will|shall)|['’]ll)\s+(?:also\s+)?(.+)$/i;
// What tells where the reader sits or what they get rather than what they do: joining, reporting,
// belonging, working alongside people, having the chance to.
const PLACEMENT =
  /^(?:join(?:ing)?|report(?:ing)?|sit(?:ting)?|belong|be (?:part|one|a member|based|joining|working (?:alongside|with(?:in)?|next to))|become (?:part|one|a member)|work (?:alongside|next to|within)|get to|have (?:the )?(?:chance|opportunity)|enjoy|learn from|meet)\b/i;
// "The team you'll join…", "Our group, which you will join,…": the reader is in a relative clause
// of what the sentence is about.
const READER_IN_RELATIVE =
  /^(?:the|our|a|an|this|that)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s*,?\s+(?:that\s+|which\s+)?you\b/iu;

/**
 * Whether a sentence only places the reader — the team they join, whom they report to or work
 * alongside — and asks nothing of them: "You will join a team of six engineers who run the
 * forecasting platform." A duty joined to it ("…and own the ingestion pipeline") is an ask.
 * @example placesReader("You'll report to the Head of Data and work alongside our analysts.") // true
 * @example placesReader("You will join the platform team and own our ingestion pipelines.") // false
 */
function placesReader(sentence: string): boolean {
  const text = sentence.trim();
  if (READER_IN_RELATIVE.test(text)) return true;
  const clause = /\byou(?:\s+(?:will|would|shall|can)|['’]ll)?\s+(?:also\s+)?(.+)$/i.exec(text)?.[1];
  if (clause === undefined) return false;
  const [head = "", ...rest] = clause.split(/,?\s+and\s+(?:you(?:\s+will|['’]ll)?\s+)?/i);
  if (!PLACEMENT.test(head)) return false;
  return !rest.some(
    (part) => !PLACEMENT.test(part) && tokenize(part).tokens.find((t) => t.type === "word")?.pos === "VERB",
  );
}

// What the reader is given or will feel rather than asked for: "You'll get a learning budget",
// "You will love our culture of ownership", "You'll enjoy…". "Have" is an ask when what follows
// is ("you have 3+ years of Python", "you'll have shipped…" is told in the past), a gift when it
// is a thing the company provides ("You'll have a generous learning budget").
const GIFT_VERB =
  /^(?:get|receive|enjoy|love|like|earn|benefit|be (?:given|offered|paid|rewarded|supported|welcomed))\b/i;
const GIFT_HAVE = /^have\s+(?!(?:been|had|shipped|built|led|worked|done|used)\b)(.+)$/i;
const ASK_OBJECT =
  /\b(?:experience|years?|knowledge|skills?|degree|background|understanding|familiarity|track record|proficien\w*|expertise|ability|command|fluency|grasp)\b/i;

/**
 * Whether a sentence only tells the reader what they get or will feel — a budget, a culture
 * they will love — and asks nothing of them.
 * @example givesReader("You'll have a generous learning budget.") // true
 * @example givesReader("You'll have 3+ years of Python.") // false
 */
function givesReader(sentence: string): boolean {
  const told = /\byou(\s+(?:will|would|shall|can|may)|['’]ll)?\s+(?:also\s+)?(.+)$/i.exec(sentence.trim());
  const clause = told?.[2];
  if (told === null || clause === undefined) return false;
  if (GIFT_VERB.test(clause)) return true;
  // "You have …" in the present is how a posting asks; only the future gives.
  const have = told[1] === undefined ? null : GIFT_HAVE.exec(clause);
  const object = have?.[1];
  return object !== undefined && !ASK_OBJECT.test(object) && skillsIn(object).length === 0;
}

/**
 * What a sentence under "About us", "Who we are" or "About the role" asks of the reader, if
 * anything: a duty they are told ("You will own the ingestion pipelines"), a quality or a skill
 * asked of "you". A sentence that tells of the company or the job, places the reader in a team
 * or tells what they get, asks nothing.
 * @example askOfReader("You will own the retraining of those models.") // "responsibility"
 * @example askOfReader("Acme builds forecasting software for grocers.") // undefined
 */
function askOfReader(sentence: string): RequirementKind | undefined {
  // Where the reader will sit ("You will join a team of six…", "You'll report to…"), and
  // a team whose members "you" only joins ("The team you'll join ships every day"), tell
  // of the team, not what is asked of the candidate; a duty the reader is told ("You will
  // own the ingestion pipelines") is one of the role's responsibilities.
  if (placesReader(sentence) || givesReader(sentence)) return undefined;
  const told = YOU_WILL.exec(sentence.trim());
  if (told !== null && asksToDo(told[1] ?? "")) return "responsibility";
  if (!/\byou\b/i.test(sentence)) return undefined;
  if (VALUE_CUE.test(sentence)) return "value";
  if (REQUIREMENT_CUE.test(sentence)) return SENIORITY_CUE.test(sentence) ? "seniority" : "skill";
  return undefined;
}

export function extractRequirements(posting: string): PostingRequirements {
  if (typeof posting !== "string" || posting.trim() === "") {
    throw new DeriskError("BAD_INPUT", "The job description is empty: paste the posting's text and retry.");
  }
  if (posting.length > MAX_POSTING_CHARS) {
    throw new DeriskError(
      "TOO_LARGE",
      `The job description is ${Math.round(posting.length / 1024)} KB, over the ${MAX_POSTING_CHARS / 1000} KB limit: paste only the posting itself, not the whole page.`,
    );
  }
  const masked = maskPosting(posting);
  if (masked.trim() === "") {
    throw new DeriskError(
      "BAD_INPUT",
      "The job description holds only markup (front matter, tags, links): paste the posting's text.",
    );
  }
  const lines = linesOf(posting, masked);
  const requirements: Requirement[] = [];
  const notes: string[] = [];
  const note = languageNote(masked);
  if (note) notes.push(note);

  let section: PostingSection = "other";
  let heading: string | undefined;
  let sawHeading = false;
  const add = (
    span: { start: number; end: number },
    kind: RequirementKind,
    required: boolean,
    keepPeriod = true,
  ) => {
    const { start, end } = trimSpan(posting, span.start, span.end, masked, keepPeriod);
    if (end <= start) return;
    const text = masked.slice(start, end).replace(/\s+/g, " ").trim();
    if (text.split(" ").length < 2 && skillsIn(text).length === 0) return;
    const req: Requirement = {
      id: `r${requirements.length + 1}`,
      kind,
      text,
      start,
      end,
      quote: posting.slice(start, end),
      required,
      skills: skillsIn(text),
    };
    if (heading !== undefined) req.section = heading;
    const years = /(\d+)\s*(?:\+|-\s*\d+)?\s*(?:years?|yrs)/i.exec(text)?.[1];
    if (years !== undefined) req.years = Number(years);
    requirements.push(req);
  };
  const kindFor = (text: string, fallback: RequirementKind | undefined): RequirementKind | undefined => {
    // A duty that names a level of other people ("Mentor two junior engineers") is still a duty;
    // only a number of years makes one of the role's duties a seniority ask.
    if (fallback === "responsibility" && !/\d+\s*(?:\+|-\s*\d+)?\s*(?:years?|yrs)\b/i.test(text))
      return fallback;
    if (SENIORITY_CUE.test(text)) return "seniority";
    if (fallback === "responsibility") return fallback;
    if (VALUE_CUE.test(text) && skillsIn(text).length === 0) return "value";
    return fallback;
  };

  for (const line of lines) {
    const text = line.masked.trim();
    if (text === "") continue;
    if (isHeading(line)) {
      sawHeading = true;
      heading = text.replace(/:\s*$/, "");
      section = sectionOf(heading);
      continue;
    }
    const bullet = BULLET.exec(line.raw);
    const base: RequirementKind | undefined =
      section === "responsibilities"
        ? "responsibility"
        : section === "requirements" || section === "preferred"
          ? "skill"
          : undefined;
    const required = section !== "preferred";
    if (bullet) {
      // An item that opens with its own list label ("- Nice to have: Spark") is read under that
      // label, without it.
      const item = line.masked.slice(bullet[0].length);
      const lead = /^\s*/.exec(item)?.[0].length ?? 0;
      const label = ITEM_LABEL.exec(item.slice(lead));
      const own =
        label === null ? undefined : /^(?:must|requir)/i.test(label[1] ?? "") ? "requirements" : "preferred";
      const skip = own === undefined || label === null ? 0 : lead + label[0].length;
      const span = { start: line.start + bullet[0].length + skip, end: line.end };
      // A list under "About us" or "Who we are" tells of the company ("Remote-first since 2018",
      // "A diverse team of 40"): an item there is a requirement only where it asks something of
      // the reader, as a sentence of prose there is.
      if (section === "about" && own === undefined) {
        const asked = askOfReader(item.trim());
        if (asked !== undefined) add(span, asked, true);
        continue;
      }
      const itemBase = own === undefined ? base : "skill";
      const kind = kindFor(text, itemBase ?? (sawHeading && section !== "other" ? undefined : "skill"));
      if (kind !== undefined && section !== "benefits")
        add(span, kind, own === undefined ? required : own !== "preferred");
      continue;
    }
    // Paragraphs: one requirement per sentence that asks for something.
    for (const sentence of splitSentences(line.masked)) {
      const span: Span = {
        text: sentence.text,
        start: line.start + sentence.start,
        end: line.start + sentence.end,
      };
      const inline = inlineSection(span);
      if (inline !== undefined) {
        sawHeading = true;
        heading = inline.heading;
        section = inline.section;
        if (section !== "benefits") {
          const kind = section === "responsibilities" ? "responsibility" : "skill";
          for (const item of inline.items)
            add(item, kindFor(item.text, kind) ?? kind, section !== "preferred", false);
        }
        continue;
      }
      if (section === "benefits") continue;
      // Prose under "About the role" / "About the job" mostly introduces the company and the
      // opening ("Acme builds tools for traders."); only a sentence that asks something of the
      // reader is a requirement there. Its bullets are still the role's responsibilities.
      const introduces = section === "responsibilities" && /^about\b/i.test(heading ?? "");
      if (section === "about" || section === "values" || section === "other" || introduces) {
        // Where the reader will sit ("You will join a team of six…", "You'll report to…"), and
        // a team whose members "you" only joins ("The team you'll join ships every day"), tell
        // of the team, not what is asked of the candidate; a duty the reader is told ("You will
        // own the ingestion pipelines") is one of the role's responsibilities.
        const asked = askOfReader(span.text);
        if (asked !== undefined) add(span, asked, true);
        continue;
      }
      if (base === "responsibility") add(span, kindFor(span.text, base) ?? base, required);
      else if (
        VALUE_CUE.test(span.text) &&
        (skillsIn(span.text).length === 0 || /\bvalue/i.test(span.text))
      ) {
        add(span, "value", required);
      } else if (REQUIREMENT_CUE.test(span.text)) {
        add(span, kindFor(span.text, base) ?? "skill", required);
      }
    }
  }
  if (requirements.length === 0) {
    notes.push(
      "No requirement was recognised: the posting has no requirements or responsibilities section derisk could find.",
    );
  }
  const skills: string[] = [];
  for (const s of skillsIn(masked)) if (!skills.includes(s)) skills.push(s);
  const out: PostingRequirements = { requirements, skills, notes };
  const company = findCompany(posting, lines);
  if (company) out.company = company;
  const title = findTitle(posting, lines);
  if (title) out.title = title;
  return out;
}

/** An answer as tailoring reads it; an imported `AnswerItem` fits. */
export type TailorAnswer = Pick<AnswerItem, "key" | "text"> & { question?: string | undefined };

/** A résumé-style accomplishment ("Reduced deployment time from 2 weeks to 3 days"). */
export interface TailorAccomplishment {
  key: string;
  text: string;
}

export interface Evidence {
  source: "story" | "answer" | "accomplishment";
  /** Story id, answer key or accomplishment key. */
  id: string;
  title: string;
  /** The sentence that evidences the requirement, verbatim. */
  quote: string;
  /** The meaning it shares with the requirement: concepts, then words. */
  shared: string[];
  /** 0..1: how much of the requirement the sentence shows (the shared matcher's score). */
  score: number;
  strength: Exclude<Strength, "none">;
  /**
   * Why the evidence is only partial when the sentence alone does not say: for an ask that names
   * a tool, the related tool the sentence names instead (“ECS” is related to Kubernetes, not
   * Kubernetes itself).
   */
  note?: string;
  /**
   * The title of the document the evidence comes from (a story's: that of the answer it was
   * drawn from), set by the bank when it holds more than one document.
   */
  document?: string;
}

/** A years-of-experience requirement checked against what the bank says. */
export interface YearsCheck {
  required: number;
  /** The most years the bank states for this requirement's subject, if it states any. */
  found?: number;
  /** The sentence that states it, verbatim. */
  quote?: string;
  met: boolean;
  /** What the check found, in a sentence the user can act on. */
  note: string;
}

/**
 * One thing a compound requirement names, met or missing: "SQL" and "Spark" in "Strong SQL and
 * Spark skills" are each needed; "Spark or Databricks" is one thing, met by either.
 */
export interface RequirementPart {
  /** The thing as the posting names it ("Spark", "Spark or Databricks"). */
  name: string;
  /** strong: a sentence shows it; partial: a sentence shows only a neighbour of it; none: missing. */
  strength: Strength;
  /** The sentence that shows it best, verbatim, and where it is. */
  evidence?: Pick<Evidence, "source" | "id" | "title" | "quote" | "document">;
  /** What a partial sentence shows instead: a neighbour ("scalability (related)"). */
  related?: string;
  /** The sentence's own words for the thing when they are not the posting's ("scikit-learn" for Python). */
  via?: string;
}

export type TailoredRequirement = Requirement & {
  evidence: Evidence[];
  covered: boolean;
  /** The best evidence's strength, "none" for a gap; partial when a compound line has a thing missing. */
  strength: Strength;
  /** For a requirement that names several things each needed: each, met or missing. */
  parts?: RequirementPart[];
  /** The parts in a line: "partly met: Spark yes, SQL no". */
  partsSummary?: string;
  years?: number;
  yearsCheck?: YearsCheck;
};

export interface Tailoring {
  company?: string;
  title?: string;
  requirements: TailoredRequirement[];
  uncovered: Requirement[];
  /** Covered requirements / all, 0..1. */
  coverage: number;
  notes: string[];
}

export interface TailorOptions {
  accomplishments?: readonly TailorAccomplishment[];
  /** Closes open ranges ("since 2019", "2019–present"); default: ranges stay open and are not counted. */
  currentYear?: number;
  /** Sentence embeddings the app layer prepared (semanticMatch's `embeddings`); default none. */
  embeddings?: SentenceEmbeddings;
}

interface Unit {
  source: Evidence["source"];
  id: string;
  title: string;
  text: string;
  /** A story sentence filed as the story's Task: what was to be done, not what was done. */
  goal?: boolean;
}

// A sentence that says what was to be done rather than what was done: "My goal was to…",
// "The aim was to…", "I set out to…", "We needed to…".
const GOAL =
  /\b(?:(?:my|our|the) (?:goal|aim|task|objective|mission) (?:was|is) to|(?:i|we) (?:set out|aimed|wanted|needed|had|planned|hoped) to)\b/i;

function meaningful(text: string): string[] {
  return [...new Set(contentTokens(text))].filter((t) => !NOISE.has(t) && !/^\d+$/.test(t));
}

// "3+ years of", "at least five years' experience in": what is left is the subject.
const YEARS_PHRASE =
  /\b(?:at least|minimum(?: of)?|over|more than)?\s*(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)\s*(?:\+|\s*(?:[-–]|to)\s*\d+)?\s*\+?\s*(?:years?|yrs)(?:'|’)?(?:\s+of)?(?:\s+(?:professional|industry|relevant|hands-on|work))?(?:\s+experience)?(?:\s+(?:in|with|of|building|as|doing))?/i;

function checkYears(
  req: Requirement,
  units: readonly Unit[],
  claimsOf: (i: number) => readonly YearsClaim[],
): YearsCheck | undefined {
  const required = req.years ?? yearsRequired(req.text);
  if (required === undefined) return undefined;
  const subject = req.text.replace(YEARS_PHRASE, " ").replace(/\s+/g, " ").trim();
  const subjectAnalysis = analyzeText(subject);
  const general = subjectAnalysis.direct.size === 0 && subjectAnalysis.lemmas.size <= 1;
  // A claim whose sentence (or the sentences around it) shows the subject itself outranks one
  // that only comes near it: "six years as an experimental physicist… fitting models to them"
  // is not six years of building and deploying ML models when the bank also says "over the last
  // two years I… shipped a drift-monitoring service". Only when no claim shows the subject
  // strongly do the nearer ones speak.
  let best: { years: number; quote: string; strong: boolean } | undefined;
  units.forEach((unit, i) => {
    const claims = claimsOf(i);
    if (claims.length === 0) return;
    // A claim counts for this requirement when it is about the same subject: its sentence,
    // or the sentences around it in the same story or answer ("six years as a physicist.
    // Most of that job was data work").
    const near = (j: number) => {
      const other = units[j];
      return other !== undefined && other.source === unit.source && other.id === unit.id ? other.text : "";
    };
    const context = [near(i - 1), unit.text, near(i + 1)].join(" ");
    const match = general ? undefined : semanticMatch(subjectAnalysis, context);
    if (match !== undefined && match.score < 0.4) return;
    const strong = match === undefined || match.strength === "strong";
    for (const claim of claims) {
      if (
        best === undefined ||
        (strong && !best.strong) ||
        (strong === best.strong && claim.years > best.years)
      )
        best = { years: claim.years, quote: unit.text, strong };
    }
  });
  const plural = (n: number) => `${n} year${n === 1 ? "" : "s"}`;
  if (best === undefined) {
    return {
      required,
      met: false,
      note: `Asks for ${plural(required)}; nothing in your stories or answers states how long you have done this — say it in one (dates or “N years”).`,
    };
  }
  const met = best.years >= required;
  return {
    required,
    found: best.years,
    quote: best.quote,
    met,
    note: met
      ? `Asks for ${plural(required)}; your bank says ${plural(best.years)}.`
      : `Asks for ${plural(required)}; your bank says ${plural(best.years)} — be ready to show depth rather than length.`,
  };
}

/** What ranks evidence of one strength: the lexicons' reading of the pair and what the sentence does. */
interface EvidenceRank {
  /**
   * For an ask that names two tools or more ("Strong Python; PyTorch or scikit-learn"): how many of
   * them a sentence where the speaker acts names by one of their own names. 0 otherwise.
   */
  tools: number;
  head: number;
  /**
   * The sentence says one of the words the ask names its concept by, when that word is a term of
   * the trade ("PyTorch", "XGBoost"): a sentence naming the tool shows it better than one that
   * only shows its field ("an image classification model" for PyTorch).
   */
  names: boolean;
  /**
   * For an ask to move a measure that the sentence names: 1 moved the way asked, -1 the other way,
   * 0 named without a change. Undefined otherwise.
   */
  change: number | undefined;
  /** For an ask to make something ("Build data pipelines"): the sentence tells of making it. */
  made: boolean;
  /**
   * For an ask that opens with what to do ("Deploy and monitor models"): 2 the speaker does it ("I
   * deployed…"), 1 the sentence does it in another form of the ask's verb ("After deploying…"), 0
   * not, or only in a noun ("…to deployment").
   */
  done: number;
  /**
   * The sentence tells what went wrong rather than what the speaker did ("I noticed that the
   * forecasted values were significantly off"), for an ask that is not about trouble: a deed
   * shows the skill, the problem a story starts from does not.
   */
  trouble: boolean;
  concepts: number;
  /** The speaker acts in the sentence. */
  agent: boolean;
  /**
   * The sentence draws a lesson ("It taught me…", "now I always…", by the lens's lesson cues): it
   * names what the ask names without showing it done. Ranked after who acts: "teaching … helped me
   * grow as a communicator" is a lesson and still the speaker's own growth, the best a bank may
   * have for a soft skill.
   */
  lesson: boolean;
  lexicon: number;
}

// For an ask for experience of doing something, the sentence names what it is done to, not only
// the deed: "I shipped a mobile puzzle game" does not show shipping LLM-powered features.
function objectShown(doing: Analysis, said: Analysis): boolean {
  return [...doing.direct].some((id) => !doing.opening.has(id) && said.concepts.has(id));
}

// An ask for experience of doing something: "Experience deploying models", "Proven track record of
// shipping…", "Hands-on experience in building…".
const EXPERIENCE_DOING =
  /^(?:(?:proven|hands-on|demonstrated|strong|solid)\s+)?(?:experience|track record)\s+(?:of\s+|in\s+)?(?=[a-z]+ing\b)/i;

// The speaker acts in the sentence: "I" or "we" as a subject ("I enjoyed teaching", "we shipped"),
// or a résumé line that opens with a past-tense verb ("Refactored the pipeline…"). "My teaching
// hours were cut" is about the speaker, not something the speaker did.
const FIRST_WORD_VERB = /^\W*[A-Za-z]+(?:-[a-z]+)?ed\b/;

function evidenceRank(
  match: SemanticMatch,
  asked: Analysis,
  said: Analysis,
  duty: boolean,
  doing?: Analysis,
): EvidenceRank {
  const ground = match.ground ?? { head: 0, concepts: 0, lexicon: 0 };
  const text = said.text;
  return {
    tools: toolsNamed(asked, said),
    head: ground.head,
    names: namesTheAsk(asked, said) || namesTheTool(asked, said),
    change: changeShown(asked, said),
    made: madeShown(asked, said) === true,
    done: duty
      ? (doneShown(asked, said) ?? 0)
      : doing && objectShown(doing, said)
        ? (doneShown(doing, said) ?? 0)
        : 0,
    trouble: troubleShown(asked, said),
    concepts: Math.round(ground.concepts * 100) / 100,
    agent: /\b(?:I|we|We)\b/.test(text) || FIRST_WORD_VERB.test(text),
    lesson: LESSON_CUE.test(text.toLowerCase().replace(/[’‘]/g, "'")),
    lexicon: Math.round(ground.lexicon * 100) / 100,
  };
}

/**
 * Evidence order: strong before partial; within one strength, what the sentence shows of the ask
 * before how sure the score is. The score says how many of the ask's words and concepts a sentence
 * shares, and a sentence that only names them (a lesson about data pipelines, a dashboard that
 * watches latency) shares as many as the one that does the thing, or more. So: the ask's head
 * concept shown; for an ask to move a measure ("Improve latency"), the sentence where it moved the
 * way asked, before one that only names it and last the one where it moved the other way (the
 * problem); for an ask to make something ("Build data pipelines"), a sentence that tells of making
 * it ("created automated data pipelines", not "reviewed the pipeline's steps"); for an ask that
 * opens with what to do ("Deploy and monitor models"), a sentence where the speaker does it ("I
 * deployed…"), then one that does it in another form of the ask's verb ("After deploying…"), not
 * "…from model development to deployment"; then a sentence where the speaker acts, then one that
 * is not a lesson, then one that names the tool or term the ask names ("PyTorch", not only "an
 * image classification model"); then the share of the ask's concepts met, the lexicon score, and the score last
 * ("clear communication with non-technical stakeholders" is better shown by "teaching … helped me
 * grow as a communicator" than by "a significant decline in enrolment cut my teaching hours", which
 * word vectors rank higher: "technical ≈ significant").
 */
function byEvidence(
  a: { score: number; strength: string },
  b: { score: number; strength: string },
  ra: EvidenceRank | undefined,
  rb: EvidenceRank | undefined,
): number {
  // The sentence that names more of the tools the ask lists shows it first, whatever its strength:
  // "…working with tools like Scikit-learn, PyTorch…" before a FastAPI service for "PyTorch or
  // scikit-learn". Only the order: a sentence's strength is read as before.
  const tools = (rb?.tools ?? 0) - (ra?.tools ?? 0);
  if (tools !== 0) return tools;
  const strongA = a.strength === "strong" ? 1 : 0;
  const strongB = b.strength === "strong" ? 1 : 0;
  if (strongA !== strongB) return strongB - strongA;
  if (ra === undefined || rb === undefined) return b.score - a.score;
  return (
    rb.head - ra.head ||
    (rb.change ?? 0) - (ra.change ?? 0) ||
    Number(rb.made) - Number(ra.made) ||
    Number(ra.trouble) - Number(rb.trouble) ||
    rb.done - ra.done ||
    Number(rb.agent) - Number(ra.agent) ||
    Number(ra.lesson) - Number(rb.lesson) ||
    Number(rb.names) - Number(ra.names) ||
    rb.concepts - ra.concepts ||
    rb.lexicon - ra.lexicon ||
    b.score - a.score
  );
}

// A word past this rank in the word-vector vocabulary (or not in it: "xgboost") is a term of
// the trade rather than a word every posting and answer uses ("models", "data").
const COMMON_RANK = 10_000;
const isRare = (word: string) => (wordRank(word) ?? Number.POSITIVE_INFINITY) > COMMON_RANK;

/**
 * Whether the sentence says one of the ask's own rare words: its content words outside the
 * concept lists ("gradient", "tabular") and the words that name its concepts ("XGBoost", not
 * "models").
 */
function namesTheAsk(
  asked: Analysis,
  said: Analysis,
  own: readonly string[] = [...asked.lemmas].filter(([, weight]) => weight >= 1).map(([lemma]) => lemma),
): boolean {
  const naming = [...asked.direct].flatMap((id) =>
    (asked.concepts.get(id)?.term ?? "").split(/\s+/).filter((word) => word !== "" && isRare(word)),
  );
  const saidWords = new Set([...said.allLemmas, ...words(said.text.toLowerCase())]);
  return [...own.filter(isRare), ...naming].some((word) => saidWords.has(word));
}

const TOOLS = TOOL_TERMS.filter((t) => t.kind === "tool");
const TOOL_BY_TERM = new Set(TOOLS.flatMap((tool) => tool.terms));
const TOOL_NAMES = new Set(TOOLS.map((tool) => tool.name));

/**
 * How many of the tools an ask names (two or more: a tool ask) a sentence where the speaker acts
 * names too, by any of their names; 0 for an ask that names fewer, or a sentence nobody acts in (a
 * bare "Tools: …" line).
 * @example toolsNamed(analyzeText("PyTorch or scikit-learn"), analyzeText("I worked with scikit-learn and PyTorch.")) // 2
 */
function toolsNamed(asked: Analysis, said: Analysis): number {
  const named = skillsIn(asked.text).filter((name) => TOOL_NAMES.has(name));
  if (named.length < 2) return 0;
  if (!(/\b(?:I|we|We)\b/.test(said.text) || FIRST_WORD_VERB.test(said.text))) return 0;
  const saidNames = new Set(skillsIn(said.text));
  return named.filter((name) => saidNames.has(name)).length;
}

/**
 * Whether the sentence names a tool the ask names, by one of its own names (a term of the trade,
 * not a word every text uses: "containers" is no name of Docker), where the matcher reads the same
 * concept in both: "EKS" is Kubernetes as Amazon runs it, where "ECS", which the lexicons file under
 * the same containers concept, is not.
 * @example namesTheTool(analyzeText("Kubernetes"), analyzeText("I deployed the model to EKS.")) // true
 * @example namesTheTool(analyzeText("Kubernetes"), analyzeText("I deployed the service on ECS.")) // false
 */
function namesTheTool(asked: Analysis, said: Analysis): boolean {
  if (![...asked.direct].some((id) => said.concepts.has(id))) return false;
  const named = skillsIn(asked.text);
  const saidText = ` ${words(said.text.toLowerCase()).join(" ")} `;
  return TOOLS.some(
    (tool) =>
      named.includes(tool.name) &&
      tool.terms.some((term) => term.split(/\s+/).every(isRare) && saidText.includes(` ${term} `)),
  );
}

// A programming language is shown by the libraries written in it: the lexicons file FastAPI and
// pandas under Python because using them is writing Python, not using a tool beside it. Which
// tools are languages is said once, in the tool list (data/tools.ts).
const LANGUAGES: ReadonlySet<string> = new Set(
  TOOL_TERMS.filter((tool) => tool.language === true).map((tool) => tool.name),
);

/**
 * For an ask that names a tool ("Kubernetes"), the term by which a sentence meets the tool's
 * concept without naming the tool by any of its own names: "ECS", which the lexicons file under
 * the same containers concept, is a related service, not Kubernetes. `name` when that term is
 * itself a name of the trade ("ECS", "PyTorch" for TensorFlow), not a word any work uses
 * ("monitoring" for Prometheus). Undefined when the sentence names an asked tool, or meets none
 * of their concepts.
 * @example relatedTool(analyzeText("Kubernetes"), analyzeText("I hosted the service on ECS.")) // { term: "ECS", tool: "Kubernetes", name: true }
 * @example relatedTool(analyzeText("Experience building RAG systems"), analyzeText("I deployed an LLM on EKS.")) // { term: "LLM", tool: "RAG", name: true }
 */
function relatedTool(
  asked: Analysis,
  said: Analysis,
): { term: string; tool: string; name: boolean } | undefined {
  // A technique ("RAG", "RLHF") is named as a tool is: the lexicons file RAG under the concept of
  // LLMs and NLP as a whole, so "my LLM deployment project on EKS" meets an ask for RAG by that
  // concept without showing RAG at all.
  const named = TOOL_TERMS.filter(
    (tool) => skillsIn(asked.text).includes(tool.name) && !LANGUAGES.has(tool.name),
  );
  if (named.length === 0) return undefined;
  const saidText = ` ${words(said.text.toLowerCase()).join(" ")} `;
  if (named.some((tool) => tool.terms.some((term) => saidText.includes(` ${term} `)))) return undefined;
  for (const id of asked.direct) {
    const askedTerm = asked.concepts.get(id)?.term ?? "";
    // The lexicons read "retrieval-augmented generation" as "retrieval augmented generation": a
    // tool's term names it when it is the concept's term or opens it.
    const namesTerm = (t: ToolTerm, conceptTerm: string) =>
      t.terms.some((term) => {
        const plain = term.replace(/-/g, " ");
        return conceptTerm === plain || conceptTerm.startsWith(`${plain} `);
      });
    const tool = named.find((t) => namesTerm(t, askedTerm));
    const hit = said.concepts.get(id);
    if (tool === undefined || hit === undefined || namesTerm(tool, hit.term)) continue;
    const at = said.text.toLowerCase().indexOf(hit.term);
    const from = asked.text.toLowerCase().indexOf(askedTerm);
    const term = at < 0 ? hit.term : said.text.slice(at, at + hit.term.length);
    // A name is written as one ("ECS", "PyTorch") or is another tool's own term: "alerts" and
    // "drift" are words of the field, not services.
    const written = at > 0 && /\p{Lu}/u.test(term) && hit.term.split(/\s+/).every(isRare);
    return {
      term,
      tool: from < 0 ? tool.name : asked.text.slice(from, from + askedTerm.length),
      name: written || TOOL_BY_TERM.has(hit.term),
    };
  }
  return undefined;
}

// Where a sentence only lists names rather than tells a deed: a labelled list ("Tools: Python,
// LangChain, RAG"), the examples after "tools like" or "frameworks such as" ("working with tools
// like Scikit-learn, PyTorch, Hugging Face, and AWS"), a parenthesised list ("(LangChain,
// SageMaker, RAG)"), or a sentence that is nothing but short items between commas. Examples after
// a bare "including" elaborate a deed ("I prepared the app for twelve languages, including
// right-to-left scripts"), and an arrow note states an outcome ("Physics PhD → measurement,
// statistics"): neither is a list of names.
const LIST_LABEL =
  /^\W*(?:[\p{L}-]+\s+){0,2}(?:tools?|skills?|stack|technolog(?:y|ies)|languages?|frameworks?|libraries|platforms?|keywords?|competenc(?:y|ies))\s*[:：]/iu;
const LIST_LEAD =
  /\b(?:tools?|technologies|frameworks|libraries|platforms|languages|stack)\s+(?:like|such as|including|e\.g\.,?)\s+/gi;
const LIST_END = /[.;!?—–→]|\s(?:to|for|so|which|that|where|because)\s/;

function listRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (LIST_LABEL.test(text)) return [[0, text.length]];
  const agent = /\b(?:I|we|We)\b/.test(text) || FIRST_WORD_VERB.test(text);
  // A bare list: three or more items of at most three words between commas, nobody acting.
  const items = text.replace(/[.!?]+\s*$/, "").split(/\s*[,;|·]\s*/);
  if (
    !agent &&
    !/→|->/.test(text) &&
    items.length >= 3 &&
    items.every((item) => item.split(/\s+/).length <= 3)
  )
    return [[0, text.length]];
  for (const group of text.matchAll(/\(([^()]*)\)/g)) {
    if (/,/.test(group[1] ?? "")) ranges.push([group.index, group.index + group[0].length]);
  }
  for (const lead of text.matchAll(LIST_LEAD)) {
    const start = lead.index + lead[0].length;
    const rest = text.slice(start);
    const end = LIST_END.exec(rest);
    const segment = end === null ? rest : rest.slice(0, end.index);
    if (/,|\s(?:and|or)\s/.test(segment)) ranges.push([start, start + segment.length]);
  }
  return ranges;
}

/**
 * Whether the sentence names what the ask names only inside a list of names ("working with tools
 * like Scikit-learn, PyTorch, Hugging Face, and AWS"; "Tools: LangChain, RAG"): a mention, not
 * something the speaker did with it, so partial evidence at most.
 * @example listedOnly(analyzeText("Experience with PyTorch"), analyzeText("Tools: Python, PyTorch, SQL.")) // true
 */
function listedOnly(asked: Analysis, said: Analysis): boolean {
  // What the ask asks about; an intent ("hands-on", "in practice") is how it asks.
  const shared = [...asked.direct].filter((id) => {
    const hit = said.concepts.get(id);
    return hit !== undefined && hit.kind !== "intent";
  });
  if (shared.length === 0) return false;
  const ranges = listRanges(said.text);
  if (ranges.length === 0) return false;
  // Terms are read lower-cased with hyphens as spaces ("scikit learn"); one character for one.
  const lower = said.text.toLowerCase().replace(/[-‐‑]/g, " ");
  return shared.every((id) => {
    const term = said.concepts.get(id)?.term ?? "";
    if (term === "") return false;
    let found = false;
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
      found = true;
      if (!ranges.some(([start, end]) => at >= start && at + term.length <= end)) return false;
    }
    return found;
  });
}

/**
 * Whether a match rests on generic ground only: the sentence shares none of the requirement's
 * own rare words — its content words outside the concept lists ("gradient", "tabular", not
 * "data") and the words that name its concepts ("XGBoost", not "models") — and either meets only a broader concept
 * the ask implies, or leaves two or more of those content words unmet ("gradient-boosted …
 * models" met by any sentence about models). The matcher may still call it a match; shown, it
 * is partial evidence, never strong.
 */
function genericGround(asked: Analysis, said: Analysis): boolean {
  const own = [...asked.lemmas].filter(([, weight]) => weight >= 1).map(([lemma]) => lemma);
  if (namesTheAsk(asked, said, own)) return false;
  const named = [...asked.direct].some((id) => said.concepts.has(id));
  return !named || own.length >= 2;
}

/**
 * Sentences as they are said: a line that ends on its subject ("Once I saw that in the traces, I")
 * and the list item it leads into ("Cached the history in memory…") are one sentence, "…, I
 * cached the history in memory…", never a quote that stops at "I".
 */
function asSaid<T extends { text: string }>(sentences: readonly T[]): T[] {
  const out: T[] = [];
  for (const sentence of sentences) {
    const last = out[out.length - 1];
    const item = sentence.text.trim().replace(/^[-*•]\s+/, "");
    if (last !== undefined && leadsIntoNext(last.text.trim()) && lacksSubject(item)) {
      out[out.length - 1] = { ...last, text: joinSentences([last.text.trim(), item]) };
    } else out.push(sentence);
  }
  return out;
}

/**
 * A compound requirement read per thing it names (the matcher's concept reading, `askedThings`):
 * for each, the sentence that shows it best — strong when it shows the thing itself, partial when
 * only a neighbour — or none. Undefined for a line that names fewer than two things, which is read
 * as a whole only.
 */
function readParts(
  asked: Analysis,
  units: readonly Unit[],
  analyses: readonly Analysis[],
  goals: ReadonlySet<string>,
): RequirementPart[] | undefined {
  const things = askedThings(asked);
  if (things.length < 2) return undefined;
  // A thing is named by the words the line spans for it ("Distributed data processing with Spark or
  // Databricks") when they are short and hold no other thing, else by its terms joined.
  const spans = things.map((t) => t.span);
  const nameOf = (thing: (typeof things)[number]) => {
    const [from, to] = thing.span;
    const span = asked.text.slice(from, to);
    const alone = spans.every(([f, t]) => (f === from && t === to) || t <= from || f >= to);
    if (from >= 0 && alone && span.split(/\s+/).length <= 7) return span;
    return (thing.names.length > 0 ? thing.names : thing.labels).join(" or ");
  };
  const best: Array<{ rank: number; part: RequirementPart }> = things.map((thing) => ({
    rank: 0,
    part: { name: nameOf(thing), strength: "none" },
  }));
  units.forEach((unit, i) => {
    const c = analyses[i] as Analysis;
    // A tool related to the one asked ("ECS" for Kubernetes) is a neighbour, as for the whole line.
    const near = relatedTool(asked, c);
    thingCredits(asked, c).forEach(({ credit: read, label: readLabel, through }, k) => {
      const slotName = (best[k] as (typeof best)[number]).part.name.toLowerCase();
      const neighbour = near !== undefined && read >= 1 && slotName.includes(near.tool.toLowerCase());
      const credit = neighbour ? 0.5 : read;
      const label = neighbour ? `“${near.term}”, related to ${near.tool} (related)` : readLabel;
      if (credit <= 0) return;
      const said = !statesPlan(unit.text) && !goals.has(unit.text) && !GOAL.test(unit.text);
      // Yes where the sentence shows the thing itself in a deed; a neighbour, a plan, a goal or a
      // mere list shows it partly.
      const strength: Strength = credit >= 1 && said && !listedOnly(asked, c) ? "strong" : "partial";
      // Strong before partial, a deed before a plan, a story (what the user will tell) first.
      const rank = (strength === "strong" ? 8 : 4) + (said ? 2 : 0) + (unit.source === "story" ? 1 : 0);
      const slot = best[k] as (typeof best)[number];
      if (rank <= slot.rank) return;
      slot.rank = rank;
      slot.part = {
        name: slot.part.name,
        strength,
        evidence: { source: unit.source, id: unit.id, title: unit.title, quote: unit.text },
        ...(through === undefined || neighbour || slot.part.name.toLowerCase().includes(through)
          ? {}
          : { via: through }),
        ...(credit < 1 && label.endsWith(" (related)")
          ? { related: neighbour ? label.slice(0, -" (related)".length) : label }
          : {}),
      };
    });
  });
  return best.map((b) => b.part);
}

/** A compound line's parts in words: "partly met: SQL no, Spark yes". */
function partsSummary(parts: readonly RequirementPart[], covered: boolean): string {
  const word = (p: RequirementPart) =>
    `${p.name} ${p.strength === "strong" ? "yes" : p.strength === "partial" ? "partly" : "no"}`;
  const lead = !covered ? "not met" : parts.every((p) => p.strength === "strong") ? "met" : "partly met";
  return `${lead}: ${parts.map(word).join(", ")}`;
}

/**
 * For each requirement of a posting, the stories, answers and accomplishments that evidence
 * it — the sentence, by meaning (the shared matcher in src/core/semantic), with its strength —
 * and the requirements nothing covers yet. Years-of-experience requirements are checked
 * against the durations the bank states, not matched on words.
 * @example tailor(posting, stories, answers).uncovered.map((r) => r.text) // ["Experience in payments"]
 */
export function tailor(
  posting: string,
  stories: readonly Story[],
  answers: readonly TailorAnswer[] = [],
  options: TailorOptions = {},
): Tailoring {
  const extracted = extractRequirements(posting);
  // Each sentence as the user would say it: a quote never shows "**Situation**:" or bold markers,
  // and a STAR label is not a word the matcher reads.
  const units: Unit[] = [];
  const push = (source: Unit["source"], id: string, title: string, text: string, goal = false) => {
    const plain = stripMarkup(text).trim();
    if (plain !== "")
      units.push({ source, id, title: stripMarkup(title), text: plain, ...(goal ? { goal } : {}) });
  };
  for (const story of stories) {
    for (const s of asSaid(storySentences(story)))
      push("story", story.id, story.title, s.text, s.field === "task");
  }
  for (const answer of answers) {
    for (const s of asSaid(splitSentences(answer.text)))
      push("answer", answer.key, answer.question ?? answer.key, s.text);
  }
  for (const item of options.accomplishments ?? []) {
    for (const s of asSaid(splitSentences(item.text))) push("accomplishment", item.key, item.text, s.text);
  }
  // A story's Task, also where the answer it was drawn from holds the same sentence.
  const goals = new Set(units.filter((u) => u.goal).map((u) => u.text));
  // Each sentence read with the one before it in the same story or answer, where a pronoun at its
  // start may find what it stands for ("Within a month, its precision climbed": the classifier's).
  const analyses = units.map((unit, i) => {
    const prior = units[i - 1];
    const same = prior !== undefined && prior.source === unit.source && prior.id === unit.id;
    return analyzeText(unit.text, same ? prior.text : undefined);
  });
  const matchOptions = options.embeddings ? { embeddings: options.embeddings } : undefined;
  // A sentence the bank holds twice (a story and the answer it was drawn from) and a requirement
  // the posting repeats are matched once: analyses are shared by text, so a pair is keyed by them
  // (a sentence by its position among the distinct analyses). Only matches are kept: a pair that
  // does not match is `null`, so the thousands of misses of a long posting are not held.
  const distinct = new Map<Analysis, number>();
  const slot = analyses.map((a) => {
    let k = distinct.get(a);
    if (k === undefined) {
      k = distinct.size;
      distinct.set(a, k);
    }
    return k;
  });
  const matches = new Map<Analysis, Array<SemanticMatch | null | undefined>>();
  // The durations each sentence states, read once for all the years requirements.
  const claims: Array<YearsClaim[] | undefined> = [];
  const claimsOf = (i: number): readonly YearsClaim[] => {
    let found = claims[i];
    if (found === undefined) {
      found = yearsClaims((units[i] as Unit).text, options.currentYear ?? Number.NaN).filter(
        (c) => !Number.isNaN(c.years),
      );
      claims[i] = found;
    }
    return found;
  };

  const requirements = extracted.requirements.map((req): TailoredRequirement => {
    const yearsCheck = checkYears(req, units, claimsOf);
    const query = yearsCheck ? req.text.replace(YEARS_PHRASE, " ").replace(/\s+/g, " ").trim() : req.text;
    const best = new Map<string, Evidence>();
    const rankOf = new Map<Evidence, EvidenceRank>();
    const asked = query === "" ? undefined : analyzeText(query);
    if (asked !== undefined) {
      const duty = asksToDo(query);
      // "Experience deploying models to production" asks for the deed as much as "Deploy models
      // to production": the sentence where the speaker deployed one shows it first.
      const doingAt = EXPERIENCE_DOING.exec(query);
      const doing = duty || doingAt === null ? undefined : analyzeText(query.slice(doingAt[0].length));
      let known = matches.get(asked);
      if (known === undefined) {
        known = new Array(distinct.size);
        matches.set(asked, known);
      }
      units.forEach((unit, i) => {
        const k = slot[i] as number;
        let match = known[k];
        if (match === undefined) {
          const found = semanticMatch(asked, analyses[i] as Analysis, matchOptions);
          match = found.matched ? found : null;
          known[k] = match;
        }
        if (match === null) return;
        // An ask for a degree is shown by a sentence that states one, or at least names its field;
        // one that names neither ("I fine-tuned the LLM …") is no evidence for it.
        const degree = degreeShown(asked, analyses[i] as Analysis);
        if (degree === 0) return;
        const key = `${unit.source}:${unit.id}`;
        const current = best.get(key);
        const rank = evidenceRank(match, asked, analyses[i] as Analysis, duty, doing);
        // Strong only where the sentence shows the ask itself, not only a word of it any work uses,
        // and, for an ask to move a measure, only where the sentence moves it the way asked: a
        // dashboard that watches latency names "reduce latency" without showing it.
        // Nor, for an ask to do something ("Deploy and monitor models"), where the sentence only
        // draws a lesson nobody acts in ("That launch taught me how much serving models depends on checks").
        // Nor, for a degree, where the sentence does not state the speaker holds one the ask accepts
        // ("drawn to the practical applications of math" names the field only).
        // Nor where the sentence only lists what the ask names ("Tools: LangChain, RAG"): a mention.
        // Nor where it tells what went wrong ("I had accidentally dropped rows… without checking
        // their distribution" for "data pipelines with data quality checks"): the problem a story
        // starts from names the ask without the speaker doing it; the deed that fixed it may show it.
        // Nor where it says what was to be done, not what was done: a story's Task ("Build the
        // backend infrastructure to support … scalable … inference") or "My goal was to…".
        // Nor where it says what the speaker wants to do next, not what they did: a "Now → …"
        // note or "I'm looking for…" names the ask as a plan.
        // Nor, for an ask that names a tool, where the sentence names a related one instead ("ECS"
        // for Kubernetes): partial, and the evidence says so.
        const related = relatedTool(asked, analyses[i] as Analysis);
        const strength =
          match.strength === "strong" &&
          related === undefined &&
          !statesPlan(unit.text) &&
          !rank.trouble &&
          !goals.has(unit.text) &&
          !GOAL.test(unit.text) &&
          degree !== 1 &&
          !genericGround(asked, analyses[i] as Analysis) &&
          !listedOnly(asked, analyses[i] as Analysis) &&
          (rank.change === undefined || rank.change > 0) &&
          !((duty || doing !== undefined) && rank.lesson && !rank.agent)
            ? "strong"
            : "partial";
        if (
          current === undefined ||
          byEvidence({ score: match.score, strength }, current, rank, rankOf.get(current)) < 0
        ) {
          const evidence: Evidence = {
            source: unit.source,
            id: unit.id,
            title: unit.title,
            quote: unit.text,
            shared: [...match.shared],
            score: match.score,
            strength,
          };
          if (related?.name === true)
            evidence.note = `“${related.term}” is related to ${related.tool}, not ${related.tool} itself`;
          else if (statesPlan(unit.text)) evidence.note = PLAN_NOTE;
          best.set(key, evidence);
          rankOf.set(evidence, rank);
        }
      });
    }
    const ranked = [...best.values()].sort(
      (a, b) => byEvidence(a, b, rankOf.get(a), rankOf.get(b)) || (a.id < b.id ? -1 : 1),
    );
    // A story drawn from an answer holds the answer's sentences: one sentence is shown once, as
    // the story's when the story has it (what the user will tell), and its slot goes to the next.
    const distinctQuotes: Evidence[] = [];
    for (const e of ranked) {
      const at = distinctQuotes.findIndex((kept) => kept.quote === e.quote);
      if (at < 0) distinctQuotes.push(e);
      else if (e.source === "story" && distinctQuotes[at]?.source !== "story") distinctQuotes[at] = e;
    }
    const evidence = distinctQuotes.slice(0, 3);
    // A story is what the user will tell: the best one is always shown when one matches.
    const story = distinctQuotes.find((e) => e.source === "story");
    if (story !== undefined && !evidence.includes(story)) evidence.splice(2, 1, story);
    if (yearsCheck) {
      // Covered only when the bank states enough years; the sentence that says so leads.
      const statement = units.find((u) => u.text === yearsCheck.quote);
      const claim: Evidence[] =
        statement === undefined
          ? []
          : [
              {
                source: statement.source,
                id: statement.id,
                title: statement.title,
                quote: statement.text,
                shared: [`${yearsCheck.found} years`],
                score: yearsCheck.met ? 1 : 0.5,
                strength: yearsCheck.met ? "strong" : "partial",
              },
            ];
      // While the years are not met the requirement is open: nothing under it shows as strong.
      const rest = evidence
        .filter((e) => e.quote !== yearsCheck.quote)
        .slice(0, 2)
        .map((e): Evidence => (yearsCheck.met ? e : { ...e, strength: "partial" }));
      return {
        ...req,
        years: yearsCheck.required,
        evidence: [...claim, ...rest],
        covered: yearsCheck.met,
        strength: yearsCheck.met ? "strong" : claim.length > 0 || rest.length > 0 ? "partial" : "none",
        yearsCheck,
      };
    }
    const parts = asked === undefined ? undefined : readParts(asked, units, analyses, goals);
    if (parts !== undefined) {
      const met = parts.filter((p) => p.strength !== "none");
      const missing = parts.filter((p) => p.strength === "none");
      // Only a thing shown itself lifts a line no sentence matches whole: a neighbour alone ("ECS"
      // beside "Kubernetes and Terraform") leaves it the gap it was.
      if (evidence.length > 0 ? met.length > 0 : met.some((p) => p.related === undefined)) {
        // Evidence for some of what the line names: the sentences that show it stand for the line
        // when no sentence shows the line as a whole, and the line is met only as far as its parts.
        if (evidence.length === 0 && asked !== undefined) {
          for (const part of met) {
            const e = part.evidence;
            if (e === undefined || evidence.some((kept) => kept.quote === e.quote)) continue;
            const i = units.findIndex((u) => u.text === e.quote && u.id === e.id);
            const found = semanticMatch(asked, analyses[i] as Analysis, matchOptions);
            const others = parts.filter((p) => p !== part && p.evidence?.quote !== e.quote);
            const shown = parts.filter((p) => p.evidence?.quote === e.quote).map((p) => p.name);
            evidence.push({
              source: e.source,
              id: e.id,
              title: e.title,
              quote: e.quote,
              shared: shown,
              score: found.score,
              strength: "partial",
              ...(others.length > 0
                ? { note: `shows ${shown.join(" and ")}, not ${others.map((p) => p.name).join(" or ")}` }
                : {}),
            });
          }
        }
        const strength: Strength =
          missing.length === 0 &&
          (met.every((p) => p.strength === "strong") || evidence.some((e) => e.strength === "strong"))
            ? "strong"
            : "partial";
        const covered = evidence.some((e) => e.note !== PLAN_NOTE);
        return {
          ...req,
          evidence: evidence.slice(0, 3),
          covered,
          strength,
          parts,
          partsSummary: partsSummary(parts, covered),
        };
      }
    }
    const top = evidence[0];
    const covered = evidence.some((e) => e.note !== PLAN_NOTE);
    return {
      ...req,
      ...(parts === undefined ? {} : { parts, partsSummary: partsSummary(parts, covered) }),
      evidence,
      // A wish ("I'm looking for…", "Now → …") is shown with its note but covers nothing: a
      // requirement whose every sentence only says what the candidate wants next is a gap.
      covered,
      // The strongest evidence shown, which need not lead: a sentence naming the ask's tools may.
      strength:
        top === undefined ? "none" : evidence.some((e) => e.strength === "strong") ? "strong" : top.strength,
    };
  });
  const uncovered = requirements
    .filter((r) => !r.covered)
    .map(({ evidence: _e, covered: _c, strength: _s, yearsCheck: _y, ...req }) => req);
  const out: Tailoring = {
    requirements,
    uncovered,
    coverage:
      requirements.length === 0
        ? 0
        : Math.round((requirements.filter((r) => r.covered).length / requirements.length) * 100) / 100,
    notes: extracted.notes,
  };
  if (extracted.company) out.company = extracted.company;
  if (extracted.title) out.title = extracted.title;
  return out;
}

export interface WhyCompanyLine {
  beat: "why-company" | "fit" | "why-now";
  text: string;
  /** The posting's, the profile's and the bank's words this line quotes; posting quotes carry offsets. */
  quotes: Array<{ from: "posting" | "profile" | "bank"; text: string; start?: number; end?: number }>;
  blanks: string[];
  /** For a fit line drawn from the tailoring: how strongly its sentence evidences the ask. */
  strength?: Exclude<Strength, "none">;
}

const SEQUENCE_OPENER = /^(?:then|next|after that|afterwards|finally|eventually|so|also|and)\s*,\s*/i;
// A self-introduction clause the evidence follows ("My name is Yaser, and I have a PhD…", "I'm
// Ana and I led…"): said to an interviewer after "You ask for…", the name is out of place, and the
// clause after "and" carries the evidence. A greeting before it goes with it.
// "I'm X and" counts after a greeting, or when a comma sets the name apart ("I'm Ines, and I
// spent six years…", the greeting a sentence before it): "I'm Python-certified and…" or "I'm
// Docker-certified and I run…" carry a claim, not a name.
const NAME = String.raw`\p{Lu}\p{Ll}+(?:['’]\p{L}+)?(?:\s+\p{Lu}\p{Ll}+){0,2}`;
const INTRODUCTION_CLAUSE = new RegExp(
  String.raw`^(?:(?:(?:(?:[Hh]i|[Hh]ello|[Hh]ey)\b[\s,!.—–-]*)?[Mm]y name is\s+${NAME}|(?:[Hh]i|[Hh]ello|[Hh]ey)\b[\s,!.—–-]*(?:I['’]m|I am)\s+${NAME})\s*,?|(?:I['’]m|I am)\s+${NAME}\s*,)\s+and\s+(?=\S)`,
  "u",
);

// An evidence sentence as the fit line says it: markup-free, on one line, and — out of its
// story, where "Then, I deployed…" follows nothing — without its sequence word; cut, as at a
// sequence word, after a self-introduction clause that opens it, keeping the user's own words.
const spoken = (quote: string) =>
  stripMarkup(quote)
    .replace(/\s+/g, " ")
    .trim()
    .replace(INTRODUCTION_CLAUSE, "")
    .replace(SEQUENCE_OPENER, "")
    .replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());

/** The blank a fit line ends with when its sentence only partly shows what the posting asks. */
export const PARTIAL_BLANK = "partial evidence: say what you did that shows this";

/**
 * The blank a fit line says instead of evidence when all the bank has for the ask is a plan or a
 * wish ("I'm looking for a team where I can deploy models", "Now → ship ML weekly"): wanting to do
 * it is no sign of having done it, so the line says the gap and leaves the sentence to write.
 */
export const PLAN_BLANK = "gap: you only say you want to do this; write what you have done that shows it";

/** Said under evidence that is a plan or a wish, which is never strong: why it is only partial. */
export const PLAN_NOTE = "says what you want to do next, not what you have done";

/** The blank "why now" ends with when all it has is a wish: what you want, not why this is the moment. */
export const WHY_NOW_BLANK = "what changed, or what you have done, that makes this the moment?";

// A reason or a deed told beside a wish: "I've built strong systems alone, but now I want…",
// "Since the lab closed, I'm looking for…", "After three years of teaching, I want…", "The lab
// closed, so I'm looking for…".
const GROUNDED =
  /\b(?:because|since|after|now that|having)\b|,\s*so\s+(?:i|we)\b|\b(?:i|we)(?:['’]ve| have| had)\s+(?!to\b)\p{L}+|\b(?:i|we)\s+(?!(?:want|wish|hop|plann|intend|need|feed|seed)ed\b|need\b|feed\b|seed\b)\p{Ll}{2,}ed\b/iu;

/**
 * Whether a sentence only says what the speaker wants next, with no reason or deed beside it:
 * "I'm looking for a team that ships ML every week", but not "I've built strong independent
 * systems, but now I want to work in a team".
 * @example wishOnly("I'm excited to bring my depth to an applied ML team.") // true
 * @example wishOnly("I've built systems alone, but now I want to work in a team.") // false
 */
export function wishOnly(sentence: string): boolean {
  return statesPlan(sentence) && !GROUNDED.test(sentence);
}

// Arrowed outline lines ("PhD → foundation in modelling") are notes, not something to say.
// A sentence said right after the ask stands alone: no arrow notes, the speaker in it, and it does
// not open by pointing back at a sentence the line does not say ("It helped me…", "This led…").
// Nor does it lean on trouble told before it: "To resolve it, I rewrote the checks" or "I
// acknowledged the issue" said after "You need someone who will own the services…" resolve nothing.
const speakable = (sentence: string) =>
  !/→|->|=>/.test(sentence) &&
  /\b(I|I'm|I’m|I've|I’ve|my|me)\b/.test(sentence) &&
  !leansBack(sentence) &&
  !leansOnTrouble(sentence);

/**
 * Up to two "why you fit" pairs from a tailoring: required asks before preferred ones, asks that
 * say what the job is before asks that only list tools, asks with strong evidence before asks
 * with only partial evidence, each with its strongest evidence
 * sentence, one of the two it lists first and one the user can say. A sentence is used once;
 * an ask with no such sentence left is not said.
 */
function fitFromEvidence(tailoring: Tailoring): Array<{
  requirement: TailoredRequirement;
  /** How the line names the ask ("You ask for …", "You need someone to …"). */
  ask: string;
  evidence: Evidence;
  /** The user's sentence said for the ask; none when all the ask has is a plan (a gap to write). */
  sentence?: string;
  strength: Exclude<Strength, "none">;
}> {
  // What the posting stresses comes first: its required asks, and among them what the job is — the
  // duties, the seniority, the skills it describes — before an ask that only lists tools ("Strong
  // Python; PyTorch or scikit-learn", "Experience with Airflow, Docker and Kubernetes"), which most
  // candidates can name; then strong evidence before partial, then the posting's order.
  const toolsOnly = (r: TailoredRequirement) =>
    r.skills.length > 0 && r.skills.every((name) => TOOL_NAMES.has(name));
  const rankOf = (r: TailoredRequirement) =>
    (r.required ? 0 : 4) + (toolsOnly(r) ? 2 : 0) + (r.strength === "strong" ? 0 : 1);
  const candidates = tailoring.requirements
    .map((requirement, order) => ({ requirement, order }))
    // An ask whose only evidence is a wish is a gap, and still said (as the gap to write).
    .filter(
      ({ requirement }) =>
        requirement.evidence.length > 0 &&
        (requirement.covered || requirement.evidence.every((e) => e.note === PLAN_NOTE)),
    )
    .sort((a, b) => rankOf(a.requirement) - rankOf(b.requirement) || a.order - b.order);
  const used = new Set<string>();
  const out: ReturnType<typeof fitFromEvidence> = [];
  for (const { requirement } of candidates) {
    if (out.length === 2) break;
    const ask = askLine(requirement.text);
    if (ask === undefined) continue;
    // Only the ask's strongest evidence speaks for it: one of the two sentences it lists first
    // (every surface shows those), of its best strength, that the user can say (an arrow note is
    // not). When another line already says it, the ask is left out rather than paired with a
    // weaker sentence.
    const top = requirement.evidence.some((e) => e.strength === "strong") ? "strong" : "partial";
    const shown = requirement.evidence
      .filter((e, i, all) => all.findIndex((other) => spoken(other.quote) === spoken(e.quote)) === i)
      .slice(0, 2);
    // A plan or a wish ("I'm looking for a team where I can deploy models") is no evidence of
    // having done it: never said for the ask. When it is all the ask's top evidence, the line says
    // the gap instead, where the wish would have stood.
    const evidence = shown.find(
      (e) =>
        e.strength === top &&
        !used.has(spoken(e.quote)) &&
        speakable(spoken(e.quote)) &&
        !statesPlan(spoken(e.quote)),
    );
    if (evidence === undefined) {
      const best = shown.filter((e) => e.strength === top);
      const plan = best[0];
      if (plan !== undefined && best.every((e) => statesPlan(spoken(e.quote))))
        out.push({ requirement, ask, evidence: plan, strength: top });
      continue;
    }
    const sentence = spoken(evidence.quote);
    used.add(sentence);
    out.push({ requirement, ask, evidence, sentence, strength: top });
  }
  return out;
}

export interface WhyCompany {
  company?: string;
  lines: WhyCompanyLine[];
  text: string;
  blanks: string[];
}

const blanksOf = (text: string) => text.match(/\[[^\]]+\]/g) ?? [];

// The company speaking of itself, turned to the one it speaks to: "we" → "you", "our" → "your".
const COMPANY_VOICE: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bwe're\b/gi, "you're"],
  [/\bwe've\b/gi, "you've"],
  [/\bwe\b/gi, "you"],
  [/\bours\b/gi, "yours"],
  [/\bour\b/gi, "your"],
  [/\bourselves\b/gi, "yourselves"],
  // "us", never the country "US".
  [/\b[Uu]s\b/g, "you"],
];
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The names a posting calls its company by: the full name, and for a name of several words its
 * first word alone when that is a name ("Harbourlight Analytics" is also "Harbourlight").
 * @example namesOf("Harbourlight Analytics") // ["Harbourlight Analytics", "Harbourlight"]
 */
export function namesOf(company: string): string[] {
  const [first, ...rest] = company.trim().split(/\s+/);
  if (first === undefined || rest.length === 0) return [company.trim()];
  const short = /^\p{Lu}[\p{L}\p{N}&'’-]{3,}$/u.test(first) && !/^(?:The|Team|Group)$/i.test(first);
  return short ? [company.trim(), first] : [company.trim()];
}

/**
 * A posting sentence without the "About Acme:" label that opens it: the label is a heading, not
 * something the candidate says. The sentence as it is when it has none.
 * @example withoutAboutLabel("About Acme: we make budgeting apps.", "Acme") // "we make budgeting apps."
 */
function withoutAboutLabel(sentence: string, company: string): string {
  const named = `(?:${namesOf(company).map(escapeRegExp).join("|")})`;
  return sentence.replace(new RegExp(`^About(?: us at)? ${named}\\s*[:—–-]\\s*`, "i"), "");
}

/**
 * Whether a posting line opens with the company's name as the subject of what follows ("Acme
 * builds…", "Acme's mission is…"), not as a header that only lists facts beside it ("Acme —
 * Lisbon (hybrid)", "Acme Labs | Remote"): a word must come right after the longest of its
 * names the line opens with ("Larkspur Analytics —" is not "Larkspur" followed by "Analytics").
 * @example opensWithName("Acme builds budgeting apps", "Acme") // true
 * @example opensWithName("Acme — Lisbon (hybrid)", "Acme") // false
 */
function opensWithName(sentence: string, company: string): boolean {
  const name = namesOf(company)
    .filter((n) => sentence.startsWith(n))
    .sort((a, b) => b.length - a.length)[0];
  return name !== undefined && /^(?:['’]s)?\s+\p{L}/u.test(sentence.slice(name.length));
}

/**
 * A mission sentence of a posting as the candidate says it after "What draws me to Acme is":
 * "Our mission is to make X" → "the mission to make X"; "Acme builds X" → "that it builds X";
 * "At Acme, we build X" → "that you build X". Undefined when the sentence does not speak as the
 * company (then the line keeps a blank rather than a quotation to reword).
 */
function inCandidateVoice(sentence: string, company: string | undefined): string | undefined {
  let text = sentence.replace(/[.!]+$/, "").trim();
  if (company !== undefined) text = withoutAboutLabel(text, company);
  const named = company === undefined ? undefined : `(?:${namesOf(company).map(escapeRegExp).join("|")})`;
  if (named !== undefined) text = text.replace(new RegExp(`^At ${named},?\\s+`, "i"), "");
  const aim = /^our (mission|goal|vision|purpose) is (to .+)$/i.exec(text);
  if (aim) return `the ${aim[1]?.toLowerCase()} ${voiced(aim[2] ?? "")}`;
  if (named !== undefined && company !== undefined && opensWithName(text, company))
    return `that ${text.replace(new RegExp(`^${named}('s)?`), (_m, s?: string) => (s ? "its" : "it"))}`.replace(
      /\s+/g,
      " ",
    );
  if (/^we\b|^we're\b|^we've\b/i.test(text)) return `that ${voiced(text)}`;
  return undefined;
}

// A requirement said after "You ask for": its first letter lower-cased unless it starts an
// acronym or a name ("SQL", "PyTorch"; the article "A" is lower-cased), its closing period dropped.
// A tool named by its own name keeps its capital ("You ask for Kubernetes", not "kubernetes").
const asAsked = (requirement: string) => {
  const text = requirement.trim().replace(/[.;:]+$/, "");
  const first = /^[\p{L}\p{N}+#.-]+/u.exec(text)?.[0].replace(/\.$/, "").toLowerCase() ?? "";
  if (/^\p{Lu}/u.test(SKILL_NAMES.get(first) ?? "")) return text;
  return text.replace(/^(?:(\p{Lu})(?=\p{Ll}+\b)|A(?= ))/u, (letter) => letter.toLowerCase());
};

/**
 * How the fit line names an ask: "You ask for a quantitative PhD." for a thing asked for, and
 * "You need someone to deploy models to production." for a duty that opens with a verb ("You ask
 * for deploy models" is not English).
 */
// "You'll own…" said of someone: "someone who will own…"; "you're" → "who is"; "you have" → "who has".
const SAID_OF_SOMEONE: Readonly<Record<string, string>> = {
  ll: "will",
  re: "is",
  ve: "has",
  are: "is",
  have: "has",
};

function askLine(requirement: string): string | undefined {
  // Said by the candidate to the company: the posting's "our services" are "your services".
  const asked = voiced(asAsked(requirement));
  // A duty told to the reader ("You will own models end to end") is who the company needs:
  // "You need someone who will own models end to end." Any other sentence with "you" as its
  // subject ("You love data") has no such turn and is not said.
  const told = /^you(?:\s+(will|can|are|have)|['’](ll|re|ve))\s+(.+)$/i.exec(asked);
  if (told) {
    const verb = (told[1] ?? told[2] ?? "").toLowerCase();
    return `You need someone who ${SAID_OF_SOMEONE[verb] ?? verb} ${told[3]}.`;
  }
  if (/^you\b/i.test(asked)) return undefined;
  return asksToDo(asked) ? `You need someone to ${asked}.` : `You ask for ${asked}.`;
}

/**
 * Whether a requirement is a duty that opens with a verb ("Deploy and monitor models", "Improve
 * latency of our services"), not a thing asked for ("Experience with Kubernetes", "Test
 * automation experience").
 * @example asksToDo("Deploy and monitor models in production") // true
 * @example asksToDo("Train, evaluate and ship models") // true
 * @example asksToDo("Design experience") // false
 */
function asksToDo(requirement: string): boolean {
  // A word is read without the comma or colon after it: "Train, evaluate and ship models" opens
  // with the verb "train" as much as "Train and ship models" does.
  const [first, second] = requirement
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[,;:]+$/, ""));
  if (first === undefined || /^(?:of|experience|skills?|management|expertise)$/i.test(second ?? ""))
    return false;
  // A gerund names an activity asked for, not a duty to do: "Mentoring engineers" is said "You
  // ask for mentoring engineers", never "You need someone to mentoring engineers". Three letters
  // before "-ing" at least, so "bring" and "sing" stay verbs.
  if (/^\p{L}{3,}ing$/u.test(first)) return false;
  if (ACTION_LEMMAS.has(first) || DUTY_VERBS.has(first)) return true;
  // Any other verb the tagger reads as the line's first word, an imperative: "Explain model
  // behaviour to clinicians", "Keep the rota up to date", "Coordinate night shifts" ("You ask for
  // explain model behaviour" is not English); a noun phrase ("Experience with Spark", "Design
  // experience", "Excellent written English") is not read as one.
  return tokenize(requirement.trim()).tokens.find((t) => t.type === "word")?.pos === "VERB";
}

// Verbs a posting opens a duty with that the lens's action verbs (told in the past, "I built")
// do not hold: "Improve latency of our services" is a duty, not a thing asked for. Words that
// open a noun phrase as often ("Experience", "Track record", "Work authorisation", "Model") stay out.
const DUTY_VERBS: ReadonlySet<string> = new Set(
  (
    "improve own scale communicate collaborate support ensure translate shape maintain optimize " +
    "optimise reduce monitor manage contribute identify evaluate architect establish deliver " +
    "partner define implement develop create analyze analyse automate prototype"
  ).split(" "),
);

const voiced = (text: string) => COMPANY_VOICE.reduce((out, [pattern, to]) => out.replace(pattern, to), text);

/**
 * Scaffolds "Why <company>? Why now?" from the posting's own words (quoted, with offsets)
 * and the profile's facts; a part with nothing to draw on is a visible blank.
 * @example scaffoldWhyCompany(posting, { background: ["3 years of fraud models"] }).lines[0].text
 * // "What draws me to Acme is the mission to …."
 */
export function scaffoldWhyCompany(
  posting: string,
  profile: Profile & {
    /**
     * The goals are sentences of an about-me answer that look ahead ("Now → bring…", "I'm excited
     * to bring…"), not the user's answer to "why now?" nor goals they set: wishes alone among
     * them say what the user wants, not why this is the moment, and the line asks for the reason.
     */
    goalsFromAboutMe?: boolean;
  },
  tailoring?: Tailoring,
): WhyCompany {
  const extracted = extractRequirements(posting);
  const masked = maskPosting(posting);
  const company = extracted.company;
  const name = company ?? "[company]";
  const lines: WhyCompanyLine[] = [];

  const missions = splitSentences(masked)
    .filter(
      (s) =>
        // What the company says it does: a mission cue, a sentence that opens with its name, or
        // one that tells it as "we" under an "About Acme:" label ("About Acme: we make…").
        (MISSION_CUE.test(s.text) ||
          (company !== undefined && opensWithName(s.text, company)) ||
          (company !== undefined &&
            /^we\b/i.test(withoutAboutLabel(s.text, company)) &&
            withoutAboutLabel(s.text, company) !== s.text)) &&
        !CHROME_LINE.test(s.text) &&
        s.text.split(/\s+/).length >= 5,
    )
    .slice(0, 2);
  if (missions.length > 0) {
    const quotes = missions.map((s) => ({
      from: "posting" as const,
      text: s.text.replace(/\s+/g, " "),
      start: s.start,
      end: s.end,
    }));
    // Said by the candidate: the posting's "we build…" becomes "you build…", never a quotation.
    const said = quotes.map((q) => inCandidateVoice(q.text, company)).filter((p) => p !== undefined);
    const text =
      said.length > 0
        ? `What draws me to ${name} is ${said.join(", and ")}.`
        : `What draws me to ${name} is [what in “${quotes[0]?.text ?? ""}” matters to you?]`;
    lines.push({ beat: "why-company", text, quotes, blanks: blanksOf(text) });
  } else {
    const text = `What draws me to ${name} is [what about their product or mission matters to you?]`;
    lines.push({ beat: "why-company", text, quotes: [], blanks: blanksOf(text) });
  }

  // With a tailoring, "why you fit" says the strongest sentence the bank has for an ask.
  const evidenced = tailoring === undefined ? [] : fitFromEvidence(tailoring);
  for (const fit of evidenced) {
    const said = `${fit.ask} ${fit.sentence?.replace(/[^.!?]$/, "$&.") ?? ""}`;
    // Partial evidence is not said as if it proved the ask: the blank asks for the missing link.
    // A plan is not said at all: the blank is the sentence to write.
    const text =
      fit.sentence === undefined
        ? `${fit.ask} [${PLAN_BLANK}]`
        : fit.strength === "strong"
          ? said
          : `${said} [${PARTIAL_BLANK}]`;
    lines.push({
      beat: "fit",
      text,
      quotes: [
        ...(fit.sentence === undefined ? [] : [{ from: "bank" as const, text: fit.evidence.quote }]),
        {
          from: "posting",
          text: fit.requirement.text,
          start: fit.requirement.start,
          end: fit.requirement.end,
        },
      ],
      blanks: blanksOf(text),
      ...(fit.sentence === undefined ? {} : { strength: fit.strength }),
    });
  }

  // A background fact that only says what the user wants next is no fit: "You ask for X. I'm
  // excited to do X" would pass a wish off as a deed.
  const facts = (evidenced.length > 0 ? [] : (profile.background ?? []))
    .filter((fact) => !statesPlan(fact))
    .map((fact) => ({
      fact,
      tokens: meaningful(fact),
      skills: skillsIn(fact),
    }));
  const pairs = facts
    .map(({ fact, tokens, skills }) => {
      let best: { req: Requirement; score: number } | undefined;
      for (const req of extracted.requirements) {
        const reqTokens = new Set(meaningful(req.text));
        const score =
          2 * skills.filter((s) => req.skills.includes(s)).length +
          tokens.filter((t) => reqTokens.has(t)).length;
        if (score >= 2 && (best === undefined || score > best.score)) best = { req, score };
      }
      return best ? { fact, ...best } : undefined;
    })
    .filter((p): p is NonNullable<typeof p> => p !== undefined)
    .sort((a, b) => b.score - a.score)
    // One line per requirement: a second fact for the same ask would repeat "You ask for…".
    .filter((pair, i, all) => all.findIndex((other) => other.req === pair.req) === i)
    .slice(0, 2);
  for (const pair of pairs) {
    lines.push({
      beat: "fit",
      // Said aloud: "You ask for X. <the user's own sentence>", no quotation marks to reword.
      text: `${askLine(pair.req.text)} ${pair.fact.trim().replace(/[^.!?]$/, "$&.")}`,
      quotes: [
        { from: "profile", text: pair.fact },
        { from: "posting", text: pair.req.text, start: pair.req.start, end: pair.req.end },
      ],
      blanks: [],
    });
  }
  if (pairs.length === 0 && evidenced.length === 0) {
    const text = "The role asks for [their top requirement], and I have done it: [your matching experience].";
    lines.push({ beat: "fit", text, quotes: [], blanks: blanksOf(text) });
  }

  const goals = profile.goals ?? [];
  if (goals.length > 0) {
    // Wishes alone drawn from an about-me ("I'm excited to bring my depth to an applied ML
    // team", "Now → …") say what you want, not why now: the line keeps them and asks for the
    // reason. The user's own answer to "why now?" is the reason, whatever its words.
    const said = `As for why now: ${goals.map((g) => sayNote(g.trim())).join(" ")}`;
    const text =
      profile.goalsFromAboutMe === true && goals.every(wishOnly)
        ? `${said.replace(/[^.!?]$/, "$&.")} [${WHY_NOW_BLANK}]`
        : said;
    lines.push({
      beat: "why-now",
      text,
      quotes: goals.map((g) => ({ from: "profile" as const, text: g })),
      blanks: blanksOf(text),
    });
  } else {
    const text = "As for why now: [what makes this the right moment for you?]";
    lines.push({ beat: "why-now", text, quotes: [], blanks: blanksOf(text) });
  }
  const out: WhyCompany = {
    lines,
    text: lines.map((l) => l.text).join("\n"),
    blanks: lines.flatMap((l) => l.blanks),
  };
  if (company) out.company = company;
  return out;
}
