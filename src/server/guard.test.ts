import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../store/index.ts";
import { createApp } from "./app.ts";
import { CSRF_HEADER, isLoopbackHost } from "./guard.ts";

// The real Hono app on a real (in-memory) PGlite, called in-process as the server at OWN.
const OWN = "http://127.0.0.1:4178";
const TOKEN = "session-token-for-the-guard-tests";
const PREP = '# Prep\n\n### Q1- Tell me about yourself\n\n"I build data tools."\n';

let pglite: PGlite;
let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  pglite = await PGlite.create();
  store = await openStore({ pglite });
  await store.users.ensureUser("local", { name: "Local" });
  app = createApp({ store, userId: "local", version: "test", storage: "pglite", csrfToken: TOKEN });
}, 60_000);

afterAll(async () => {
  await store?.close();
});

const call = (path: string, init?: RequestInit) => app.request(`${OWN}${path}`, init);

/** A write as the app's own page sends it: JSON, its own Origin, the session token. */
const fromApp = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json", Origin: OWN, [CSRF_HEADER]: TOKEN, ...headers },
  body: JSON.stringify(body),
});

async function documentTitles(): Promise<string[]> {
  const res = await call("/api/documents");
  return ((await res.json()) as { documents: { title: string }[] }).documents.map((d) => d.title);
}

async function errorOf(res: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, code: body.error.code, message: body.error.message };
}

describe("origin guard", () => {
  const foreign = [
    "http://127.0.0.1:3000", // another dev server on this machine
    "http://127.0.0.1:9999",
    "http://localhost:3000",
    "http://localhost:4178", // same port, another name: another origin
    "https://127.0.0.1:4178", // same host and port, another scheme
    "https://evil.example",
    "null", // sandboxed frame, file:// page
  ];

  it("refuses reads and writes from every other origin, another localhost port included", async () => {
    for (const origin of foreign) {
      const write = await call(
        "/api/import",
        fromApp("POST", { text: PREP.replace("Prep", "Pwned") }, { Origin: origin }),
      );
      expect({ origin, ...(await errorOf(write)) }).toMatchObject({ origin, status: 403, code: "FORBIDDEN" });
      const read = await call("/api/documents", { headers: { Origin: origin } });
      expect({ origin, status: read.status }).toEqual({ origin, status: 403 });
      const token = await call("/api/session", { headers: { Origin: origin } });
      expect({ origin, status: token.status }).toEqual({ origin, status: 403 });
    }
    expect(await documentTitles()).toEqual([]);
  });

  it("names the app's own origin in the refusal", async () => {
    const res = await call("/api/stories", fromApp("POST", {}, { Origin: "http://127.0.0.1:3000" }));
    expect((await errorOf(res)).message).toBe(
      "derisk answers only to its own pages (http://127.0.0.1:4178), not to a page from http://127.0.0.1:3000.",
    );
  });

  it("refuses browser fetches marked cross-site or same-site (another port), even without an Origin", async () => {
    for (const site of ["cross-site", "same-site"]) {
      const res = await call("/api/documents", { headers: { "Sec-Fetch-Site": site } });
      expect({ site, status: res.status }).toEqual({ site, status: 403 });
    }
    for (const site of ["same-origin", "none"]) {
      const res = await call("/api/documents", { headers: { "Sec-Fetch-Site": site } });
      expect({ site, status: res.status }).toEqual({ site, status: 200 });
    }
  });

  it("refuses a Host that is not loopback (DNS rebinding), on the API and the pages alike", async () => {
    for (const host of ["evil.example:4178", "127.0.0.1.evil.example", "0.0.0.0:4178", "192.168.1.20:4178"]) {
      for (const path of ["/api/health", "/"]) {
        const viaUrl = await app.request(`http://${host}${path}`);
        expect({ host, path, status: viaUrl.status }).toEqual({ host, path, status: 403 });
        const viaHeader = await app.request(`${OWN}${path}`, { headers: { Host: host } });
        expect({ host, path, status: viaHeader.status }).toEqual({ host, path, status: 403 });
      }
    }
    const own = await app.request(`${OWN}/api/health`, { headers: { Host: "localhost:4178" } });
    expect(own.status).toBe(200);
  });
});

