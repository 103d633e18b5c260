/**
 * Guards that keep the local bank for the local app alone. A page on any other origin (another
 * port of localhost included) must not read or change it: its browser requests are refused by
 * origin, its "simple" requests (form posts, text/plain, no-cors) by Content-Type, and any
 * browser write without the session's CSRF token by the token check.
 */
import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { matchedRoutes } from "hono/route";
import { DeriskError } from "../app/errors.ts";
import { describeJsonError } from "../core/json-syntax.ts";

/** The request header that carries the session's CSRF token (see `GET /api/session`). */
export const CSRF_HEADER = "X-Derisk-CSRF";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * True for names that can only reach this machine: `localhost`, 127.0.0.0/8 and `::1`
 * (bracketed or not). Anything else, 0.0.0.0 included, is not loopback.
 * @example isLoopbackHost("127.0.0.2") // true
 */
export function isLoopbackHost(hostname: string): boolean {
  const name = hostname.toLowerCase();
  if (name === "localhost" || name === "::1" || name === "[::1]") return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return octets?.slice(1).every((octet) => Number(octet) <= 255) ?? false;
}

/** The origin a `host[:port]` authority names, or undefined when it is not a loopback one. */
function loopbackOrigin(scheme: string, authority: string): string | undefined {
  try {
    const url = new URL(`${scheme}//${authority}`);
    if (url.username || url.password || url.pathname !== "/" || url.search || url.hash) return undefined;
    return isLoopbackHost(url.hostname) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Refuses (403) every request that is not for this machine or not from this app's own origin:
 * a Host that is not loopback (DNS rebinding), an `Origin` that differs from the app's own
 * in scheme, host or port, and, on `/api/`, a browser fetch marked cross-site or same-site.
 * @example app.use("*", localOriginOnly());
 */
export function localOriginOnly(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const authority = c.req.header("host") ?? url.host;
    const own = loopbackOrigin(url.protocol, authority);
    if (own === undefined || loopbackOrigin(url.protocol, url.host) === undefined) {
      throw new DeriskError("FORBIDDEN", "derisk answers only to pages on this machine (localhost).");
    }
    const origin = c.req.header("origin");
    if (origin !== undefined && origin !== own) {
      throw new DeriskError(
        "FORBIDDEN",
        `derisk answers only to its own pages (${own}), not to a page from ${origin === "null" ? "an opaque origin" : origin}.`,
      );
    }
    // Sec-Fetch-Site says "same-site" for another port of the same host: refused like cross-site.
    const site = c.req.header("sec-fetch-site");
    if (url.pathname.startsWith("/api/") && site !== undefined && site !== "same-origin" && site !== "none") {
      throw new DeriskError(
        "FORBIDDEN",
        `derisk answers only to its own pages (${own}), not to ${site} requests.`,
      );
    }
    await next();
  };
}

/** A route that also takes a file's bytes (an upload), with the types it accepts besides JSON. */
export interface UploadRoute {
  /** Media types accepted (one ending in "/" accepts every subtype). */
  types: readonly string[];
  /** Whether JSON is accepted too. */
  json: boolean;
  /** What to send, for the refusal's message. */
  send: string;
}

/**
 * The writes that take a file's bytes: every other write takes JSON only. Each is still held
 * to the app's own origin and the CSRF token like any write, and to the same size limit.
 */
export const UPLOAD_ROUTES: Readonly<Record<string, UploadRoute>> = {
  "POST /api/import": {
    types: ["application/octet-stream"],
    json: true,
    send: "Content-Type: application/json, or the file's bytes as application/octet-stream",
  },
  "PUT /api/practice/attempts/:attemptId/recording": {
    types: ["audio/"],
    json: false,
    send: "the recording's bytes with its audio Content-Type (audio/webm, audio/ogg…), not application/json",
  },
};

/**
 * The writes whose body may be left out (they take nothing, or only an optional
 * `expectedVersion`); a DELETE never needs one either. Every other write needs a JSON body.
 */
export const WRITES_WITHOUT_BODY: ReadonlySet<string> = new Set([
  "POST /api/sample",
  "POST /api/items/:id/story",
  "POST /api/documents/:id/stories",
  "POST /api/items/:id/history/:versionId/restore",
  "POST /api/journal/:id/history/:versionId/restore",
]);

/**
 * Whether a write needs a body (`route` as "METHOD /path/:param").
 * @example bodyRequired("DELETE /api/stories/:id") // false
 */
export function bodyRequired(route: string): boolean {
  return !route.startsWith("DELETE ") && !WRITES_WITHOUT_BODY.has(route);
}

/** The variable a write's parsed JSON body is kept in for `readJson` (undefined: no body). */
export type JsonBodyEnv = { Variables: { jsonBody: unknown } };

/**
 * The rules every write (POST, PUT, PATCH, DELETE) on the API meets before its route runs, so a
 * route cannot forget them: a Content-Type other than JSON (or an upload's own type, see
 * `UPLOAD_ROUTES`) is `415`, a body over `maxBodyBytes` is `413`, and a JSON body that is not
 * UTF-8 or does not parse is `400`, as is an empty body where the route needs one
 * (`WRITES_WITHOUT_BODY`). A parsed JSON body is kept for `readJson`. A path no route serves
 * is left to the 404. None of the accepted types is one a browser may send to another origin
 * without a preflight, which `localOriginOnly` refuses.
 * @example app.use("/api/*", writeRules({ maxBodyBytes: 10 * 1024 * 1024, tooLarge }));
 */
export function writeRules(options: {
  maxBodyBytes: number;
  /** The refusal of a body over the limit. */
  tooLarge: () => DeriskError;
}): MiddlewareHandler<JsonBodyEnv> {
  const limit = bodyLimit({
    maxSize: options.maxBodyBytes,
    onError: () => {
      throw options.tooLarge();
    },
  });
  return async (c, next) => {
    const route = matchedRoute(c);
    if (!WRITES.has(c.req.method) || route === undefined) return limit(c, next);
    const upload = UPLOAD_ROUTES[route];
    const header = c.req.header("content-type");
    const type = mediaType(header);
    const isJson = type === "application/json" && (upload?.json ?? true);
    const isUpload =
      upload?.types.some((accepted) =>
        accepted.endsWith("/") ? type.startsWith(accepted) : type === accepted,
      ) ?? false;
    const send = upload?.send ?? "Content-Type: application/json";
    const where = `${c.req.method} ${c.req.path}`;
    if (header !== undefined && !isJson && !isUpload) {
      throw new DeriskError(
        "UNSUPPORTED_MEDIA_TYPE",
        `Unsupported Content-Type "${type || header}" on ${where}: send ${send}. See docs/api.md.`,
      );
    }
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(header ?? "")?.[1]?.toLowerCase();
    if (isJson && charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
      throw new DeriskError(
        "UNSUPPORTED_MEDIA_TYPE",
        `Unsupported charset "${charset}" on ${where}: JSON is sent as UTF-8 (Content-Type: application/json; charset=utf-8). See docs/api.md.`,
      );
    }
    return limit(c, async () => {
      if (isUpload) return next();
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (header === undefined && bytes.length > 0) {
        throw new DeriskError(
          "UNSUPPORTED_MEDIA_TYPE",
          `The body of ${where} has no Content-Type: send ${send}. See docs/api.md.`,
        );
      }
      c.set("jsonBody", parseJsonBody(bytes, where, bodyRequired(route) ? send : undefined));
      await next();
    });
  };
}

/** "METHOD /path/:param" of the route that will answer, or undefined when none will (a 404). */
function matchedRoute(c: Context): string | undefined {
  // Middleware (the app's and the server's static files) is registered for ALL methods or on `*`.
  const handler = matchedRoutes(c).findLast((route) => route.method !== "ALL" && !route.path.includes("*"));
  return handler === undefined ? undefined : `${c.req.method} ${handler.path}`;
}

/**
 * The JSON value of a write's body: undefined when it is empty (refused when `required`, a
 * description of what to send), a 400 naming the place when it is not UTF-8 or not JSON.
 */
function parseJsonBody(bytes: Uint8Array, where: string, required: string | undefined): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new DeriskError(
      "BAD_INPUT",
      `The body of ${where} is not UTF-8 text (byte ${at + 1} is 0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, "0")}): send JSON encoded as UTF-8.`,
    );
  }
  if (text.trim() === "") {
    if (required === undefined) return undefined;
    throw new DeriskError(
      "BAD_INPUT",
      `The request body is empty on ${where}: send one JSON object with ${required}. See docs/api.md.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // Where it breaks (line, column, a short excerpt), never the whole body back.
    throw new DeriskError(
      "BAD_INPUT",
      `The request body is not valid JSON at ${describeJsonError(text, error)}: send one JSON object with Content-Type: application/json.`,
    );
  }
}

/** The index of the first byte that does not belong to well-formed UTF-8 (the length when all do). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead < 0xe0
          ? 2
          : lead >= 0xe0 && lead < 0xf0
            ? 3
            : lead >= 0xf0 && lead < 0xf5
              ? 4
              : 0;
    if (length === 0) return index;
    try {
      decoder.decode(bytes.subarray(index, index + length));
    } catch {
      return index;
    }
    index += length;
  }
  return index;
}

function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Requires the session's CSRF token in `X-Derisk-CSRF` on every write a browser sends
 * (one that carries `Origin` or `Sec-Fetch-Site`). Scripts and the CLI, which send
 * neither, need no token: they run as the user already.
 * @example app.use("/api/*", csrfToken(token));
 */
export function csrfToken(token: string): MiddlewareHandler {
  const expected = Buffer.from(token);
  return async (c, next) => {
    if (WRITES.has(c.req.method) && fromBrowser(c)) {
      const sent = Buffer.from(c.req.header(CSRF_HEADER) ?? "");
      if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
        throw new DeriskError(
          "FORBIDDEN",
          "This page's session is out of date or missing (the server may have restarted): reload the page and retry.",
        );
      }
    }
    await next();
  };
}

function fromBrowser(c: Context): boolean {
  return c.req.header("origin") !== undefined || c.req.header("sec-fetch-site") !== undefined;
}

/** The Content-Security-Policy of every response: our own scripts, styles and API only. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};
