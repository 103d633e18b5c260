import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The real `derisk` process, as a user runs it, on a real PGlite data dir.
const root = new URL("../..", import.meta.url).pathname;
const samplePath = join(root, "samples/sample-prep.md");

let work: string;
let dataDir: string;

function derisk(
  args: string[],
  options: { input?: string | Uint8Array; dataDir?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
) {
  const result = spawnSync(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), join(root, "src/cli/main.ts"), ...args],
    {
      cwd: options.cwd ?? work,
      input: options.input ?? "",
      env: options.env ?? {
        ...process.env,
        DERISK_DATA_DIR: options.dataDir ?? dataDir,
        NO_COLOR: "1",
        DATABASE_URL: "",
      },
      encoding: "utf8",
      timeout: 150_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "derisk-cli-"));
  dataDir = join(work, "data");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Each test starts several real CLI processes (tsx, the NLP model, PGlite): a few seconds each on an
// idle machine, up to a minute each on a loaded CI runner, where the 30 s default failed a test of
// six processes. The bound is for a hang, not a speed goal (speed lives in bench/).
describe("derisk CLI", { timeout: 360_000 }, () => {
  it("lists its commands", () => {
    const { code, stdout } = derisk(["--help"]);
    expect(code).toBe(0);
    for (const command of ["import", "export", "list", "show", "set", "analyze", "classify", "serve"]) {
      expect(stdout).toContain(command);
    }
    // Fits the 80 columns of a pipe, as commander wraps its own lines.
    for (const line of stdout.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it("colours a pipe only under FORCE_COLOR, and never under NO_COLOR (stdout and stderr)", () => {
    const { NO_COLOR: _n, FORCE_COLOR: _f, ...base } = process.env;
    const run = (env: NodeJS.ProcessEnv) => {
      const ok = derisk(["classify", "Tell me about a conflict"], { env: { ...base, ...env } });
      const bad = derisk(["analyze", "--budget", "x", "-"], { env: { ...base, ...env } });
      expect(ok.code).toBe(0);
      expect(bad.code).toBe(1);
      return { out: ok.stdout, err: bad.stderr };
    };
    const esc = "\u001b[";
    const piped = run({});
    expect(piped.out).not.toContain(esc);
    expect(piped.err).not.toContain(esc);
    const forced = run({ FORCE_COLOR: "1" });
    expect(forced.out).toContain(esc);
    expect(forced.err).toContain(esc);
    const both = run({ FORCE_COLOR: "1", NO_COLOR: "1" });
    expect(both.out).not.toContain(esc);
    expect(both.err).not.toContain(esc);
  });

  it("wraps the analysis report to 80 columns in a pipe, or to COLUMNS, quotes kept indented", () => {
    const answer =
      "I owned the fix for our fraud model's alerts, which were drowning the review team in false positives that nobody could explain. " +
      "I rebuilt the feature pipeline, added merchant history features and retrained the model with a cost-sensitive loss. " +
      "As a result false positives fell from 40% to 12% within six weeks. I learned to measure the cost of an error before tuning a threshold.";
    for (const [env, width] of [
      [{}, 80],
      [{ COLUMNS: "60" }, 60],
    ] as const) {
      const { code, stdout } = derisk(["analyze", "-", "-q", "Tell me about a hard problem"], {
        input: answer,
        env: { ...process.env, NO_COLOR: "1", DERISK_DATA_DIR: dataDir, COLUMNS: "", ...env },
      });
      expect(code).toBe(0);
      const lines = stdout.trimEnd().split("\n");
      for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(width);
      // A quoted fix sentence goes on under its opening quote mark, not at the left edge.
      const at = lines.findIndex((line) => /^ {5}sentence \d+: “/.test(line) && !line.endsWith("”"));
      expect(at).toBeGreaterThan(0);
      expect(lines[at + 1]).toMatch(new RegExp(`^ {${(lines[at] ?? "").indexOf("“") + 1}}\\S`));
    }
  });

  it("rejects an unknown command with usage and exit 1", () => {
    const { code, stderr } = derisk(["frobnicate"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/unknown command/);
  });

  it("rejects an unknown subcommand of a command whose default is list, naming its commands", () => {
    for (const [parent, names] of [
      ["stories", "list, show, from-answer, from-document, delete"],
      ["journal", "list, add, show, edit"],
    ] as const) {
      const { code, stderr } = derisk([parent, "draw"]);
      expect(code).toBe(1);
      expect(stderr).toContain(
        `error: unknown command 'draw' for 'derisk ${parent}'; its commands are ${names}`,
      );
      expect(stderr).not.toMatch(/too many arguments/);
      // The way to the help is said once (it was said twice, on two lines).
      expect(stderr.match(/--help/g)).toHaveLength(1);
    }
    // A typo of one of them is named, as commander does for the top-level commands.
    const typo = derisk(["stories", "lst"]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain("(Did you mean list?)");
  });

  it("imports, reports, dedupes, edits, and exports byte-stable Markdown", () => {
    const dry = derisk(["import", samplePath, "--dry-run", "--json"]);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ status: "dry-run" });

    const first = derisk(["import", samplePath]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Imported as a new document/);
    expect(first.stdout).toMatch(/\d+ answers/);
    expect(derisk(["import", samplePath]).stdout).toMatch(/unchanged/);

    const shown = JSON.parse(derisk(["show", "--kind", "answer", "--json"]).stdout) as {
      items: Array<{ id: string; text: string; version: number }>;
    };
    const answer = shown.items[0];
    if (!answer) throw new Error("the sample has answers");
    const newText = "I rebuilt the alerting myself and paging dropped from 30 to 4 a week.";
    const set = derisk(["set", answer.id, "--text", newText, "--expected-version", String(answer.version)]);
    expect(set.code, set.stderr).toBe(0);
    const stale = derisk(["set", answer.id, "--text", "again", "--expected-version", String(answer.version)]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/changed elsewhere|version/);
    const after = JSON.parse(derisk(["show", "--kind", "answer", "--json"]).stdout) as {
      items: Array<{ text: string }>;
    };
    expect(after.items[0]?.text).toBe(newText);

    const exported = join(work, "exported.md");
    expect(derisk(["export", "--format", "md", "-o", exported]).code).toBe(0);
    const otherData = join(work, "other-data");
    expect(derisk(["import", exported], { dataDir: otherData }).code).toBe(0);
    const again = derisk(["export", "--format", "md"], { dataDir: otherData });
    expect(again.stdout).toBe(readFileSync(exported, "utf8"));

    const bank = derisk(["export", "--format", "json"]);
    const parsed = JSON.parse(bank.stdout) as { format: string; version: number };
    expect(parsed).toMatchObject({ format: "derisk-bank", version: 2 });
    const list = JSON.parse(derisk(["list", "--json"]).stdout) as { documents: unknown[] };
    expect(list.documents).toHaveLength(1);
  });

  it("says which document a Markdown export holds, the latest of several when no -d is given", () => {
    const own = join(work, "export-which");
    const notes = join(work, "notes.txt");
    writeFileSync(notes, "ask about on-call\n");
    expect(derisk(["import", samplePath], { dataDir: own }).code).toBe(0);
    expect(derisk(["import", notes], { dataDir: own }).code).toBe(0);
    const latest = derisk(["export", "--format", "md", "-o", join(work, "latest.md")], { dataDir: own });
    expect(latest.code, latest.stderr).toBe(0);
    expect(latest.stderr).toMatch(
      /^Wrote \S+latest\.md \(\d+ bytes\): “Notes” \([0-9a-f]{8}\), your most recently updated of 2 documents; another: -d ID \(derisk list\)\.$/m,
    );
  });

  it("writes an export to standard output for -o -, as for no -o, and makes no file named -", () => {
    const own = join(work, "export-dash");
    const cwd = join(work, "dash-cwd");
    mkdirSync(cwd, { recursive: true });
    expect(derisk(["import", samplePath], { dataDir: own }).code).toBe(0);
    const plain = derisk(["export", "--format", "md"], { dataDir: own });
    expect(plain.code, plain.stderr).toBe(0);
    // Twice: the second once failed with "- already exists and is not an earlier export".
    for (const format of ["md", "md", "anki"]) {
      const dashed = derisk(["export", "--format", format, "-o", "-"], { dataDir: own, cwd });
      expect(dashed.code, dashed.stderr).toBe(0);
      if (format === "md") expect(dashed.stdout).toBe(plain.stdout);
      else expect(dashed.stdout).toContain("#separator:tab");
    }
    expect(existsSync(join(cwd, "-"))).toBe(false);
    // A PDF is binary: -o - is refused as no -o is, with the same message.
    const pdf = derisk(["export", "--format", "pdf", "-o", "-"], { dataDir: own, cwd });
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toContain("A PDF is binary");
    expect(existsSync(join(cwd, "-"))).toBe(false);
  });

  it("practice: /skip on a follow-up says the follow-up was skipped, then asks the question's rating", () => {
    const own = join(work, "practice-skip-follow-up");
    const answer =
      "Last spring I shipped a fraud model without checking a unit change upstream. I paused the rollout and found the changed field. I added a schema check and retrained. I learned to treat data contracts like code.";
    const run = derisk(["practice", "--question", "Tell me about a mistake you made", "--count", "1"], {
      dataDir: own,
      input: `${answer}\n\n/skip\n3\n`,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Follow-up:");
    expect(run.stdout).toContain("Follow-up skipped (/skip).");
    // "nothing rated" just before the rating prompt read as if the rating were dropped too.
    expect(run.stdout).not.toContain("nothing rated");
    expect(run.stdout).toMatch(/rated good/);
  });

  it("reports the share recognised and lists accomplishments; an unknown --kind is refused", () => {
    const resume = join(root, "test/fixtures/structures/resume-achievements.md");
    const own = join(work, "resume-data");
    const dry = JSON.parse(derisk(["import", resume, "--dry-run", "--json"], { dataDir: own }).stdout) as {
      recognisedShare: number;
      summary: string;
      report: { counts: Record<string, number> };
    };
    // 17 lines with text, 3 kept as notes (the skills list and the degree line).
    expect(dry.recognisedShare).toBe(0.824);
    expect(dry.report.counts.accomplishment).toBe(9);
    expect(dry.summary).toMatch(/^9 accomplishments, 2 notes; .*3 lines unrecognised \(82% recognised\)$/);

    const imported = derisk(["import", resume], { dataDir: own });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/\(82%\s+recognised\)/);
    expect(imported.stdout).toMatch(/3 kept as notes\n/);
    // Said once: the lines line used to repeat "; 82% recognised".
    expect(imported.stdout.match(/%\s+recognised/g)).toHaveLength(1);
    const shown = derisk(["show", "--kind", "accomplishment"], { dataDir: own });
    expect(shown.code, shown.stderr).toBe(0);
    // The line is wrapped to 80 columns in a pipe: read it as one.
    expect(shown.stdout.replace(/\s+/g, " ")).toMatch(
      /accomplishment Reduced checkout latency from 900 ms to 250 ms .*\(900 ms, 250 ms\)/,
    );
    expect(shown.stdout.match(/^ {2}accomplishment /gm)).toHaveLength(9);

    // A wrong option value is a usage error (exit 1), as --role, --format, --budget and --wpm are.
    const wrong = derisk(["show", "--kind", "achievements"], { dataDir: own });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/--kind achievements is not a kind of item; use one of: .*accomplishment/);
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
  });

  it("imports a prep document saved as Windows-1252, saying so; binary bytes are still refused", () => {
    const legacy = join(work, "legacy.md");
    // "café", curly quotes 0x93/0x94 and an en dash 0x96, bytes a Windows editor wrote.
    writeFileSync(
      legacy,
      new Uint8Array([
        ...Buffer.from("# Prep\n\n### Q1- Tell me about a caf"),
        0xe9,
        ...Buffer.from(" outage.\n\n"),
        0x93,
        ...Buffer.from("I fixed it"),
        0x94,
        0x20,
        0x96,
        ...Buffer.from(" in two days.\n"),
      ]),
    );
    const fresh = join(work, "legacy-data");
    const imported = derisk(["import", legacy], { dataDir: fresh });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("encoding Windows-1252");
    expect(imported.stdout.replace(/\s+/g, " ")).toContain(
      "legacy.md is not UTF-8: it was read as Windows-1252 (the first such byte, 0xE9 on line 3, in “café”).",
    );
    const shown = derisk(["show", "--json"], { dataDir: fresh });
    expect(shown.stdout).toContain("Tell me about a café outage.");
    expect(shown.stdout).toContain("“I fixed it” – in two days.");

    const binary = join(work, "not-text.md");
    writeFileSync(binary, new Uint8Array([...Buffer.from("ab"), 0xe9, 0x01, 0x02, ...Buffer.from("cd")]));
    const refused = derisk(["import", binary], { dataDir: fresh });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not valid UTF-8 .*nor Windows-1252 text/);
  });

  it("refuses bad input with one clear line and exit 2, writing nothing", () => {
    const empty = join(work, "empty.md");
    writeFileSync(empty, "");
    const binary = join(work, "prep.pdf");
    writeFileSync(binary, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0, 0xff, 0xfe]));
    const huge = join(work, "huge.md");
    writeFileSync(huge, Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
    const wrongSchema = join(work, "bank.json");
    writeFileSync(wrongSchema, JSON.stringify({ format: "derisk-bank", version: 7, document: {} }));
    const badJson = join(work, "broken.json");
    writeFileSync(badJson, "{ not json");
    const folder = join(work, "a-folder");
    mkdirSync(folder);
    const unreadable = join(work, "secret.md");
    writeFileSync(unreadable, "# Q1\n");
    chmodSync(unreadable, 0o000);
    const fresh = join(work, "bad-input-data");
    const cases: Array<[string, RegExp]> = [
      // The terminal's own way on, not the web page's "Paste or choose a file".
      [
        empty,
        /empty\.md is empty: there is nothing to import\. Add your prep notes to it and import it again\.$/m,
      ],
      [binary, /not text|binary/i],
      [huge, /MiB/],
      [wrongSchema, /version 7/],
      [badJson, /broken\.json is not valid JSON at line 1, column 3 \(at `\{ not json`\): .*fix it there/],
      [folder, /folder/],
      [join(work, "missing.md"), /no such file/],
    ];
    // root reads any file: only check the permission case where permissions apply
    if (process.getuid?.() !== 0) cases.push([unreadable, /permission denied/]);
    for (const [file, message] of cases) {
      const { code, stderr, stdout } = derisk(["import", file], { dataDir: fresh });
      expect({ file, code }).toEqual({ file, code: 2 });
      expect(stderr).toMatch(message);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(stdout).toBe("");
    }
    const list = derisk(["list", "--json"], { dataDir: fresh });
    expect(JSON.parse(list.stdout)).toEqual({ documents: [] });
  });

  it("analyses from stdin with the stable JSON contract, and classifies", () => {
    const answer =
      "Our deploys kept failing on Fridays. I dug into the logs, found a race in the migration step, and added a lock plus a canary check. Failed deploys fell from 6 a month to 0, and I learned to test the rollout path itself.";
    const { code, stdout } = derisk(
      [
        "analyze",
        "-",
        "--question",
        "Tell me about a problem you solved",
        "--role",
        "software-engineer",
        "--json",
      ],
      {
        input: answer,
      },
    );
    expect(code).toBe(0);
    const analysis = JSON.parse(stdout) as Record<string, unknown> & { labels: Record<string, unknown> };
    for (const key of ["labels", "evidence", "timing", "fixes", "sentences"])
      expect(analysis).toHaveProperty(key);
    for (const label of [
      "situation",
      "task",
      "action",
      "result",
      "lesson",
      "quantified",
      "ownership",
      "blame",
      "ambiguity",
      "decisive",
      "autonomy",
      "systems",
      "overall",
    ]) {
      expect(analysis.labels).toHaveProperty(label);
    }
    const human = derisk(["analyze", "-", "-q", "Tell me about a problem you solved"], { input: answer });
    expect(human.stdout).toMatch(/Overall \d\/5/);
    expect(human.stdout).toMatch(/Risk signals/);
    // The five risks in the web app's words: "spinning  present" read as the risk being there.
    expect(human.stdout).toMatch(/Clear path, no spinning +(Strong|Shown|Not shown|Risk)/);
    expect(human.stdout).toMatch(/Blames others +(Not shown|Risk|Owns it)/);
    // An answer that owns its part: the row names the risk, so its good level must not read
    // "Blames others  Strong".
    const owning = derisk(["analyze", "-", "-q", "Tell me about yourself"], {
      input:
        "I'm a PhD in applied maths, and I've spent three years building ML pipelines at a fintech, where I owned the retraining system end to end and cut model refresh from two weeks to a day. Now I want to move closer to product ML.",
    });
    expect(owning.stdout).toMatch(/Blames others +Owns it/);
    expect(owning.stdout).not.toMatch(/Blames others +Strong/);

    const cls = derisk(["classify", "Tell me about a time you disagreed with a teammate", "--json"]);
    expect(JSON.parse(cls.stdout)).toMatchObject({ competency: "conflict" });

    expect(derisk(["analyze", "-"], { input: "   " }).code).toBe(2);
    expect(derisk(["analyze", "-", "--role", "astronaut"], { input: answer }).code).toBe(1);
  });

  it("analyses a batch of JSON Lines in order, one process, bad lines reported in place", () => {
    const lines = [
      JSON.stringify({
        question: "Tell me about yourself",
        answer: "I build data pipelines and led a team of 3 to ship a forecasting tool.",
      }),
      "{oops",
      JSON.stringify({
        question: "Why us?",
        answer: "I like your product because I used it daily for two years.",
      }),
    ].join("\n");
    const { code, stdout } = derisk(["analyze", "--batch", "-"], { input: lines });
    expect(code).toBe(2);
    const out = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out).toHaveLength(3);
    expect(out[0]).toHaveProperty("labels");
    expect(out[1]).toMatchObject({ error: { line: 2 } });
    expect(out[2]).toHaveProperty("labels");
  });

  it("finds a journal entry by the first 4 characters of its id, as derisk journal --help shows", () => {
    const { entries } = JSON.parse(derisk(["journal", "list", "--json"]).stdout) as {
      entries: Array<{ id: string; title: string }>;
    };
    const [entry] = entries;
    if (!entry) throw new Error("the imported sample starts the journal");
    const listed = derisk(["journal", "list"]);
    expect(listed.stdout).toContain(`${entry.id.slice(0, 8)}  `);
    expect(listed.stdout).not.toContain(entry.id);
    const shown = derisk(["journal", "show", entry.id.slice(0, 4)]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(entry.title);
    const tooShort = derisk(["journal", "show", entry.id.slice(0, 3)]);
    expect(tooShort.code).toBe(2);
    expect(tooShort.stderr).toMatch(/too short to pick a journal entry by: type at least 4 characters/);
    // Four CLI processes, each opening the bank: 25.5 s measured under load (the 30 s default is
    // no hang guard for that), so a bound that only stops a hang.
  });

  // util-linux `script` gives the CLI a real terminal (a pty), as a person at a keyboard has.
  // Under CI=true a missing `script` fails instead of skipping; outside CI it skips and says so.
  /** The CLI as `script -c` runs it: node with tsx on src/cli/main.ts, each part quoted for the shell. */
  const cliCommandLine = (): string =>
    [process.execPath, "--import", import.meta.resolve("tsx"), join(root, "src/cli/main.ts")]
      .map((part) => `'${part}'`)
      .join(" ");
  const hasScript = spawnSync("script", ["--version"]).status === 0;
  if (!hasScript && process.env.CI !== "true")
    console.warn("cli: the drill-in-a-terminal test is skipped, util-linux `script` is not installed");
  (hasScript || process.env.CI === "true" ? it : it.skip)(
    "ends the drill in a terminal once it is done, without waiting for a key",
    async () => {
      const command = cliCommandLine();
      const child = spawn("script", ["-qfec", `${command} drill --count 1`, "/dev/null"], {
        cwd: work,
        env: { ...process.env, DERISK_DATA_DIR: dataDir, NO_COLOR: "1", DATABASE_URL: "" },
      });
      let out = "";
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      const done = new Promise<void>((resolve) =>
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString("utf8");
          if (out.includes("Drill done")) resolve();
        }),
      );
      // Standard input stays open, as a terminal's does: the answer, a blank line, Enter for no rating.
      child.stdin.write("Bias is underfitting; variance is overfitting.\r\r\r");
      await done;
      const code = await Promise.race([
        exited,
        new Promise<string>((r) => setTimeout(() => r("still running"), 10_000)),
      ]);
      child.kill();
      expect(code, out).toBe(0);
    },
    90_000,
  );

  (hasScript || process.env.CI === "true" ? it : it.skip)(
    "submits a drill answer on Ctrl-D at the end of a typed line, that line included (it did nothing)",
    async () => {
      const own = join(work, "data-ctrl-d");
      const command = cliCommandLine();
      const child = spawn("script", ["-qfec", `${command} drill --count 1`, "/dev/null"], {
        cwd: work,
        env: { ...process.env, DERISK_DATA_DIR: own, NO_COLOR: "1", DATABASE_URL: "" },
      });
      let out = "";
      const seen = (text: string) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (out.includes(text)) resolve();
          };
          child.stdout.on("data", check);
          check();
        });
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
      });
      const within = (promise: Promise<void>, what: string) =>
        Promise.race([
          promise.then(() => what),
          new Promise<string>((r) => setTimeout(() => r(`no ${what}`), 45_000)),
        ]);
      // Typed once the answer prompt (the timer) is up: the terminal is then in raw mode.
      expect(await within(seen("2:00 › "), "prompt"), out).toBe("prompt");
      // One line with Enter, the next left unfinished, then Ctrl-D: the answer is submitted.
      child.stdin.write("Bias is error from a model too simple for the data.\r");
      await new Promise((r) => setTimeout(r, 1500));
      child.stdin.write("Variance is sensitivity to the training sample");
      await new Promise((r) => setTimeout(r, 1500));
      child.stdin.write("\u0004");
      expect(await within(seen("Rate your answer"), "rating"), out).toBe("rating");
      child.stdin.write("3\r");
      expect(await within(seen("1 of 1 question answered"), "end"), out).toBe("end");
      child.kill();
      const bank = derisk(["export", "--format", "json"], { dataDir: own });
      expect(bank.stdout).toContain("Variance is sensitivity to the training sample");
    },
    150_000,
  );

  (hasScript || process.env.CI === "true" ? it : it.skip)(
    "says how to end the text when - reads a terminal (it waited without a word, as if hung)",
    async () => {
      const command = cliCommandLine();
      const child = spawn("script", ["-qfec", `${command} analyze - --json`, "/dev/null"], {
        cwd: work,
        env: { ...process.env, DERISK_DATA_DIR: dataDir, NO_COLOR: "1", DATABASE_URL: "" },
      });
      let out = "";
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      const hinted = new Promise<void>((resolve) =>
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString("utf8");
          if (out.includes("Ctrl-D")) resolve();
        }),
      );
      const waited = await Promise.race([
        hinted.then(() => "hinted"),
        new Promise<string>((r) => setTimeout(() => r("no hint"), 30_000)),
      ]);
      expect(waited, out).toBe("hinted");
      expect(out).toContain(
        "Reading from the keyboard: type or paste the text, then press Ctrl-D on a new line to finish (Ctrl-C cancels).",
      );
      // The answer, then Ctrl-D on a new line, as the hint says.
      child.stdin.write("I led the migration and cut latency by 40%.\r\u0004");
      const code = await Promise.race([
        exited,
        new Promise<string>((r) => setTimeout(() => r("still running"), 30_000)),
      ]);
      child.kill();
      expect(code, out).toBe(0);
      expect(out).toContain('"labels"');
    },
    90_000,
  );
});