describe("Content-Type rule", () => {
  // What a page may send cross-origin without a preflight, and a request with no type at all.
  const simple: Array<[string, () => RequestInit]> = [
    [
      "text/plain",
      () => ({ headers: { "Content-Type": "text/plain" }, body: JSON.stringify({ text: PREP }) }),
    ],
    [
      "form",
      () => ({ headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: `text=${PREP}` }),
    ],
    [
      "multipart",
      () => {
        const form = new FormData();
        form.set("text", PREP);
        return { body: form };
      },
    ],
    ["none", () => ({ body: new TextEncoder().encode(JSON.stringify({ text: PREP })) })],
  ];
  const writes: Array<[string, string]> = [
    ["POST", "/api/import"],
    ["POST", "/api/import?filename=prep.md"],
    ["POST", "/api/stories"],
    ["POST", "/api/items/some-item/story"],
    ["POST", "/api/analyze"],
    ["PUT", "/api/items/some-item"],
  ];

  it("refuses every POST and PUT that is not JSON (or raw bytes for an import) with 415, whoever sends it", async () => {
    for (const [method, path] of writes) {
      for (const [type, init] of simple) {
        const base = init();
        const res = await call(path, { ...base, method });
        const error = await errorOf(res);
        expect({ method, path, type, status: error.status, code: error.code }).toEqual({
          method,
          path,
          type,
          status: 415,
          code: "UNSUPPORTED_MEDIA_TYPE",
        });
        expect(error.message).toMatch(/Content-Type: application\/json/);
      }
    }
    const bytesElsewhere = await call("/api/analyze", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: new TextEncoder().encode("I fixed it."),
    });
    expect(bytesElsewhere.status).toBe(415);
    expect(await documentTitles()).toEqual([]);
    const stories = (await (await call("/api/stories")).json()) as { stories: unknown[] };
    expect(stories.stories).toEqual([]);
  });

  it("accepts JSON with a charset, and a file's bytes on /api/import", async () => {
    const json = await call("/api/import", {
      method: "POST",
      headers: { "Content-Type": "Application/JSON; charset=utf-8" },
      body: JSON.stringify({ text: PREP, dryRun: true }),
    });
    expect(json.status).toBe(200);
    const bytes = await call("/api/import?filename=prep.md&dryRun=1", {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: new TextEncoder().encode(PREP),
    });
    expect(bytes.status).toBe(200);
  });
});

describe("CSRF token", () => {
  it("is served to the app's own page, never cached", async () => {
    const res = await call("/api/session", { headers: { Origin: OWN, "Sec-Fetch-Site": "same-origin" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ csrfToken: TOKEN });
  });

  it("is a fresh random one per app unless given", async () => {
    const tokenOf = async (a: ReturnType<typeof createApp>) =>
      ((await (await a.request(`${OWN}/api/session`)).json()) as { csrfToken: string }).csrfToken;
    const one = await tokenOf(createApp({ store, userId: "local", version: "t", storage: "pglite" }));
    const two = await tokenOf(createApp({ store, userId: "local", version: "t", storage: "pglite" }));
    expect(one).toMatch(/^[\w-]{43}$/);
    expect(one).not.toBe(two);
  });

  it("is required on every write a browser sends, and scripts without Origin need none", async () => {
    const missing = await call("/api/import", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: OWN },
      body: JSON.stringify({ text: PREP }),
    });
    expect(await errorOf(missing)).toMatchObject({ status: 403, message: /reload the page/ });
    const wrong = await call("/api/import", fromApp("POST", { text: PREP }, { [CSRF_HEADER]: "guess" }));
    expect(wrong.status).toBe(403);
    const noOrigin = await call("/api/import", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "same-origin" },
      body: JSON.stringify({ text: PREP }),
    });
    expect(noOrigin.status).toBe(403);
    expect(await documentTitles()).toEqual([]);

    const page = await call("/api/import", fromApp("POST", { text: PREP }));
    expect(page.status).toBe(200);
    const { documentId } = (await page.json()) as { documentId: string };
    const deleteWithout = await call(`/api/documents/${documentId}`, {
      method: "DELETE",
      headers: { Origin: OWN },
    });
    expect(deleteWithout.status).toBe(403);
    expect(await documentTitles()).toEqual(["Prep"]);

    const script = await call("/api/import", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: PREP.replace("Prep", "From a script") }),
    });
    expect(script.status).toBe(200);
    const deleted = await call(`/api/documents/${documentId}`, {
      method: "DELETE",
      headers: { Origin: OWN, [CSRF_HEADER]: TOKEN },
    });
    expect(deleted.status).toBe(204);
    expect(await documentTitles()).toEqual(["From a script"]);
  });
});

describe("security headers", () => {
  it("sends a strict Content-Security-Policy and the other headers, on answers and refusals", async () => {
    for (const res of [
      await call("/api/health"),
      await call("/api/documents", { headers: { Origin: "http://127.0.0.1:3000" } }),
    ]) {
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).not.toContain("unsafe-eval");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    }
  });
});

describe("isLoopbackHost", () => {
  it("knows the names that only reach this machine", () => {
    for (const host of [
      "localhost",
      "127.0.0.1",
      "127.0.0.2",
      "127.255.255.254",
      "::1",
      "[::1]",
      "LOCALHOST",
    ]) {
      expect({ host, loopback: isLoopbackHost(host) }).toEqual({ host, loopback: true });
    }
    for (const host of [
      "0.0.0.0",
      "::",
      "10.0.0.1",
      "192.168.1.20",
      "127.256.0.1",
      "localhost.evil",
      "evil",
    ]) {
      expect({ host, loopback: isLoopbackHost(host) }).toEqual({ host, loopback: false });
    }
  });
});
