import { Hono } from "hono";
import * as z from "zod";
import { DeriskError } from "../../app/errors.ts";
import { addQuestion, listQuestionBank, type QuestionListFilter } from "../../app/questions.ts";
import { RISK_SIGNALS } from "../../core/analysis/types.ts";
import { COMPETENCIES, type Competency } from "../../core/model.ts";
import { TECHNICAL_TAGS, type TechnicalTag } from "../../core/questions/index.ts";
import type { AppEnv } from "../app.ts";
import { readJson } from "./json-body.ts";

// Lengths are checked by the use case, which answers 413 with the limit.
const newQuestion = z.object({
  text: z.string(),
  competency: z.enum(COMPETENCIES),
  category: z.string().optional(),
  keyPoints: z.array(z.string()).max(50).optional(),
  outline: z.string().optional(),
  checks: z.array(z.enum(RISK_SIGNALS)).max(5).optional(),
});

/** The question bank: built-in questions merged with the user's own; adding one's own. */
export const questionRoutes = new Hono<AppEnv>()
  .get("/questions", async (c) => {
    const competency = c.req.query("competency");
    const tag = c.req.query("tag");
    const kind = c.req.query("kind");
    if (competency !== undefined && !(COMPETENCIES as readonly string[]).includes(competency))
      throw new DeriskError(
        "BAD_INPUT",
        `Unknown competency "${competency}": use one of ${COMPETENCIES.join(", ")}.`,
      );
    if (tag !== undefined && !(TECHNICAL_TAGS as readonly string[]).includes(tag))
      throw new DeriskError("BAD_INPUT", `Unknown tag "${tag}": use ${TECHNICAL_TAGS.join(" or ")}.`);
    if (kind !== undefined && kind !== "technical" && kind !== "behavioral")
      throw new DeriskError("BAD_INPUT", `kind must be "technical" or "behavioral", not "${kind}".`);
    const filter: QuestionListFilter = {
      ...(competency === undefined ? {} : { competency: competency as Competency }),
      ...(tag === undefined ? {} : { tag: tag as TechnicalTag }),
      ...(kind === undefined ? {} : { kind }),
    };
    return c.json({ questions: await listQuestionBank(c.var.store, c.var.userId, filter) });
  })
  .post("/questions", async (c) => {
    const body = await readJson(c, newQuestion);
    const question = await addQuestion(c.var.store, c.var.userId, {
      text: body.text,
      competency: body.competency,
      ...(body.category === undefined ? {} : { category: body.category }),
      ...(body.keyPoints === undefined ? {} : { keyPoints: body.keyPoints }),
      ...(body.outline === undefined ? {} : { outline: body.outline }),
      ...(body.checks === undefined ? {} : { checks: body.checks }),
    });
    return c.json({ question }, 201);
  });
