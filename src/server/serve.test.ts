import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./serve.ts";

// The real server on a real socket: localhost only, the web app with SPA fallback.
let dir: string;
let server: RunningServer;

/** fetch() refuses to set Host, so a raw request checks the DNS-rebinding guard. */
function get(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return raw(new URL(server.url), path, headers);
}

function raw(
  base: URL,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: base.hostname, port: base.port, path, headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "derisk-serve-"));
  const webRoot = join(dir, "web");
  mkdirSync(webRoot);
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>derisk</title><div id=root></div>");
  writeFileSync(join(webRoot, "app.js"), "console.log('app')");
  server = await startServer({ port: 0, dataDir: join(dir, "data"), webRoot });
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("startServer", () => {
  it("binds to 127.0.0.1 and serves the API", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/api/health`);
    expect(await res.json()).toMatchObject({ ok: true, storage: "pglite" });
  });

  it("serves the web app, with the SPA fallback for deep links, and security headers", async () => {
    const asset = await fetch(`${server.url}/app.js`);
    expect(await asset.text()).toContain("app");
    const deep = await fetch(`${server.url}/library/some/answer`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain("<title>derisk</title>");
    expect(deep.headers.get("x-content-type-options")).toBe("nosniff");
    const missingApi = await fetch(`${server.url}/api/does-not-exist`);
    expect(missingApi.status).toBe(404);
  });

  it("answers an unknown API path with the JSON error a script can read, not a bare text 404", async () => {
    for (const method of ["GET", "DELETE"]) {
      const res = await fetch(`${server.url}/api/does-not-exist`, { method });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        error: { code: "NOT_FOUND", message: `No API route ${method} /api/does-not-exist: see docs/api.md.` },
      });
    }
  });

  it("refuses requests from other hosts or origins (DNS rebinding, other localhost ports)", async () => {
    const rebinding = await get("/api/health", { Host: "evil.example:80" });
    expect(rebinding.status).toBe(403);
    expect(rebinding.body).toMatch(/localhost/);
    const port = Number(new URL(server.url).port);
    for (const origin of [
      "https://evil.example",
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
    ]) {
      const res = await fetch(`${server.url}/api/import`, {
        method: "POST",
        headers: { Origin: origin, "Content-Type": "application/json" },
        body: JSON.stringify({ text: "# hi" }),
      });
      expect({ origin, status: res.status }).toEqual({ origin, status: 403 });
    }
    const { csrfToken } = (await (await fetch(`${server.url}/api/session`)).json()) as { csrfToken: string };
    const sameOrigin = await fetch(`${server.url}/api/import`, {
      method: "POST",
      headers: { Origin: server.url, "Content-Type": "application/json", "X-Derisk-CSRF": csrfToken },
      body: JSON.stringify({ text: '### Q1- Tell me about yourself\n\n"Hi."\n', dryRun: true }),
    });
    expect(sameOrigin.status).toBe(200);
  });

  it("sends the Content-Security-Policy with the web app", async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
  });

  it("sends the security headers on pages, files, API answers and refusals alike", async () => {
    const port = Number(new URL(server.url).port);
    const answers: Array<[string, Response]> = [
      ["page", await fetch(`${server.url}/`)],
      ["deep link", await fetch(`${server.url}/library/some/answer`)],
      ["static file", await fetch(`${server.url}/app.js`)],
      ["API answer", await fetch(`${server.url}/api/health`)],
      ["API 404", await fetch(`${server.url}/api/does-not-exist`)],
      ["page 404", await fetch(`${server.url}/app.js/nothing`, { method: "POST" })],
      [
        "403 refusal",
        await fetch(`${server.url}/api/documents`, { headers: { Origin: `http://127.0.0.1:${port + 1}` } }),
      ],
      [
        "415 refusal",
        await fetch(`${server.url}/api/sample`, {
          method: "POST",
          headers: { "Content-Type": "text/plain" },
          body: "{}",
        }),
      ],
    ];
    for (const [what, res] of answers) {
      const csp = res.headers.get("content-security-policy") ?? "";
      const policy = Object.fromEntries(
        csp.split(";").map((part) => {
          const [name = "", ...values] = part.trim().split(/\s+/);
          return [name, values.join(" ")];
        }),
      );
      expect({ what, policy }).toMatchObject({
        what,
        policy: {
          "default-src": "'self'",
          "script-src": "'self'",
          "style-src": "'self'",
          "connect-src": "'self'",
          "object-src": "'none'",
          "base-uri": "'none'",
          "frame-ancestors": "'self'",
          "form-action": "'self'",
        },
      });
      expect({ what, csp }).not.toMatchObject({
        csp: expect.stringMatching(/unsafe-|\*|http:|https:/),
      });
      expect({
        what,
        nosniff: res.headers.get("x-content-type-options"),
        frame: res.headers.get("x-frame-options"),
        corp: res.headers.get("cross-origin-resource-policy"),
        referrer: res.headers.get("referrer-policy"),
        cors: res.headers.get("access-control-allow-origin"),
        poweredBy: res.headers.get("x-powered-by"),
      }).toEqual({
        what,
        nosniff: "nosniff",
        frame: "SAMEORIGIN",
        corp: "same-origin",
        referrer: "no-referrer",
        cors: null,
        poweredBy: null,
      });
    }
  });

  it("takes the server's body rules on the real socket, beside the static files", async () => {
    const sample = await fetch(`${server.url}/api/sample`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "x=1",
    });
    expect(sample.status).toBe(415);
    const body = await sample.text();
    expect(JSON.parse(body)).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
    expect(body).not.toMatch(/\n\s+at |\.ts:\d+/);
    const broken = await fetch(`${server.url}/api/classify`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"question": ',
    });
    expect(broken.status).toBe(400);
    const classified = await fetch(`${server.url}/api/classify`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question: "Tell me about a conflict with a colleague." }),
    });
    expect(classified.status).toBe(200);
  });

  it("cannot be reached on this machine's other network addresses (bound to loopback only)", async () => {
    const port = Number(new URL(server.url).port);
    const outward = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal && address.family === "IPv4")
      .map((address) => address?.address ?? "");
    for (const address of outward) {
      const reached = await new Promise<string>((resolve) => {
        const req = request({ host: address, port, path: "/api/health", timeout: 2_000 }, (res) => {
          res.resume();
          resolve(`answered ${res.statusCode}`);
        });
        req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
        req.on("timeout", () => {
          req.destroy();
          resolve("timeout");
        });
        req.end();
      });
      expect({ address, reached }).toEqual({ address, reached: "ECONNREFUSED" });
    }
  });

  it("refuses to bind anything but loopback, before opening the bank", async () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "example.com"]) {
      const dataDir = join(dir, `data-${host.replace(/\W/g, "_")}`);
      await expect(startServer({ port: 0, host, dataDir })).rejects.toThrow(
        /would open your bank to other machines.*127\.0\.0\.1/,
      );
      expect(existsSync(dataDir)).toBe(false);
    }
  });

  it("guards every loopback binding, 127.0.0.2 included", async () => {
    const other = await startServer({ port: 0, host: "127.0.0.2", dataDir: join(dir, "data-127-0-0-2") });
    try {
      const url = new URL(other.url);
      expect(url.hostname).toBe("127.0.0.2");
      const rebinding = await raw(url, "/api/health", { Host: `evil.example:${url.port}` });
      expect(rebinding.status).toBe(403);
      const crossPort = await raw(url, "/api/documents", {
        Origin: `http://127.0.0.2:${Number(url.port) + 1}`,
      });
      expect(crossPort.status).toBe(403);
      const own = await raw(url, "/api/health", {});
      expect(own.status).toBe(200);
    } finally {
      await other.close();
    }
  }, 60_000);

  it("says clearly when the port is taken, and how to choose another as the server was started", async () => {
    const port = Number(new URL(server.url).port);
    await expect(startServer({ port, dataDir: join(dir, "data2") })).rejects.toThrow(
      new RegExp(
        `Port ${port} is already in use.*derisk serve --port ${port + 1} \\(--port 0 picks a free one\\)`,
      ),
    );
    // Under npm start the flag goes after "--": "pass --port 0" alone was not a command to type.
    process.env.DERISK_STARTED_BY = "npm start";
    try {
      await expect(startServer({ port, dataDir: join(dir, "data3") })).rejects.toThrow(
        new RegExp(`npm start -- --port ${port + 1}`),
      );
    } finally {
      delete process.env.DERISK_STARTED_BY;
    }
  }, 60_000);
});
