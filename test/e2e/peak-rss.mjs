// Preloaded (`node --import`) into a CLI run by the fuzz tests: when DERISK_PEAK_RSS_FILE is
// set, the process appends its peak resident memory (kB, worker threads included) on exit.
import { appendFileSync } from "node:fs";

const file = process.env.DERISK_PEAK_RSS_FILE;
if (file) {
  process.on("exit", () => {
    appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
