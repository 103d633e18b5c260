import type { Context } from "hono";
import { type IdKind, MIN_API_ID_PREFIX, resolveId } from "../../app/ids.ts";
import type { AppEnv } from "../app.ts";

/**
 * The full id a path parameter names: the id itself, or the start of one as the CLI and the
 * web app show it (8 hex characters or more) when exactly one of the user's rows of that kind
 * starts so. A start shared by several rows is a 400 that says how many and to type more of
 * the id; anything else comes back as it is, so the route's use case answers 404.
 * @example await pathId(c, "story") // "3f2a0b9e-5c1d-4e0f-9a7b-2c3d4e5f6a7b" for /api/stories/3f2a0b9e
 */
export function pathId(c: Context<AppEnv>, kind: IdKind, name = "id"): Promise<string> {
  return resolveId(c.var.store, c.var.userId, kind, c.req.param(name) ?? "", {
    minPrefix: MIN_API_ID_PREFIX,
    explain: false,
  });
}
