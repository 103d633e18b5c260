/**
 * "What next": a short list drawn from the bank that leads the user to the work that pays off
 * most — answers that score low, follow-ups with no prepared answer, answers that lean away
 * from the target role, cards due — each pointing at the page that fixes it.
 */
import { type Analysis, analyze } from "../core/analysis/index.ts";
import { answerText } from "../core/answer-text.ts";
import type { AnswerItem, FollowUpItem, RoleId } from "../core/model.ts";
import { predictFollowUps } from "../core/packaging/index.ts";
import type { WhatNext, WhatNextEntry, WhatNextKind, WhatNextTarget } from "../core/practice-types.ts";
import type { Repos, StoredItem } from "../store/index.ts";
import { roleFromTarget } from "./packaging.ts";
import { listDue } from "./practice.ts";

export type { WhatNext, WhatNextEntry, WhatNextKind, WhatNextTarget };

export interface WhatNextOptions {
  role?: RoleId;
  now?: Date;
  /** Entries per kind; default 2, so the list stays short. */
  perKind?: number;
}

/** Scores at or under this are "low": 1 raises risk, 2 weak (the analyzer's 1–5 scale). */
const LOW_SCORE = 2;

const isAnswer = (item: StoredItem): item is StoredItem & AnswerItem => item.kind === "answer";
const isFollowUp = (item: StoredItem): item is StoredItem & FollowUpItem => item.kind === "follow-up";

/** How a role reads in a sentence ("ml-engineer" → "ML engineer"). */
const ROLE_WORDS: Record<RoleId, string> = {
  "ml-engineer": "ML engineer",
  "data-scientist": "data scientist",
  "software-engineer": "software engineer",
  "mlops-engineer": "MLOps engineer",
  "research-scientist": "research scientist",
};

function short(text: string, max = 90): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

/**
 * What to work on next, drawn from the bank: up to `perKind` entries of each kind (default 2), worst first.
 * @example const { entries } = await whatNext(store, "local", { role: "ml-engineer" });
 * // [{ kind: "low-score", title: "Tell me about a time you failed", action: "Edit the answer", target: { page: "edit", itemId } }, …]
 */
