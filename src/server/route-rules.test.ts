import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../store/index.ts";
import { createApp } from "./app.ts";
import { bodyRequired, CSRF_HEADER, UPLOAD_ROUTES, WRITES_WITHOUT_BODY } from "./guard.ts";
import { type Route, routesOf } from "./test-routes.ts";

/*
 * The request rules of docs/api.md ("Who may call it"), tried on every route the app itself
 * lists (`app.routes`): a route added later is covered without editing this file. Each write
 * (POST, PUT, PATCH, DELETE) is sent from other origins, with the non-JSON types a page
 * elsewhere may send without asking, with broken JSON, with no body and with too large a
 * body; each must be refused with its status and a JSON error, and the bank must be exactly as
 * it was. Each GET must leave the bank as it was. The real app over a real (in-memory) PGlite.
 */

const OWN = "http://127.0.0.1:4178";
const TOKEN = "session-token-for-the-route-table";
/** A small limit for the route table (a 10 MiB body per route would be slow); one check below uses the default. */
const SMALL_LIMIT = 64 * 1024;
const sample = readFileSync(new URL("../../samples/sample-prep.md", import.meta.url), "utf8");

let pglite: PGlite;
let store: Store;
let app: ReturnType<typeof createApp>;
let small: ReturnType<typeof createApp>;
/** Real ids for each kind of route parameter, so a refusal is tested against data it could harm. */
const ids: Record<string, string> = {};

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The path with each `:param` replaced by a real id of that kind (a made-up one for a kind unseen). */
function fill(path: string): string {
  const parts = path.split("/");
  return parts
    .map((part, index) => {
      if (!part.startsWith(":")) return part;
      const name = part.slice(1);
      const kind = name === "id" ? (parts[index - 1] ?? "") : name;
      return encodeURIComponent(ids[kind] ?? `no-such-${kind}`);
    })
    .join("/");
}

/** Every row of every table, as one comparable string: any write shows here. */
async function snapshot(): Promise<string> {
  const tables = await pglite.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const result = await pglite.query<{ rows: string | null }>(
      `SELECT string_agg(t::text, E'\\n' ORDER BY t::text) AS rows FROM "${name}" t`,
    );
    parts.push(`${name}:${result.rows[0]?.rows ?? ""}`);
  }
  return parts.join("\n\n");
}

const call = (hono: ReturnType<typeof createApp>, path: string, init?: RequestInit) =>
  hono.request(`${OWN}${path}`, init);

async function errorOf(res: Response): Promise<{ status: number; code: string; message: string }> {
  const text = await res.text();
  // Never a stack trace or a source path in an answer.
  expect(text).not.toMatch(/\n\s+at |\.ts:\d+|node_modules|Error: /);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  return { status: res.status, code: body.error.code, message: body.error.message };
}

/** A write as the app's own page would send it, with `type` and `body` as given. */
function fromPage(method: string, type: string | undefined, body: BodyInit | undefined): RequestInit {
  const headers: Record<string, string> = { Origin: OWN, [CSRF_HEADER]: TOKEN };
  if (type !== undefined) headers["Content-Type"] = type;
  return { method, headers, ...(body === undefined ? {} : { body }) };
}

