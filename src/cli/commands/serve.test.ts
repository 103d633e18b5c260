import { describe, expect, it } from "vitest";
import { runCommand } from "../test-cli.ts";
import { registerServeCommand } from "./serve.ts";

// In-process: `serve` refuses a non-loopback --host before it opens any bank or port.
describe("derisk serve", () => {
  it("refuses to listen on anything but loopback, with a usage error", async () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.20"]) {
      const run = await runCommand([registerServeCommand], ["serve", "--host", host, "--port", "0"]);
      expect({ host, code: run.code }).toEqual({ host, code: 1 });
      expect(run.error).toBe(
        `--host ${host} would open your bank to other machines, and derisk has no accounts yet: bind to 127.0.0.1 (the default), localhost or ::1.`,
      );
    }
  });
});
