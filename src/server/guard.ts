/**
 * Guards that keep the local bank for the local app alone. A page on any other origin (another
 * port of localhost included) must not read or change it: its browser requests are refused by
 * origin, its "simple" requests (form posts, text/plain, no-cors) by Content-Type, and any
 * browser write without the session's CSRF token by the token check.
 */
import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { DeriskError } from "../app/errors.ts";

/** The request header that carries the session's CSRF token (see `GET /api/session`). */
export const CSRF_HEADER = "X-Derisk-CSRF";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

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

/**
 * Requires `Content-Type: application/json` on every POST, PUT and PATCH (and also accepts
 * `application/octet-stream` where `bytesPaths` says so, and an `audio/…` type where
 * `audioPaths` matches). None of those is a type a browser may send cross-origin without a
 * preflight, which `localOriginOnly` refuses.
 * @example app.use("/api/*", jsonBodiesOnly({ bytesPaths: ["/api/import"], audioPaths: [/\/recording$/] }));
 */
export function jsonBodiesOnly(options: {
  bytesPaths: readonly string[];
  audioPaths?: readonly RegExp[];
}): MiddlewareHandler {
  return async (c, next) => {
    if (WITH_BODY.has(c.req.method)) {
      const type = mediaType(c.req.header("content-type"));
      const bytes = options.bytesPaths.includes(c.req.path);
      const audio = options.audioPaths?.some((path) => path.test(c.req.path)) ?? false;
      const accepted =
        type === "application/json" ||
        (bytes && type === "application/octet-stream") ||
        (audio && type.startsWith("audio/"));
      if (!accepted) {
        const wanted = bytes
          ? "Content-Type: application/json (or the file's bytes as application/octet-stream)"
          : audio
            ? "the recording's bytes with its audio Content-Type (audio/webm, audio/ogg…)"
            : "Content-Type: application/json";
        throw new DeriskError(
          "BAD_INPUT",
          `Unsupported Content-Type "${type || "none"}" on ${c.req.method} ${c.req.path}: send ${wanted}. See docs/api.md.`,
        );
      }
    }
    await next();
  };
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
