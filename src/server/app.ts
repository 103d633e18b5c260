import { randomBytes } from "node:crypto";
import { type Context, Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { DeriskError, isDeriskError } from "../app/errors.ts";
import type { TranscriptionProvider } from "../app/transcription.ts";
import type { Store } from "../store/index.ts";
import { CONTENT_SECURITY_POLICY, csrfToken, localOriginOnly, writeRules } from "./guard.ts";
import { analysisRoutes } from "./routes/analysis.ts";
import { documentRoutes } from "./routes/documents.ts";
import { itemRoutes } from "./routes/items.ts";
import { journalRoutes } from "./routes/journal.ts";
import { packagingRoutes } from "./routes/packaging.ts";
import { practiceRoutes } from "./routes/practice.ts";
import { questionRoutes } from "./routes/questions.ts";

export interface AppOptions {
  store: Store;
  /** Whose bank every request reads and writes (single-user local mode: "local"). */
  userId: string;
  version: string;
  storage: "pglite" | "postgres";
  /** Largest request body accepted, in bytes (imports included). Default 10 MiB + envelope. */
  maxBodyBytes?: number;
  /** Server log for unexpected errors (never shown to the user). */
  log?: (line: string) => void;
  /** The session's CSRF token (`GET /api/session`); a fresh random one by default. */
  csrfToken?: string;
  /** An offline speech recogniser for kept recordings; default none (see app/transcription.ts). */
  transcription?: TranscriptionProvider;
}

export type AppEnv = {
  Variables: {
    store: Store;
    userId: string;
    transcription: TranscriptionProvider | undefined;
    /** A write's JSON body, parsed by `writeRules` (undefined when it had none); read it with `readJson`. */
    jsonBody: unknown;
  };
};

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * The derisk HTTP JSON API as a Hono app, without `listen`: tests call `app.request()`.
 * Every error goes through one handler that maps `DeriskError.code` to a status.
 * Every request passes the guards of ./guard.ts first: loopback Host, the app's own origin,
 * the CSRF token on a browser's writes, then the rules of every write's body (JSON, or an
 * upload's bytes where a route takes them; within the size limit; parsed before the route runs).
 * @example const res = await createApp({ store, userId: "local", version, storage: "pglite" }).request("/api/health");
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const log = options.log ?? (() => {});
  const limit = options.maxBodyBytes ?? MAX_IMPORT_BYTES + 64 * 1024;

  const token = options.csrfToken ?? randomBytes(32).toString("base64url");

  app.use(
    "*",
    secureHeaders({
      crossOriginResourcePolicy: "same-origin",
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      // A route may set a stricter policy of its own (the prep sheet's print view does).
      overwrite: false,
    }),
  );
  app.use("*", localOriginOnly());
  app.use("/api/*", csrfToken(token));
  app.use("/api/*", async (c, next) => {
    c.set("store", options.store);
    c.set("userId", options.userId);
    c.set("transcription", options.transcription);
    await next();
  });
  app.use(
    "/api/*",
    writeRules({
      maxBodyBytes: limit,
      tooLarge: () =>
        new DeriskError(
          "TOO_LARGE",
          `The request body is over ${limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MiB` : `${Math.round(limit / 1024)} KiB`}: split the document or import it from the CLI with a larger --max-bytes.`,
        ),
    }),
  );

  app.get("/api/health", (c) => c.json({ ok: true, version: options.version, storage: options.storage }));
  // Readable only by the app's own pages: no CORS header, and other origins are refused above.
  app.get("/api/session", (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ csrfToken: token });
  });
  app.route("/api", documentRoutes);
  app.route("/api", itemRoutes);
  app.route("/api", analysisRoutes);
  app.route("/api", packagingRoutes);
  app.route("/api", practiceRoutes);
  app.route("/api", questionRoutes);
  app.route("/api", journalRoutes);

  app.notFound(answerNotFound);

  app.onError((error, c) => {
    if (isDeriskError(error)) {
      return c.json({ error: { code: error.code, message: error.messageFor("web") } }, error.status as 400);
    }
    log(
      `unexpected error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.stack : String(error)}`,
    );
    return c.json(
      {
        error: {
          code: "INTERNAL",
          message: "Something went wrong on our side; the server log has the details.",
        },
      },
      500,
    );
  });

  return app;
}

/**
 * The answer to a path nothing serves: under /api/ a JSON error naming the method and path
 * (scripts read `error.message`), elsewhere a plain "Not found". The server's root app
 * (./serve.ts) answers with it too, so `derisk serve` says the same as the app alone.
 * @example app.notFound(answerNotFound);
 */
export function answerNotFound(c: Context): Response {
  if (c.req.path.startsWith("/api/")) {
    return c.json(
      {
        error: { code: "NOT_FOUND", message: `No API route ${c.req.method} ${c.req.path}: see docs/api.md.` },
      },
      404,
    );
  }
  return c.text("Not found", 404);
}
