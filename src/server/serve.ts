import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { relative, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { LOCAL_USER_ID, resolveStorage, type StorageLocation } from "../app/environment.ts";
import { DeriskError } from "../app/errors.ts";
import { openStore } from "../store/index.ts";
import { type AppEnv, createApp } from "./app.ts";

export interface ServerOptions {
  port?: number;
  /** Interface to bind; 127.0.0.1 unless the user asks otherwise. */
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  /** Built web app (web/dist); when absent only the API is served. */
  webRoot?: string;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const packageRoot = new URL("../..", import.meta.url).pathname;

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(resolve(packageRoot, "package.json"), "utf8")) as { version: string })
      .version;
  } catch {
    return "0.0.0";
  }
}

const loopback = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * Opens the store and serves the API and the web app. Bound to 127.0.0.1 by default;
 * on loopback, requests whose Host or Origin is not loopback are refused, so a web
 * page elsewhere cannot drive the local bank (DNS rebinding, cross-site forms).
 * @example const { url, close } = await startServer({ port: 0, dataDir: "/tmp/derisk" });
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const location: StorageLocation = options.databaseUrl
    ? { kind: "postgres", databaseUrl: options.databaseUrl }
    : options.dataDir
      ? { kind: "pglite", dataDir: options.dataDir }
      : resolveStorage(process.env);
  const store = await openStore(
    location.kind === "postgres"
      ? { databaseUrl: location.databaseUrl, onProgress: log }
      : { dataDir: location.dataDir, onProgress: log },
  );
  const host = options.host ?? "127.0.0.1";
  const api = createApp({
    store,
    userId: LOCAL_USER_ID,
    version: packageVersion(),
    storage: location.kind,
    log,
  });

  const root = new Hono<AppEnv>();
  if (loopback.has(host)) {
    root.use("*", async (c, next) => {
      const hostHeader = (c.req.header("host") ?? "").replace(/:\d+$/, "");
      const origin = c.req.header("origin");
      const originHost = origin ? safeHostname(origin) : undefined;
      if (!loopback.has(hostHeader) || (origin !== undefined && !loopback.has(originHost ?? ""))) {
        return c.json(
          {
            error: {
              code: "FORBIDDEN",
              message: "derisk answers only to pages on this machine (localhost).",
            },
          },
          403,
        );
      }
      await next();
    });
  }
  root.route("/", api);
  if (options.webRoot) {
    const webRoot = relative(process.cwd(), resolve(options.webRoot)) || ".";
    const indexHtml = (() => {
      try {
        return readFileSync(resolve(options.webRoot, "index.html"), "utf8");
      } catch (error) {
        throw new DeriskError(
          "IO",
          `The web app is not built (${resolve(options.webRoot, "index.html")} is missing): run npm run build.`,
          { cause: error },
        );
      }
    })();
    root.use("/*", serveStatic({ root: webRoot }));
    root.get("*", (c) => (c.req.path.startsWith("/api/") ? c.notFound() : c.html(indexHtml)));
  }

  const server = serve({ fetch: root.fetch, port: options.port ?? 4178, hostname: host });
  await new Promise<void>((resolveListening, reject) => {
    server.once("listening", () => resolveListening());
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new DeriskError(
              "IO",
              `Port ${options.port} is already in use: pass --port 0 for a free one, or stop the other server.`,
            )
          : error,
      );
    });
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await store.close();
    },
  };
}

function safeHostname(origin: string): string | undefined {
  try {
    const { hostname } = new URL(origin);
    return hostname.includes(":") ? `[${hostname}]` : hostname;
  } catch {
    return undefined;
  }
}