/** A request the seeding needs to succeed (GET when `body` is undefined). */
async function json<T>(path: string, method = "GET", body?: unknown): Promise<T> {
  const res = await call(
    app,
    path,
    body === undefined ? undefined : fromPage(method, "application/json", JSON.stringify(body)),
  );
  const text = await res.text();
  if (res.status >= 300) throw new Error(`seeding ${method} ${path} → ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

beforeAll(async () => {
  pglite = await PGlite.create();
  store = await openStore({ pglite });
  await store.users.ensureUser("local", { name: "Local" });
  app = createApp({ store, userId: "local", version: "test", storage: "pglite", csrfToken: TOKEN });
  small = createApp({
    store,
    userId: "local",
    version: "test",
    storage: "pglite",
    csrfToken: TOKEN,
    maxBodyBytes: SMALL_LIMIT,
  });

  const imported = await json<{ documentId: string }>("/api/import", "POST", {
    text: sample,
    filename: "sample-prep.md",
  });
  ids.documents = imported.documentId;
  const document = await json<{ items: Array<{ id: string; kind: string }> }>(
    `/api/documents/${imported.documentId}`,
  );
  const answer = document.items.find((item) => item.kind === "answer");
  if (answer === undefined) throw new Error("the sample has no answer");
  ids.items = answer.id;
  ids.history = answer.id;
  const edited = await json<{ item: { id: string } }>(`/api/items/${answer.id}`, "PUT", {
    text: "I traced the nightly failure to a race in the export and fixed it; failures fell to zero.",
  });
  expect(edited.item.id).toBe(answer.id);
  const versions = await json<{ versions: Array<{ id: string }> }>(`/api/items/${answer.id}/history`);
  ids.versionId = versions.versions.at(-1)?.id ?? "no-such-version";
  ids.stories = (
    await json<{ story: { id: string } }>("/api/stories", "POST", {
      title: "The export race",
      result: "Failures fell from eight a month to zero.",
      lesson: "Test the data path first.",
    })
  ).story.id;
  ids.journal = (
    await json<{ entry: { id: string } }>("/api/journal", "POST", {
      title: "Mock interview",
      happened: "I rushed.",
    })
  ).entry.id;
  const session = await json<{ session: { id: string; current?: { id: string } } }>(
    "/api/practice/sessions",
    "POST",
    { from: { kind: "items", ids: [answer.id] } },
  );
  ids.sessions = session.session.id;
  ids.stepId = session.session.current?.id ?? "no-such-step";
  const submitted = await json<{ attemptId?: string; attempt?: { id: string } }>(
    `/api/practice/sessions/${session.session.id}/submit`,
    "POST",
    { text: "I traced the failure to a race and fixed it." },
  );
  ids.attemptId = submitted.attemptId ?? submitted.attempt?.id ?? "no-such-attempt";
  ids.tailorings = (
    await json<{ id: string }>("/api/tailor", "POST", {
      text: "# ML Engineer\nAcme\n\n## Requirements\n- Experience with Spark and data pipelines\n",
    })
  ).id;
  // Every kind of id a route takes is a real one (a made-up id would make a refusal moot).
  expect(Object.values(ids).filter((id) => id.startsWith("no-such"))).toEqual([]);
}, 120_000);

afterAll(async () => {
  await store?.close();
});

describe("the route table", () => {
  it("lists the app's writes, and every exception the rules make names a route that exists", () => {
    const routes = routesOf(app).map((route) => `${route.method} ${route.path}`);
    const writes = routesOf(app).filter((route) => WRITE_METHODS.has(route.method));
    expect(writes.length).toBeGreaterThan(30);
    for (const exception of [...WRITES_WITHOUT_BODY, ...Object.keys(UPLOAD_ROUTES)]) {
      expect(routes).toContain(exception);
    }
  });
});

describe("every state-changing route", () => {
  const writes = () => routesOf(app).filter((route) => WRITE_METHODS.has(route.method));

  /** Sends `init` to every write, and returns the routes whose answer `ok` does not accept. */
  async function tryEach(
    label: string,
    init: (route: Route) => RequestInit | undefined | false,
    ok: (error: { status: number; code: string; message: string }, route: Route) => boolean,
    hono = app,
  ): Promise<string[]> {
    const failed: string[] = [];
    for (const route of writes()) {
      const request = init(route);
      if (request === undefined || request === false) continue;
      const before = await snapshot();
      const res = await call(hono, fill(route.path), request);
      let verdict: string | undefined;
      if (res.status < 400) verdict = `${res.status}`;
      else {
        const error = await errorOf(res);
        if (!ok(error, route)) verdict = `${error.status} ${error.code}: ${error.message}`;
      }
      if ((await snapshot()) !== before) verdict = `${verdict ?? res.status} and the bank changed`;
      if (verdict !== undefined) failed.push(`${label} ${route.method} ${route.path} → ${verdict}`);
    }
    return failed;
  }

  /** Whether the route takes a JSON body (every write but an upload of another kind). */
  const jsonRoute = (route: Route) => UPLOAD_ROUTES[`${route.method} ${route.path}`]?.json ?? true;

  const validBody = JSON.stringify({ text: "A valid JSON body." });

  it("refuses a request from another origin, another localhost port included (403)", async () => {
    const failed: string[] = [];
    for (const origin of ["http://127.0.0.1:3000", "http://localhost:4178", "https://evil.example", "null"]) {
      failed.push(
        ...(await tryEach(
          origin,
          (route) => ({
            ...fromPage(route.method, "application/json", validBody),
            headers: {
              Origin: origin,
              "Content-Type": "application/json",
              [CSRF_HEADER]: TOKEN,
            },
          }),
          (error) => error.status === 403 && error.code === "FORBIDDEN",
        )),
      );
    }
    failed.push(
      ...(await tryEach(
        "same-site",
        (route) => ({
          method: route.method,
          headers: { "Sec-Fetch-Site": "same-site", "Content-Type": "application/json" },
          body: validBody,
        }),
        (error) => error.status === 403,
      )),
      ...(await tryEach(
        "no token",
        (route) => ({
          method: route.method,
          headers: { Origin: OWN, "Content-Type": "application/json" },
          body: validBody,
        }),
        (error) => error.status === 403,
      )),
    );
    expect(failed).toEqual([]);
  });

  it("refuses a body that is not JSON with 415 and says what to send", async () => {
    const form = () => {
      const data = new FormData();
      data.set("text", "x");
      return data;
    };
    const bodies: Array<[string, string | undefined, () => BodyInit]> = [
      ["text/plain", "text/plain", () => validBody],
      ["form", "application/x-www-form-urlencoded", () => "text=x"],
      ["multipart", undefined, form],
      ["no type", undefined, () => new TextEncoder().encode(validBody)],
      ["xml", "application/xml", () => "<text>x</text>"],
    ];
    const failed: string[] = [];
    for (const [label, type, body] of bodies) {
      failed.push(
        ...(await tryEach(
          label,
          (route) => fromPage(route.method, type, body()),
          (error) =>
            error.status === 415 &&
            error.code === "UNSUPPORTED_MEDIA_TYPE" &&
            /Content-Type/.test(error.message) &&
            /application\/json|audio/.test(error.message),
        )),
      );
    }
    expect(failed).toEqual([]);
  });

  it("refuses JSON that does not parse with 400, naming where it breaks", async () => {
    const failed = await tryEach(
      "broken JSON",
      (route) => jsonRoute(route) && fromPage(route.method, "application/json", '{"text": "x",'),
      (error) => error.status === 400 && /not valid JSON at line 1, column \d+/.test(error.message),
    );
    expect(failed).toEqual([]);
  });

  it("refuses a JSON body that is not UTF-8 with 400", async () => {
    const failed = await tryEach(
      "latin-1 bytes",
      (route) =>
        jsonRoute(route) &&
        fromPage(
          route.method,
          "application/json",
          new Uint8Array([0x7b, 0x22, 0x74, 0xe9, 0x22, 0x3a, 0x31, 0x7d]),
        ),
      (error) => error.status === 400 && /UTF-8/.test(error.message),
    );
    expect(failed).toEqual([]);
  });

  it("refuses an empty body with 400 where the route needs one", async () => {
    const failed = await tryEach(
      "empty body",
      (route) =>
        !bodyRequired(`${route.method} ${route.path}`) || !jsonRoute(route)
          ? undefined
          : fromPage(route.method, "application/json", ""),
      (error) => error.status === 400 && /body is empty/.test(error.message),
    );
    expect(failed).toEqual([]);
  });

  it("refuses a body over the limit with 413", async () => {
    const big = JSON.stringify({ text: "x".repeat(SMALL_LIMIT + 1) });
    const failed = await tryEach(
      "too large",
      (route) => {
        const upload = UPLOAD_ROUTES[`${route.method} ${route.path}`];
        return upload !== undefined && !upload.json
          ? fromPage(
              route.method,
              `${upload.types[0]}${upload.types[0]?.endsWith("/") ? "webm" : ""}`,
              new Uint8Array(SMALL_LIMIT + 1),
            )
          : fromPage(route.method, "application/json", big);
      },
      (error) => error.status === 413 && error.code === "TOO_LARGE",
      small,
    );
    expect(failed).toEqual([]);
    // The default limit (10 MiB and an envelope), on a route that reads no body.
    const before = await snapshot();
    const huge = await call(
      app,
      fill("/api/documents/:id/stories"),
      fromPage("POST", "application/json", JSON.stringify({ text: "x".repeat(11 * 1024 * 1024) })),
    );
    expect(await errorOf(huge)).toMatchObject({ status: 413, code: "TOO_LARGE", message: /over 10 MiB/ });
    expect(await snapshot()).toBe(before);
  });

  it("lets a well-formed request from the app's own page through to the route", async () => {
    // Made-up ids: nothing is found, so nothing is written; what matters is that no rule refused it.
    const guardWords = /Content-Type|not valid JSON|body is empty|UTF-8|answers only|session is out of date/;
    const failed: string[] = [];
    for (const route of writes()) {
      const path = route.path.replace(/:(\w+)/g, "no-such-$1");
      const res = await call(
        app,
        path,
        jsonRoute(route)
          ? fromPage(route.method, "application/json", "{}")
          : fromPage(route.method, "audio/webm", new Uint8Array([0x1a, 0x45, 0xdf, 0xa3])),
      );
      if (res.status >= 400) {
        const error = await errorOf(res);
        if ([403, 413, 415].includes(error.status) || guardWords.test(error.message))
          failed.push(`${route.method} ${route.path} → ${error.status} ${error.message}`);
      }
    }
    expect(failed).toEqual([]);
  });
});

describe("every GET route", () => {
  it("leaves the bank as it was", async () => {
    const failed: string[] = [];
    for (const route of routesOf(app).filter((r) => r.method === "GET")) {
      const before = await snapshot();
      const res = await call(app, fill(route.path), {
        headers: { Origin: OWN, "Sec-Fetch-Site": "same-origin" },
      });
      await res.arrayBuffer();
      if (res.status >= 500) failed.push(`${route.path} → ${res.status}`);
      if ((await snapshot()) !== before) failed.push(`${route.path} changed the bank`);
    }
    expect(failed).toEqual([]);
  });
});

describe("an unexpected failure", () => {
  it("answers 500 with a plain message and keeps the stack for the server log", async () => {
    const broken = await PGlite.create();
    const brokenStore = await openStore({ pglite: broken });
    await brokenStore.users.ensureUser("local", { name: "Local" });
    const lines: string[] = [];
    const failing = createApp({
      store: brokenStore,
      userId: "local",
      version: "test",
      storage: "pglite",
      csrfToken: TOKEN,
      log: (line) => lines.push(line),
    });
    // The tables go away under the running app (a real failure, not a stand-in).
    await broken.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    for (const [path, init] of [
      ["/api/documents", undefined],
      ["/api/journal", fromPage("POST", "application/json", JSON.stringify({ happened: "I rushed." }))],
    ] as const) {
      const res = await call(failing, path, init);
      expect({ path, ...(await errorOf(res)) }).toEqual({
        path,
        status: 500,
        code: "INTERNAL",
        message: "Something went wrong on our side; the server log has the details.",
      });
    }
    expect(lines.join("\n")).toMatch(/unexpected error on GET \/api\/documents: .*\n\s+at /);
    await brokenStore.close();
  });
});