export async function whatNext(
  store: Repos,
  userId: string,
  options: WhatNextOptions = {},
): Promise<WhatNext> {
  const perKind = options.perKind ?? 2;
  const profile = await store.profiles.getProfile(userId);
  const chosen = options.role ?? roleFromTarget(profile.targetRole);
  const documents = await store.documents.listDocuments(userId);
  const docRole = new Map(documents.map((d) => [d.id, roleFromTarget(d.targetRole)]));
  const items = await store.items.listItems(userId);
  const answers = items.filter(isAnswer).filter((a) => answerText(a).trim() !== "");
  const followUps = items.filter(isFollowUp);

  // "Tell me about yourself (alternative)": two variants of one question must read apart.
  const titleOf = (answer: AnswerItem & { documentId: string }): string =>
    answers.some(
      (a) => a !== answer && a.documentId === answer.documentId && a.questionKey === answer.questionKey,
    )
      ? `${short(answer.question, 80)} (${answer.variant})`
      : short(answer.question);
  const analysed = answers.map((answer) => {
    const role = chosen ?? docRole.get(answer.documentId);
    const analysis: Analysis = analyze(answerText(answer), {
      question: answer.question,
      ...(role === undefined ? {} : { role }),
      ...(answer.budgetSeconds === undefined ? {} : { budgetSeconds: answer.budgetSeconds }),
    });
    return { answer, role, analysis };
  });

  const low: WhatNextEntry[] = analysed
    // An answer in another language is not scored (the lens reads English only): its 1 is no low score.
    .filter(({ analysis }) => analysis.language === undefined && analysis.overall.score <= LOW_SCORE)
    .sort((a, b) => a.analysis.overall.score - b.analysis.overall.score)
    .map(({ answer, analysis }) => {
      const first = analysis.overall.reasons[0] ?? "it raises more risks than it answers";
      const why = `${first.charAt(0).toUpperCase()}${first.slice(1)}${/[.!?]$/.test(first) ? "" : "."}`;
      // "Specifics: back the claim…" reads "First fix: back the claim…": the fix's label is the
      // lens panel's heading, not words to read after "First fix:".
      const fix = analysis.fixes[0]?.action.replace(/^[A-Z][\w /-]{0,30}: (?=[a-z])/, "");
      return {
        kind: "low-score",
        title: titleOf(answer),
        reason: fix === undefined ? why : `${why} First fix: ${fix}`,
        action: "Edit the answer",
        target: { page: "edit", itemId: answer.id },
        itemId: answer.id,
        documentId: answer.documentId,
        score: analysis.overall.score,
      };
    });

  // A prepared follow-up left empty, then the follow-up an answer most invites with nothing prepared.
  const gaps: WhatNextEntry[] = [];
  const answerByKey = new Map(answers.map((a) => [`${a.documentId}\u0000${a.key}`, a]));
  for (const followUp of followUps) {
    if (followUp.answer.trim() !== "" || followUp.pointer) continue;
    const parent = answerByKey.get(`${followUp.documentId}\u0000${followUp.answerKey}`);
    if (!parent) continue;
    gaps.push({
      kind: "follow-up-gap",
      title: short(followUp.question),
      reason: `A follow-up to “${short(parent.question, 60)}” with no prepared answer yet.`,
      action: "Prepare the follow-up",
      target: { page: "followups", itemId: parent.id },
      itemId: parent.id,
      documentId: parent.documentId,
    });
  }
  for (const { answer, role } of analysed) {
    if (
      answer.variant !== "core" &&
      answers.some(
        (a) =>
          a.documentId === answer.documentId && a.questionKey === answer.questionKey && a.variant === "core",
      )
    )
      continue;
    const prepared = followUps.filter((f) => f.documentId === answer.documentId);
    const predicted = predictFollowUps(answerText(answer), {
      question: answer.question,
      prepared,
      ...(role === undefined ? {} : { role }),
    }).find((p) => p.gap);
    if (!predicted) continue;
    gaps.push({
      kind: "follow-up-gap",
      title: short(predicted.question),
      // The question is quoted mid-sentence: its own full stop would read “…problem.”, and".
      reason: `Likely after “${short(answer.question.trim().replace(/\.+$/, ""), 60)}”, and nothing is prepared. ${predicted.reason}`,
      action: "Prepare the follow-up",
      target: { page: "followups", itemId: answer.id },
      itemId: answer.id,
      documentId: answer.documentId,
    });
  }

  const roleFit: WhatNextEntry[] = [];
  for (const { answer, role, analysis } of analysed) {
    const fit = analysis.roleFit;
    if (role === undefined || fit === undefined || (fit.mix !== "adjacent-heavy" && fit.mix !== "none"))
      continue;
    const better = analysed
      .filter(
        (o) =>
          o.answer.id !== answer.id &&
          o.answer.documentId === answer.documentId &&
          o.answer.questionKey === answer.questionKey &&
          (o.analysis.roleFit?.mix === "core" || o.analysis.roleFit?.mix === "balanced"),
      )
      .sort((a, b) => (b.analysis.roleFit?.core ?? 0) - (a.analysis.roleFit?.core ?? 0))[0];
    const leaning =
      fit.mix === "none" ? "uses none of the vocabulary of the role" : "leans on skills adjacent to the role";
    roleFit.push({
      kind: "role-fit",
      title: titleOf(answer),
      reason: better
        ? `The “${answer.variant}” variant ${leaning} of ${ROLE_WORDS[role]}; your “${better.answer.variant}” variant fits it better.`
        : `The “${answer.variant}” variant ${leaning} of ${ROLE_WORDS[role]}.`,
      action: better ? `Open the “${better.answer.variant}” variant` : "Re-angle it for the role",
      target: better
        ? { page: "library", documentId: better.answer.documentId, itemId: better.answer.id }
        : { page: "reangle", itemId: answer.id, role },
      itemId: answer.id,
      documentId: answer.documentId,
    });
  }

  const due = await listDue(store, userId, {
    ...(options.now === undefined ? {} : { now: options.now }),
    includeNew: false,
  });
  const dueEntries: WhatNextEntry[] =
    due.length === 0
      ? []
      : [
          {
            kind: "due",
            title: due.length === 1 ? "1 card is due" : `${due.length} cards are due`,
            reason: `Most overdue: “${short(due[0]?.questionText ?? "", 70)}”. Practising on the day keeps it fresh.`,
            action: "Practise what is due",
            target: { page: "practice", from: "due" },
          },
        ];

  return {
    ...(chosen === undefined ? {} : { role: chosen }),
    entries: [
      ...dueEntries,
      ...low.slice(0, perKind),
      ...gaps.slice(0, perKind),
      ...roleFit.slice(0, perKind),
    ],
    counts: {
      "low-score": low.length,
      "follow-up-gap": gaps.length,
      "role-fit": roleFit.length,
      due: due.length,
    },
    hasBank: answers.length > 0,
  };
}
