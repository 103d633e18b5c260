import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { relative, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { warmSentenceEncoder } from "../app/encoder.ts";
import { LOCAL_USER_ID, resolveStorage, type StorageLocation } from "../app/environment.ts";
import { DeriskError } from "../app/errors.ts";
import { openStore } from "../store/index.ts";
import { type AppEnv, answerNotFound, createApp } from "./app.ts";
import { isLoopbackHost } from "./guard.ts";

export interface ServerOptions {
  port?: number;
  /** Loopback interface to bind (127.0.0.1 by default); any other address is refused. */
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  /** Built web app (web/dist); when absent only the API is served. */
  webRoot?: string;
  log?: (line: string) => void;
  /** How a new data dir is initialised (see StoreOptions): a subprocess unless told otherwise. */
  initialise?: "in-process" | "subprocess";
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

/**
 * Opens the store and serves the API and the web app, on a loopback interface only
 * (127.0.0.1 by default): until server mode has accounts, the bank has no login, so a
 * non-loopback `host` is refused. The app's guards (./guard.ts) refuse any request whose
 * Host is not loopback or whose Origin is not the app's own.
 * @example const { url, close } = await startServer({ port: 0, dataDir: "/tmp/derisk" });
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const host = (options.host ?? "127.0.0.1").replace(/^\[(.*)\]$/, "$1");
  if (!isLoopbackHost(host)) {
    throw new DeriskError(
      "USAGE",
      `--host ${host} would open your bank to other machines, and derisk has no accounts yet: bind to 127.0.0.1 (the default), localhost or ::1.`,
    );
  }
  const location: StorageLocation = options.databaseUrl
    ? { kind: "postgres", databaseUrl: options.databaseUrl }
    : options.dataDir
      ? { kind: "pglite", dataDir: options.dataDir }
      : resolveStorage(process.env);
  const store = await openStore(
    location.kind === "postgres"
      ? { databaseUrl: location.databaseUrl, onProgress: log }
      : // A long-running process: initdb's memory must not stay resident for the server's life.
        { dataDir: location.dataDir, onProgress: log, initialise: options.initialise ?? "subprocess" },
  );
  const api = createApp({
    store,
    userId: LOCAL_USER_ID,
    version: packageVersion(),
    storage: location.kind,
    log,
  });

  const root = new Hono<AppEnv>();
  root.route("/", api);
  root.notFound(answerNotFound);
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

  const port = options.port ?? 4178;
  const server = serve({ fetch: root.fetch, port, hostname: host });
  // How to choose another port as this server was started: after "--" under npm start.
  const portFlag =
    process.env.DERISK_STARTED_BY === "npm start" ? "npm start -- --port" : "derisk serve --port";
  await new Promise<void>((resolveListening, reject) => {
    server.once("listening", () => resolveListening());
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new DeriskError(
              "IO",
              `Port ${port} is already in use, by another derisk or another server: stop it, or choose another port: ${portFlag} ${port + 1} (--port 0 picks a free one).`,
            )
          : error,
      );
    });
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  // Load the sentence encoder now that requests are served, not on the first tailoring.
  void warmSentenceEncoder();
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
