import type { Context } from "hono";
import type * as z from "zod";
import { DeriskError } from "../../app/errors.ts";
import { describeSchemaIssue } from "../../core/schema-issue.ts";
import { findUnstorable } from "../../core/text-safety.ts";
import type { AppEnv } from "../app.ts";

/**
 * Validates a write's JSON body, parsed by the app's `writeRules` before the route ran (which
 * already refused a wrong Content-Type, broken JSON and an empty body where one is needed);
 * a wrong shape is a 400 with a message that says which field is wrong.
 * @example const { text } = await readJson(c, z.object({ text: z.string() }));
 */
export async function readJson<T extends z.ZodType>(c: Context<AppEnv>, schema: T): Promise<z.infer<T>> {
  const body = c.var.jsonBody;
  if (body === undefined) {
    throw new DeriskError(
      "BAD_INPUT",
      `The request body is empty on ${c.req.method} ${c.req.path}: send one JSON object with Content-Type: application/json. See docs/api.md.`,
    );
  }
  return validate(body, schema);
}

/**
 * Like `readJson` for a route whose body may be left out (`WRITES_WITHOUT_BODY`): no body reads as `{}`.
 * @example const { expectedVersion } = await readOptionalJson(c, z.object({ expectedVersion: z.number().optional() }));
 */
export async function readOptionalJson<T extends z.ZodType>(
  c: Context<AppEnv>,
  schema: T,
): Promise<z.infer<T>> {
  return validate(c.var.jsonBody ?? {}, schema);
}

function validate<T extends z.ZodType>(body: unknown, schema: T): z.infer<T> {
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
