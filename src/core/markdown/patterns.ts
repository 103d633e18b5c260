/**
 * The line patterns of prep documents, learned from the seed document and the public prep
 * documents listed in shared/eval/dev/public-documents.md. Each returns plain data; none
 * looks beyond the line it is given.
 */
import type { StarPart } from "../model.ts";
import { ACHIEVEMENT_VERBS } from "./data/achievement-verbs.ts";

const OPEN_QUOTES = '"“„«';
const CLOSE_FOR: Record<string, string> = { '"': '"', "“": "”", "„": "“", "«": "»" };

// Formatting tags that wrap what is said (`<b>1. …</b>`, `<details><summary>…`), never part of it.
const FORMAT_TAGS = /<\/?(?:b|strong|i|em|u|p|br|div|span|details|summary|h[1-6])(?:\s[^<>]*)?\/?>/gi;

/** Removes Markdown decoration that is not part of what is said: `>`, bullets, checkboxes, bold, formatting tags. */
export function plainLine(line: string): string {
  return line
    .replace(FORMAT_TAGS, "")
    .replace(/^\s*(?:>\s?)+/, "")
    .replace(/^ {0,3}#{1,6}\s+/, "")
    .replace(/^\s*(?:[-*+•]\s+)(?:\[[ xX]\]\s+)?/, "")
    .replace(/\*\*|__/g, "")
    .trim();
}

/** A bare block heading over alternative answers ("**Alternative Answers**:", "Other versions"). */
export const ALTERNATIVES_HEADING = /^(?:alternative|alternate|other)\s+(?:answers|versions)\s*:?$/i;

/**
 * An answer's remark as a reader wants it: without the block heading the importer keeps with
 * the answer's lines ("Alternative Answers:"), which heads the block rather than says anything;
 * undefined when nothing else is left.
 * @example remarkToShow("Alternative Answers:\nHere's a version for ML:") // "Here's a version for ML:"
 */
export function remarkToShow(remark: string | undefined): string | undefined {
  if (remark === undefined) return undefined;
  const lines = remark.split("\n");
  if (ALTERNATIVES_HEADING.test(plainLine(lines[0] ?? ""))) lines.shift();
  const rest = lines.join("\n").trim();
  return rest === "" ? undefined : rest;
}

/**
 * Whether an answer's remark is a reply to someone rather than a note on the answer: it speaks to
 * the reader ("you", "your"), in a helper's voice ("let's", "let me"), presents what follows as
 * something handed over ("here's…", "below is…"), or opens with a sentence of three words or fewer
 * that only reacts ("Sure.", "Got it!"). A note of the user's own ("Tell it like a short film —
 * four scenes:") is none of these. Chat-assistant lead-ins kept with pasted answers are replies.
 * @example readsAsReply("Sure. Here is a tighter take on the same story:") // true
 * @example readsAsReply("Tell it like a short film — four scenes, no detours:") // false
 */
export function readsAsReply(remark: string): boolean {
  const text = plainLine(remark.replace(/\s+/g, " "));
  if (/\b(?:you|your|yours|you['’](?:re|ve|ll|d))\b/i.test(text)) return true;
  if (/\blet(?:['’]s| us| me)\b/i.test(text)) return true;
  if (/^\W*(?:here(?:['’]s| is| are)|below (?:is|are))\b/i.test(text)) return true;
  const first = /^([^.!?]*)[.!]/.exec(text)?.[1]?.trim();
  return first !== undefined && first !== "" && first.split(/\s+/).length <= 3;
}

// A list item, inside a quote or not: its indent (the nesting as written) and its marker.
const LIST_ITEM = /^(\s*)([-*+•]|\d{1,3}[.)])\s+/;

/**
 * A list item's line as plain text that still reads as a list item: the indent as written
 * (nesting), "- " for any bullet or the number as written ("2."), the rest without markup.
 * Undefined for a line that is not a list item.
 * @example plainListLine("  * **Found** it") // "  - Found it"
 */
export function plainListLine(line: string): string | undefined {
  const inner = line.replace(/^\s{0,3}(?:>\s?)+/, "");
  const m = LIST_ITEM.exec(inner);
  if (!m) return undefined;
  const said = plainLine(inner.slice(m[0].length));
  if (said === "") return "";
  const marker = /\d/.test(m[2] ?? "") ? (m[2] ?? "") : "-";
  // A tab in the indent is four columns (as Markdown reads it), never a raw tab on screen.
  return `${(m[1] ?? "").replace(/\t/g, "    ")}${marker} ${said}`;
}

/**
 * Joins lines as plain text: lines of one paragraph with "\n", paragraphs with "\n\n". A list
 * item keeps its marker ("- ", "1. ") and its indent, so a list reads as a list wherever the
 * text is shown. Lines marked `verbatim` (code) are kept exactly as written.
 * @example joinPlain(["Not about:", "* **titles**", "  * charm"]) // "Not about:\n- titles\n  - charm"
 */
export function joinPlain(lines: readonly string[], options: { verbatim?: readonly boolean[] } = {}): string {
  const items = lines.map((line, n) => (options.verbatim?.[n] ? undefined : plainListLine(line)));
  // Nesting is kept relative to the outermost list item of these lines: "   - …" under a
  // numbered question line is a top-level item of its answer.
  let outer = Number.POSITIVE_INFINITY;
  for (const item of items) if (item) outer = Math.min(outer, item.length - item.trimStart().length);
  const out: string[] = [];
  let blank = false;
  for (const [n, line] of lines.entries()) {
    const item = items[n];
    const plain = options.verbatim?.[n]
      ? line.trimEnd()
      : item === undefined
        ? plainLine(line)
        : item.slice(Math.min(outer, item.length - item.trimStart().length));
    if (plain.trim() === "") {
      blank = out.length > 0;
      continue;
    }
    if (blank) out.push("");
    out.push(plain);
    blank = false;
  }
  return out.join("\n");
}

/** The closing quote that matches an opening one at the start of `text`, if it starts with one. */
export function openingQuote(text: string): { open: string; close: string } | undefined {
  const first = text
    .trimStart()
    .replace(/^(?:>\s?)+/, "")
    .replace(/^\*\*/, "")
    .charAt(0);
  if (!OPEN_QUOTES.includes(first) || first === "") return undefined;
  return { open: first, close: CLOSE_FOR[first] ?? first };
}

/** Strips one pair of surrounding quotes (straight or typographic) and trailing decoration. */
export function unquote(text: string): string {
  const t = text.trim();
  const q = openingQuote(t);
  if (!q) return t;
  let inner = t.slice(1);
  const closeAt = inner.trimEnd().lastIndexOf(q.close);
  if (closeAt >= 0 && /^[\s.!?,*]*$/.test(inner.slice(closeAt + 1))) {
    inner =
      inner.slice(0, closeAt) +
      inner
        .slice(closeAt + 1)
        .replace(/\*+/g, "")
        .trimEnd();
  }
  return inner.trim();
}

/** True when a (plain) line ends with the closing quote, allowing trailing bold/punctuation. */
export function endsWithQuote(line: string, close: string): boolean {
  return new RegExp(`[${close === '"' ? '"' : close}][\\s*.!?]*$`).test(line.trimEnd());
}

const QUESTION_START =
  /^(?:tell (?:me|us)|describe|give (?:me|us) an example|walk (?:me|us) through|share|talk (?:me |us )?(?:about|through)|explain|what|what['’]s|why|how|when|where|which|who|can you|could you|would you|have you|do you|did you|are you|is there|define|compare|imagine|suppose)\b/i;

/** A line that reads as a question: ends with "?" or opens like one ("Tell me about…", "Explain…"). */
export function looksLikeQuestion(text: string): boolean {
  const t = text
    .replace(/\*\*/g, "")
    .replace(/[:\s]+$/, "")
    .trim();
  if (t.length < 4 || t.length > 400) return false;
  return /[?？][”"')\]]*$/.test(t) || QUESTION_START.test(unquote(t));
}

export interface NumberedQuestion {
  /** As written: "Q1", "6", "Question 3". */
  number: string;
  /** The digits, for the key. */
  digits: string;
  text: string;
  /** Whether the number was Q-prefixed ("Q1-", "Question 3:"), which marks a question on its own. */
  qPrefixed: boolean;
}

// Leading markers seen before numbered questions: ❓ ✅ 🔹 👉 and bold.
const LEAD_MARKERS = /^(?:[\s*_]|❓|❔|✅|🔹|🔸|👉|📌|⭐|\uFE0F)+/u;

/** `Q1- Tell me…`, `Q1: …`, `6. …`, `❓**1. …**`, `Question 3: …` → number and text. */
export function matchNumberedQuestion(title: string): NumberedQuestion | undefined {
  const t = title.replace(LEAD_MARKERS, "").replace(/\*\*/g, "");
  const m = /^(?:(Q(?:uestion)?\s*#?\s*(\d{1,3}))\s*[-–—.:)]?|(\d{1,3})\s*[-–—.:)])(?:\s+|$)(.*)$/i.exec(t);
  if (!m) return undefined;
  const digits = m[2] ?? m[3] ?? "";
  const number = m[1]?.replace(/\s+/g, m[1].length > 3 ? " " : "") ?? digits;
  return { number, digits, text: (m[4] ?? "").trim(), qPrefixed: m[1] !== undefined };
}

/** Strips a trailing colon from a question as written ("Tell me about yourself:" → "… yourself"). */
export const cleanQuestion = (text: string): string =>
  text
    .replace(/\*\*/g, "")
    .replace(/\s*:\s*$/, "")
    .trim();

/** `**Q1- …**`, `**Why do you want to work here?**`, `❓"…?"`: a whole line that poses a question. */
export function matchQuestionLine(line: string): { numbered?: NumberedQuestion; text: string } | undefined {
  const t = htmlBoldAsMarkdown(line.trim());
  if (/^❓|^❔/u.test(t)) {
    const rest = t.replace(LEAD_MARKERS, "");
    const numbered = matchNumberedQuestion(rest);
    const text = unquote(numbered ? numbered.text : rest.replace(/\*\*/g, ""));
    return text === "" ? undefined : numbered ? { numbered, text } : { text };
  }
  const bold = /^\*\*(.+?)\*\*\s*:?\s*$/.exec(t);
  if (!bold?.[1] || bold[1].includes("**")) return undefined;
  const inner = bold[1].trim();
  const numbered = matchNumberedQuestion(inner);
  if (numbered && (numbered.qPrefixed || looksLikeQuestion(numbered.text)) && numbered.text !== "") {
    return { numbered, text: cleanQuestion(numbered.text) };
  }
  if (numbered) return undefined;
  if (/[?？]\s*:?$/.test(inner) || PROMPT_START.test(unquote(inner)))
    return { text: cleanQuestion(unquote(inner)) };
  return undefined;
}

// Prompts that are questions without a question mark ("**Tell me about a failure**").
const PROMPT_START =
  /^(?:tell (?:me|us) about|describe (?:a|an|the|your)|give (?:me|us) an example|walk (?:me|us) through|talk (?:me|us) through|share (?:a|an) (?:time|example|situation))\b/i;

/** `<p><b>4. Why us?</b></p>`, `<strong>…</strong>` → `**4. Why us?**`; other text unchanged. */
export function htmlBoldAsMarkdown(line: string): string {
  const unwrapped = line.replace(/^<(p|div)(?:\s[^<>]*)?>(.*)<\/\1>\s*$/i, "$2").trim();
  const m = /^<(b|strong)(?:\s[^<>]*)?>(.*)<\/\1>\s*(:?)\s*$/i.exec(unwrapped);
  return m?.[2] !== undefined && !m[2].includes("<") ? `**${m[2].trim()}**${m[3] ?? ""}` : unwrapped;
}

/** `<summary>Q6. What would you do first?</summary>` (the question of a `<details>` block). */
export function matchSummaryQuestion(
  line: string,
): { numbered?: NumberedQuestion; text: string } | undefined {
  const m = /<summary(?:\s[^<>]*)?>(.*?)<\/summary>/i.exec(line);
  const inner = m?.[1]?.replace(FORMAT_TAGS, "").trim();
  if (!inner) return undefined;
  const numbered = matchNumberedQuestion(inner);
  const text = cleanQuestion(unquote(numbered ? numbered.text : inner));
  if (text === "" || !(numbered?.qPrefixed || looksLikeQuestion(text))) return undefined;
  return numbered ? { numbered, text } : { text };
}

/** `<h2>Self introduction</h2>` on a line of its own → depth 2 and the title. */
export function matchHtmlHeading(line: string): { depth: number; title: string } | undefined {
  const m = /^\s*<h([1-6])(?:\s[^<>]*)?>(.*?)<\/h\1>\s*$/i.exec(line);
  const title = m?.[2]?.replace(FORMAT_TAGS, "").trim();
  return m?.[1] && title ? { depth: Number(m[1]), title } : undefined;
}

/** `1. Tell me about a time…?` as a list item: a question only if it reads as one. */
export function matchNumberedListQuestion(line: string): NumberedQuestion | undefined {
  const m = /^ {0,3}(\d{1,3})[.)]\s+(.+)$/.exec(line);
  if (!m?.[1] || !m[2]) return undefined;
  const text = m[2].trim();
  if (!looksLikeQuestion(text)) return undefined;
  return { number: m[1], digits: m[1], text: cleanQuestion(text), qPrefixed: false };
}

/** `Question: …` (the seed's "Alternative Answers"). */
export function matchQuestionLabel(line: string): string | undefined {
  const m = /^(?:\*\*)?Question(?:\*\*)?\s*:(?:\*\*)?\s*(.+)$/i.exec(line.trim());
  return m?.[1]?.trim();
}

export interface AnswerLabel {
  /** The parenthetical or label that names a variant ("Fresher/Entry Level"). */
  variant?: string;
  /** Text that follows the label on the same line. */
  inline: string;
  /** Length of the label prefix in the original line (to keep it when re-rendering). */
  prefixLength: number;
}

/** `Answer:`, `**Answer**:`, `✅ **Answer (Fresher):**`, `> **Answer:**`, `✅ Optional: Pure English Version (…):`. */
export function matchAnswerLabel(line: string): AnswerLabel | undefined {
  const m =
    /^(\s*(?:>\s?)*\s*(?:[✅👉]\uFE0F?\s*)?(?:\*\*|__)?\s*(?:Answer|Sample answer|My answer|Response|You|Me|Candidate)\s*(?:\(([^)]*)\))?\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*)(.*)$/iu.exec(
      line,
    );
  if (m?.[1] !== undefined) {
    const label: AnswerLabel = { inline: (m[3] ?? "").trim(), prefixLength: m[1].length };
    if (m[2]) label.variant = m[2].trim();
    return label;
  }
  // A ✅-marked label naming another version, ending in a colon.
  const v = /^(\s*✅\uFE0F?\s*(?:\*\*)?\s*(.+?)\s*(?:\*\*)?\s*:\s*(?:\*\*)?\s*)$/u.exec(line);
  if (v?.[1] && v[2] && /version|answer|option/i.test(v[2])) {
    return { variant: v[2].replace(/\*\*/g, "").trim(), inline: "", prefixLength: v[1].length };
  }
  return undefined;
}

const STAR_WORDS: Record<string, StarPart> = {
  situation: "situation",
  task: "task",
  action: "action",
  actions: "action",
  result: "result",
  results: "result",
  lesson: "lesson",
  lessons: "lesson",
  "lesson learned": "lesson",
  "lessons learned": "lesson",
  learning: "lesson",
  learnings: "lesson",
};
const STAR_LETTERS: Record<string, StarPart> = {
  S: "situation",
  T: "task",
  A: "action",
  R: "result",
  L: "lesson",
};

export interface StarLabel {
  part: StarPart;
  inline: string;
  /** Length of the label prefix in the original line. */
  prefixLength: number;
}

/**
 * STAR labels in the styles seen in prep documents: `**S – Situation**`, `**Situation**:`,
 * `**Situation:** text`, `Situation: text`, bare `S: text` (and `Lesson`).
 */
export function matchStarLabel(line: string): StarLabel | undefined {
  const lead = /^\s*(?:[-*+]\s+)?/.exec(line)?.[0] ?? "";
  const rest = line.slice(lead.length);
  const words = "Situation|Task|Actions?|Results?|Lessons?(?: learned)?|Learnings?";
  const patterns: Array<{ re: RegExp; word: number; letter?: number }> = [
    // **S – Situation**
    { re: new RegExp(`^(\\*\\*|__)([STARL])\\s*[-–—:]\\s*(${words})\\s*:?\\s*\\1\\s*:?\\s*`, "i"), word: 3 },
    // **Situation**:  **Situation:**  **Situation**
    { re: new RegExp(`^(\\*\\*|__)(${words})\\s*:?\\s*\\1\\s*:?\\s*`, "i"), word: 2 },
    // Situation: text (a colon is required without bold: "Task" may just start a sentence)
    { re: new RegExp(`^()(${words})\\s*:\\s*`, "i"), word: 2 },
    // S: text, **S:** text
    { re: /^(\*\*)?([STARL])(?:\*\*)?\s*:(?:\*\*)?\s*/, word: 0, letter: 2 },
  ];
  for (const { re, word, letter } of patterns) {
    const m = re.exec(rest);
    if (!m) continue;
    const part = letter ? STAR_LETTERS[m[letter] ?? ""] : STAR_WORDS[(m[word] ?? "").toLowerCase()];
    if (part)
      return { part, inline: rest.slice(m[0].length).trim(), prefixLength: lead.length + m[0].length };
  }
  return undefined;
}

/** `#### They’ll likely ask:`, `Likely follow-ups:`. */
export const isFollowUpTrigger = (text: string): boolean =>
  /^(?:[*_\s]|👉|❓)*(?:they['’]ll|they will|they may|they might|they could|expect them to|interviewers? (?:may|might|will|could))\s+(?:likely\s+|probably\s+|also\s+)?(?:ask|follow up)\b|^(?:[*_\s])*(?:likely |possible |expected )?follow[- ]?ups?(?: questions?)?\s*:?(?:[*_\s])*$/i.test(
    text.replace(/\*\*/g, "").trim(),
  );

/** `#### Alternative version`, `Shorter version:`; not the plural "Alternative Answers". */
export const isAlternativeTrigger = (text: string): boolean =>
  /^(?:[*_\s])*(?:alternative|alternate)\s+(?:version|take|opening|answer)(?!s)\b|^(?:[*_\s])*(?:short|shorter|long|longer|\d+[- ]second|\d+[- ]minute)\s+version\b/i.test(
    text.replace(/\*\*/g, "").trim(),
  );

/** "You don’t want them thinking “this is too academic.”" → "this is too academic". */
export function matchConcern(line: string): string | undefined {
  const t = line.replace(/\*\*/g, "").trim();
  const m =
    /\b(?:don['’]t|do not|never)\s+(?:want|let)\s+(?:them|the interviewers?|interviewers|the panel|the hiring manager|anyone)\s+(?:to\s+)?(?:think|thinking|feel|feeling|assume|assuming|conclude|walk away thinking|see you as)\b\s*(?:that\s+)?[:,]?\s*(.+)$/i.exec(
      t,
    ) ?? /^(?:concern|red flag|risk to avoid|avoid sounding(?: like)?)\s*[:–—-]\s*(.+)$/i.exec(t);
  const judgement = m?.[1]
    ?.trim()
    .replace(/^["“'‘]|["”'’]?[.!]?["”'’]?$/g, "")
    .replace(/[.!]$/, "")
    .trim();
  return judgement || undefined;
}

/** "So frame it like:", "Instead, say:". */
export const isReframeIntro = (line: string): boolean =>
  /^(?:so,?\s+|instead,?\s+)?(?:frame|reframe|put|say|position|phrase|pitch)\s+(?:it\s+)?(?:like|as|something like)\b|^instead,?\s+(?:say|frame)/i.test(
    plainLine(line),
  );

/** "Yaser said: …", "**ChatGPT said:**", "User: …" in a pasted conversation. */
export function matchSpeaker(line: string): { speaker: string; text: string } | undefined {
  const t = line.trim();
  const said = /^(?:\*\*)?([\p{Lu}][\p{L}\d .'’-]{0,30}?)(?:\*\*)?\s+said\s*:(?:\*\*)?\s*(.*)$/u.exec(t);
  if (said?.[1]) return { speaker: said[1].trim(), text: (said[2] ?? "").trim() };
  const role = /^(?:\*\*)?(User|Assistant|ChatGPT|Claude|Gemini|Copilot)(?:\*\*)?\s*:(?:\*\*)?\s*(.*)$/.exec(
    t,
  );
  if (role?.[1]) return { speaker: role[1], text: (role[2] ?? "").trim() };
  return undefined;
}

/** Speakers that are the coach/assistant side of a conversation, not the candidate. */
export const ASSISTANT_SPEAKERS =
  /^(?:chatgpt|gpt[\w.-]*|claude|assistant|ai|gemini|copilot|bard|coach|mentor)$/i;

/**
 * `**HR:** …`, `**Interviewer**: …`, `Interviewer: …`, `Q: …`: the asking side of a mock-interview dialogue.
 * Any case: notes typed without capitals write "q:" and "a:".
 */
export const matchInterviewerLine = (line: string): string | undefined =>
  (/^\s*\*\*(?:HR|Interviewer|Recruiter|Hiring Manager|Panel|Q)\s*:?\*\*\s*:?\s*(.*)$/i.exec(line) ??
    /^\s*(?:HR|Interviewer|Recruiter|Hiring Manager|Q)\s*:\s*(\S.*)$/i.exec(line))?.[1]?.trim();
/** The candidate's reply in a dialogue: `**You:** …`, `**Me**: …`, `Candidate: …`, `A: …`; group 1 is the label. */
export const matchCandidateLine = (line: string): RegExpExecArray | null =>
  /^(\s*\*\*(?:You|Me|Candidate|A)\s*:?\*\*\s*:?\s*)(.*)$/i.exec(line) ??
  /^(\s*(?:You|Me|Candidate|A)\s*:\s*)(\S.*)$/i.exec(line);

/** The label of a dialogue reply (`**You:**`, `A:`, `Candidate:`), as an answer label. */
export function matchReplyLabel(line: string): AnswerLabel | undefined {
  const label = matchAnswerLabel(line);
  if (label) return label;
  const reply = matchCandidateLine(line);
  return reply?.[1] === undefined
    ? undefined
    : { inline: (reply[2] ?? "").trim(), prefixLength: reply[1].length };
}

/** Lines that address the candidate about an answer rather than being part of it. */
export const isCommentary = (line: string): boolean =>
  /^(?:[*_\s])*(?:here['’]s|here is|this version|this answer|this framing|this highlights|this shows|let me know|absolutely[!,]|great[!,]|sure[!,]|would you like|want me to|i can help|feel free|if you['’]d like|hope this)/i.test(
    line,
  );

/** `- item`, `* item`, `1. item`. */
export const isListItem = (line: string): boolean => /^\s{0,3}(?:[-*+•]|\d{1,3}[.)])\s+/.test(line);
export const isBullet = (line: string): boolean => /^\s{0,3}[-*+•]\s+/.test(line);

/** "2–3 mins" → 180 (the upper bound: a budget is a limit); "90 sec" → 90; "2 min" → 120. */
export function parseBudgetSeconds(text: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)(?:\s*(?:[-–—]|to)\s*(\d+(?:\.\d+)?))?\s*(minutes?|mins?|seconds?|secs?)\b/i.exec(
    text,
  );
  if (!m?.[1] || !m[3]) return undefined;
  const value = Number(m[2] ?? m[1]);
  const unit = m[3].toLowerCase().startsWith("m") ? 60 : 1;
  return Math.round(value * unit);
}

/** Leading emoji of a heading ("🧠 ML & Deep Learning Foundations"). */
export function leadingEmoji(title: string): { emoji: string; rest: string } | undefined {
  const m =
    /^((?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\uFE0F|\u200D|\p{Extended_Pictographic}|\p{Emoji_Modifier})*)\s*(.*)$/u.exec(
      title.trim(),
    );
  return m?.[1] ? { emoji: m[1], rest: (m[2] ?? "").trim() } : undefined;
}

/** "Answers pitched for ML Engineer Roles:" → "ML Engineer". */
export function matchRole(title: string): string | undefined {
  const t = title.replace(/\*\*/g, "").trim();
  const m =
    /\b(?:for|as an?|as a|as)\s+(?:the\s+|an?\s+)?([\p{L}\d/&+.\- ]{2,60}?)\s+(?:roles?|positions?|interviews?|jobs?|openings?)\b/iu.exec(
      t,
    ) ?? /^(?:target(?:ed)? role|role)\s*[:–—-]\s*(.{2,60})$/i.exec(t);
  return m?.[1]?.trim() || undefined;
}

/** A short slug for keys: "Model serving / inference API focus" → "model-serving-inference-api-focus". */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return slug || "variant";
}

/** For matching a re-asked question to the original: lowercase words, parentheticals dropped. */
export function normaliseQuestion(text: string): string {
  return text
    .replace(/\([^)]*\)/g, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const ACHIEVEMENT_VERB = new Set(ACHIEVEMENT_VERBS);
const FIGURE =
  /[$€£]\s?\d[\d,.]*\s?(?:[kmb]n?\b|million|billion)?|\d[\d,.]*\s?(?:%|×|x\b|[kmb]\b|ms\b|s\b|seconds?\b|secs?\b|minutes?\b|mins?\b|hours?\b|hrs?\b|days?\b|weeks?\b|months?\b|years?\b|million\b|billion\b|thousand\b)?/gi;

/** The figures of an achievement ("2 weeks", "35%", "$180k"), in order, without repeats. */
export function findFigures(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const figure = m[0].trim().replace(/[.,]+$/, "");
    if (/\d/.test(figure) && !found.includes(figure)) found.push(figure);
  }
  return found;
}

/**
 * A résumé-style achievement bullet: a list item that opens with an achievement verb in the
 * past tense ("- Reduced deployment time from 2 weeks to 3 days"). Checklist items and
 * questions are not achievements.
 *
 * @example matchAccomplishment("- Cut GPU spend by 35%")?.metrics // ["35%"]
 */
export function matchAccomplishment(line: string): { text: string; metrics: string[] } | undefined {
  const m = /^ {0,3}(?:[-*+•]|\d{1,3}[.)])\s+(?!\[[ xX]\])(.+)$/.exec(line);
  if (!m?.[1]) return undefined;
  const text = m[1]
    .replace(/\*\*|__/g, "")
    .replace(FORMAT_TAGS, "")
    .replace(/^(?:✅|✔|🔹|🔸|▪|•|\uFE0F|\s)+/u, "")
    .trim();
  const words = text.split(/\s+/);
  const verb = words[0]?.toLowerCase().replace(/[^a-z]/g, "") ?? "";
  if (words.length < 4 || !ACHIEVEMENT_VERB.has(verb) || /[?？]$/.test(text)) return undefined;
  return { text, metrics: findFigures(text) };
}

/**
 * A self-introduction that opens a paragraph ("Hi, I'm Ravi from Nashik…", "Hello! My name is
 * Ana…", quoted or not): the answer to "Tell me about yourself" even where no question is written.
 * @example isSelfIntroduction('"Hello, I\'m Ravi. After my diploma…') // true
 */
export function isSelfIntroduction(line: string): boolean {
  const t = line.replace(/^[\s>*_"“'‘]+/u, "");
  const m =
    /^(?:(?:hi|hello|hey|good (?:morning|afternoon|evening))\b[\s,!.—–-]*(?:(?:everyone|there|all)\b[\s,!.—–-]*)?(?:i['’]m|i am|my name is|this is)|my name is)\s+(\S+)/iu.exec(
      t,
    );
  return m?.[1] !== undefined && /^\p{Lu}/u.test(m[1]);
}

/** The question a self-introduction answers. */
export const SELF_INTRODUCTION_QUESTION = "Tell me about yourself";

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$/;
const BEFORE_COLUMN = /^(?:before|from|old|baseline|was)$/i;
const AFTER_COLUMN = /^(?:after|to|new|now|result)$/i;

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((cell) => cell.replace(/\*\*|__|`/g, "").trim());

/**
 * A before/after table of results (`| metric | before | after |`): each row is an
 * achievement, "p95 latency: 840 ms → 210 ms". `lines` starts at the header row; the rows
 * are returned with their line offsets.
 * @example matchMetricTable(["| metric | before | after |", "|---|---|---|", "| p95 | 840 ms | 210 ms |"])?.rows[0]?.text // "p95: 840 ms → 210 ms"
 */
export function matchMetricTable(
  lines: readonly string[],
): { rows: Array<{ offset: number; text: string; metrics: string[] }> } | undefined {
  const [header, separator] = lines;
  if (!header || !separator || !TABLE_ROW.test(header) || !TABLE_SEPARATOR.test(separator)) return undefined;
  const columns = cells(header);
  const before = columns.findIndex((c) => BEFORE_COLUMN.test(c));
  const after = columns.findIndex((c) => AFTER_COLUMN.test(c));
  if (before < 0 || after < 0) return undefined;
  const rows: Array<{ offset: number; text: string; metrics: string[] }> = [];
  for (let k = 2; k < lines.length && TABLE_ROW.test(lines[k] ?? ""); k++) {
    const row = cells(lines[k] ?? "");
    const from = row[before] ?? "";
    const to = row[after] ?? "";
    const label = row.filter((_, c) => c !== before && c !== after).join(", ");
    if (from === "" || to === "" || label === "") return undefined;
    rows.push({ offset: k, text: `${label}: ${from} → ${to}`, metrics: findFigures(`${from} ${to}`) });
  }
  return rows.length > 0 ? { rows } : undefined;
}
