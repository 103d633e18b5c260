/**
 * Compose over every story answer of our sample (samples/sample-prep.md) and the seed prep document
 * (../shared/seed), under three questions, at 30, 60 and 90 s: how many drafts keep a sentence that
 * leans on one they left out (a dangling sentence), how many run over the budget, and how many
 * say no result and leave no blank for one. Of those over budget, `needsSaid` counts the ones whose
 * warning says how long the story needs even at its shortest ("this story takes 25 s"); `overSeconds`
 * gives, for each budget, how many drafts run over and by how many seconds (mean and max).
 * Run: `npx tsx scripts/compose-dangling.ts [--budgets 30,60,90] [--print [--all | --over]] [--dump FILE]` (--dump writes every draft
 * as JSON, one a line, to compare two versions of compose byte for byte).
 */

import { writeFileSync } from "node:fs";
import { callsForStory, classify } from "../src/core/analysis/classify.ts";
import { answerText } from "../src/core/answer-text.ts";
import type { AnswerItem, PrepDoc } from "../src/core/model.ts";
import { tellsTrouble } from "../src/core/packaging/acts.ts";
import { compose, type Draft } from "../src/core/packaging/compose.ts";
import { ANSWER_CUES } from "../src/core/packaging/data/answer-cues.ts";
import { type Story, storySentences } from "../src/core/packaging/story.ts";
import { antecedentOf, leansBack, leansOnAnyStep } from "../src/core/packaging/text.ts";
import { answerOf, readSample, readSeed } from "../test/seed.ts";

// The check is the script's own (it runs on the old compose too): a kept sentence that names the
// trouble as known ("the issue", "the fix", "the bad constants", "To resolve it", "I rolled back")
// with nothing kept before it that tells what went wrong, or one that points back ("It…", "Two
// days later…") at a sentence left out.
const MISTAKE = ANSWER_CUES["mistake-failure"]?.[0] ?? /(?!)/;
const NAMES =
  /\bthe (?:issue|problem|bug|error|mistake|fault|failure|fix)\b|\bthe (?:bad|wrong|broken|faulty|corrupt(?:ed)?) [a-z]+|^to (?:\w+ )?(?:resolve|fix|address|solve|correct|repair|handle) (?:it|this|that|them)\b/i;
// …or a deed of the speaker's that mends something ("I … rolled back", "we reverted", "I patched"),
// which only follows a failure told.
const MENDS =
  /\b(?:I|we)\b[^.;:]*\b(?:rolled back|reverted|restored|patched|hotfixed|repaired|recovered|undid|fixed)\b/i;
// …or finds where a trouble named as known came from ("I traced the issue to…"), whatever its cause.
const TRACES =
  /\b(?:traced|tracked|pinned|narrowed|identified|found|isolated)\s+(?:down\s+)?the (?:issue|problem|bug|error|fault)\b/i;
const WHEN =
  /^(?:(?:a|an|one|two|three|four|five|six|a few|a couple of|several|\d+) (?:minutes?|hours?|days?|nights?|weeks?|months?) later|the (?:next|following) (?:day|morning|night|week)|within (?:a|an|one|two|three|a few|\d+) (?:hours?|days?|nights?|weeks?|months?))\b,?\s+(?!I\b|we\b)/i;
const BACK = /\b(?:it|its|this|that|these|those|they|them|their|he|she|the same|such|then)\b/i;
const THAT_CLAUSE = /\b(?:said|reported|noticed|found|saw) that\b/gi;
const says = (t: string) => tellsTrouble(t) || MISTAKE.test(t);
// …or a result that names what the work made as already heard of ("The new version caught…"),
// with no deed kept before it that made anything (the mistake itself makes nothing).
const MADE = /\bthe (?:new|updated|revised|retrained|rebuilt|corrected|fixed) [a-z]/i;
function danglingIn(story: Story, draft: Draft, telling: string): string[] {
  const all = storySentences(story)
    .map((s, i) => ({ s, at: telling.indexOf(s.text), i }))
    .sort((a, b) => (a.at < 0 || b.at < 0 ? a.i - b.i : a.at - b.at || a.i - b.i))
    .map((x) => x.s.text);
  const kept = draft.sentences.filter((s) => s.origin.from === "story").map((s) => s.text);
  return kept.filter((t, k) => {
    if (k === 0) return false;
    // "I traced the issue to a misconfiguration…" says its cause, yet "the issue" is one already heard of.
    const names = TRACES.test(t) || ((NAMES.test(t) || MENDS.test(t)) && !says(t));
    if (names && !kept.slice(0, k).some(says)) return true;
    const at = all.indexOf(t);
    // A result or a lesson whose "this" is the whole episode leans on no one line (as compose reads it).
    const part = draft.sentences.find((s) => s.text === t)?.part;
    const madeBefore = draft.sentences
      .slice(
        0,
        draft.sentences.findIndex((s) => s.text === t),
      )
      .some((s) => s.part === "action" && s.origin.from === "story" && !MISTAKE.test(s.text));
    if (part === "result" && MADE.test(t) && !madeBefore) return true;
    if (part === "result" || part === "lesson") return false;
    if (at <= 0 || !leansBack(t) || leansOnAnyStep(t)) return false;
    const before = all[antecedentOf(all, at)];
    if (before === undefined || kept.includes(before)) return false;
    // A new event told with its own time ("Two days later a colleague reported…"), in words that
    // point back at nothing else, stands after a kept setting that tells the speaker's own work:
    // the listener counts the time from that work.
    const when = WHEN.exec(t);
    const fresh = when !== null && !BACK.test(t.slice(when[0].length).replace(THAT_CLAUSE, ""));
    const ownWork = draft.sentences
      .slice(
        0,
        draft.sentences.findIndex((s) => s.text === t),
      )
      .some(
        (s) =>
          (s.part === "situation" || s.part === "task") &&
          s.origin.from === "story" &&
          /\b(?:I|we)\b/i.test(s.text) &&
          !leansBack(s.text),
      );
    return !(fresh && ownWork);
  });
}

