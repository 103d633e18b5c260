import type { Context } from "hono";
import type * as z from "zod";
import { DeriskError } from "../../app/errors.ts";
import { describeJsonError } from "../../core/json-syntax.ts";
import { describeSchemaIssue } from "../../core/schema-issue.ts";
import { findUnstorable } from "../../core/text-safety.ts";

/**
 * Reads and validates a JSON request body; malformed JSON or a wrong shape is a 400
 * with a message that says which field is wrong.
 * @example const { text } = await readJson(c, z.object({ text: z.string() }));
 */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  const text = await c.req.text();
  try {
    body = JSON.parse(text);
  } catch (error) {
    // Where it breaks (line, column, a short excerpt), never the whole body back.
    throw new DeriskError(
      "BAD_INPUT",
      `The request body is not valid JSON at ${describeJsonError(text, error)}: send one JSON object with Content-Type: application/json.`,
    );
  }
  const unstorable = findUnstorable(body);
  if (unstorable) {
    const where = unstorable.path ? `field "${unstorable.path}"` : "the body";
    throw new DeriskError(
      "BAD_INPUT",
      `Invalid request: ${where} ${unstorable.problem}: remove it and retry.`,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new DeriskError(
      "BAD_INPUT",
      `Invalid request: ${describeSchemaIssue(parsed.error.issues[0])}. See docs/api.md.`,
    );
  }
  return parsed.data;
}
