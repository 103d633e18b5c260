import type { Command } from "commander";
import { DeriskError } from "../../app/errors.ts";
import type { CliContext } from "../context.ts";

export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command("serve")
    .addHelpText(
      "after",
      "\nExamples:\n  derisk serve          (then open http://127.0.0.1:4178)\n  derisk serve --port 0 (any free port; the address is printed)",
    )
    .description("serve the web app and the HTTP API (localhost only by default)")
    .option("-p, --port <n>", "port (0 = any free port)", "4178")
    .option("--host <host>", "loopback interface to bind (127.0.0.1, localhost, ::1)", "127.0.0.1")
    .action(async (options: { port: string; host: string }) => {
      const port = Number.parseInt(options.port, 10);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new DeriskError("USAGE", `--port ${options.port} is not a port number (0–65535).`);
      }
      const webRoot = new URL("../../../web/dist", import.meta.url).pathname;
      const { startServer } = await import("../../server/serve.ts");
      const server = await startServer({
        port,
        host: options.host,
        webRoot,
        log: (line) => ctx.err(line),
        ...(ctx.env.DATABASE_URL ? { databaseUrl: ctx.env.DATABASE_URL } : {}),
      });
      ctx.out(`derisk is running at ${ctx.style.bold(server.url)}  (Ctrl+C to stop)`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          void server.close().then(resolve);
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
}
