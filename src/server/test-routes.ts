/**
 * Test support: the app's own route handlers, read from Hono's route table, for the tests that walk
 * every route (route-rules.test.ts: origin, content type, body limits; isolation-routes.test.ts:
 * another user's ids). Middleware is registered as method ALL or on a `*` path and is left out.
 */
import type { createApp } from "./app.ts";

export interface Route {
  method: string;
  path: string;
}

export function routesOf(hono: ReturnType<typeof createApp>): Route[] {
  const seen = new Set<string>();
  const routes: Route[] = [];
  for (const { method, path } of hono.routes) {
    if (method === "ALL" || path.includes("*")) continue;
    const key = `${method} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({ method, path });
  }
  return routes;
}