import { storyFromAnswer } from "../src/core/packaging/story.ts";

const QUESTIONS = [
  "Tell me about a difficult technical problem you solved.",
  "Tell me about a time you made a mistake and how you handled it.",
  "Tell me about a project you are proud of.",
];
const budgetsAt = process.argv.indexOf("--budgets");
const BUDGETS = (budgetsAt >= 0 ? (process.argv[budgetsAt + 1] ?? "") : "30,60,90").split(",").map(Number);
if (BUDGETS.some((b) => !(b > 0))) {
  process.stderr.write("--budgets takes seconds separated by commas, e.g. --budgets 20,45,75\n");
  process.exit(2);
}
const print = process.argv.includes("--print");
const dumpAt = process.argv.indexOf("--dump");
const dumpTo = dumpAt >= 0 ? process.argv[dumpAt + 1] : undefined;
const dumped: string[] = [];

const stories = (doc: PrepDoc | undefined, name: string) =>
  (doc?.items ?? [])
    .filter((i): i is AnswerItem => i.kind === "answer" && callsForStory(classify(i.question).competency))
    .map((a) => ({ name: `${name}:${a.key}`, answer: answerOf(doc, a.key) }));

let drafts = 0;
let dangling = 0;
let over = 0;
// Drafts that say no result and leave no blank for one either.
let noResult = 0;
let needsSaid = 0;
// How far over the budget each over-budget draft runs, in seconds, by budget.
const overBy = new Map<number, number[]>();
for (const { name, answer } of [...stories(readSample(), "sample"), ...stories(readSeed(), "seed")]) {
  const story = storyFromAnswer(answer);
  for (const question of QUESTIONS)
    for (const budgetSeconds of BUDGETS) {
      const draft = compose(story, {
        question,
        role: "ml-engineer",
        budgetSeconds,
        telling: answerText(answer),
      });
      drafts++;
      if (dumpTo !== undefined) dumped.push(JSON.stringify({ name, question, budgetSeconds, draft }));
      const loose = danglingIn(story, draft, answerText(answer));
      if (loose.length > 0) dangling++;
      if (draft.seconds > budgetSeconds) {
        over++;
        overBy.set(budgetSeconds, [...(overBy.get(budgetSeconds) ?? []), draft.seconds - budgetSeconds]);
      }
      if (draft.seconds > budgetSeconds && draft.warnings.some((w) => /this story takes \d+ s/.test(w)))
        needsSaid++;
      if (!draft.sentences.some((s) => s.part === "result")) noResult++;
      const shown = loose.length > 0 || (process.argv.includes("--over") && draft.seconds > budgetSeconds);
      if (print && (shown || process.argv.includes("--all")))
        process.stdout.write(
          `\n== ${name} | ${question.slice(13, 40)} | ${budgetSeconds} s (${draft.seconds} s)\n${draft.sentences.map((s) => `  [${s.part}] ${s.text}`).join("\n")}\n  DANGLING: ${loose.join(" | ")}\n${draft.warnings
            .filter(
              (w) =>
                w.startsWith("What must stay") || w.startsWith("This draft is the story at its shortest"),
            )
            .map((w) => `  WARNING: ${w}\n`)
            .join("")}`,
        );
    }
}
if (dumpTo !== undefined) writeFileSync(dumpTo, `${dumped.join("\n")}\n`);
// Over budget at each budget: how many drafts, and by how many seconds (mean and max).
const overSeconds = Object.fromEntries(
  BUDGETS.map((b) => {
    const by = overBy.get(b) ?? [];
    const mean = by.length === 0 ? 0 : Math.round((10 * by.reduce((n, s) => n + s, 0)) / by.length) / 10;
    return [b, { drafts: by.length, meanOver: mean, maxOver: by.length === 0 ? 0 : Math.max(...by) }];
  }),
);
process.stdout.write(
  `${JSON.stringify({ drafts, dangling, overBudget: over, needsSaid, noResult, overSeconds })}\n`,
);
