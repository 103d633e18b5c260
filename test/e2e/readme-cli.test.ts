import { type SpawnSyncReturns, spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Every command of the README's CLI block, run in its order on a fresh bank, the placeholders
// (ITEM_ID, DOCUMENT_ID, …) replaced by ids of that bank: each must exit 0. `prep.md` is a
// candidate's document written below (the sample is imported beside it); the other files the
// examples name are written below too, in our own words.
const root = new URL("../..", import.meta.url).pathname;
const bin = join(root, "bin/derisk.js");
const work = mkdtempSync(join(tmpdir(), "derisk-readme-"));
const env = { ...process.env, NO_COLOR: "1", DERISK_DATA_DIR: join(work, "data") };

const ANSWER = [
  "At my last job the nightly training pipeline failed one morning and nobody knew why.",
  "I owned the pipeline, so I traced the failure to a schema change upstream.",
  "I added a contract test on the input tables and wrote a runbook with the data team.",
  "The pipeline then ran for 200 nights without a failure, and I learned to check inputs first.",
].join(" ");

// prep.md: a candidate's own document (the sample is imported too, but the prep sheet, the trailer
// and other evidence leave the sample out): an about-me answer, a mistake told as a story, an
// answer with infrastructure sentences that re-angling for ML Engineer trims, an accomplishment
// line and a to-do list.
const PREP = `# Platform prep

## Behavioral answers

### Q1- Tell me about yourself
I spent five years building data platforms at a payments company, and for the last two I have trained and shipped the fraud models that run on them. I like work where careful measurement turns into a product people rely on, and I want to do more of it on an ML team.

### Q3- Tell me about a time you improved a system.
I owned the model training pipeline for our fraud team. I wrote Terraform modules for the Kubernetes cluster and set up Helm charts for every service. I configured Prometheus alerts and on-call rotations for the cluster. I retrained the fraud model on fresh features and tuned its decision threshold against precision and recall. The new model caught 18% more fraud at the same false-positive rate.

### Q5- Tell me about a time you made a mistake and how you handled it.
${ANSWER}

## Achievements
- Cut the nightly batch runtime from 6 hours to 40 minutes by partitioning the feature tables

## Before the onsite
- [ ] Reread the job posting
- [ ] Practise the conflict story
`;

const STORY = {
  title: "Nightly pipeline outage",
  situation: "Our nightly training pipeline failed one morning and nobody knew why.",
  actions: [
    "I traced the failure to a schema change upstream.",
    "I added a contract test on the input tables.",
  ],
  result: "The pipeline then ran for 200 nights without a failure.",
  lesson: "I check the inputs before I blame the model.",
};

const POSTING = `# Machine Learning Engineer at Acme

We are hiring an ML engineer to build and run our training and serving pipelines.

## Requirements
- Three years of Python and PyTorch
- Deploying models to production and monitoring them
- Owning ambiguous problems end to end
`;

function derisk(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [bin, ...args], { cwd: work, env, encoding: "utf8", timeout: 120_000 });
}

function json<T>(args: string[]): T {
  const result = derisk([...args, "--json"]);
  if (result.status !== 0) throw new Error(`derisk ${args.join(" ")}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

interface Item {
  id: string;
  kind: string;
  key: string;
}

/** The README's CLI block, one command a line, its trailing comment removed. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const block = /## CLI\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  return block
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => line.replace(/\s{2,}#.*$/, "").trim());
}

let ids: Record<string, string>;

beforeAll(() => {
  copyFileSync(join(root, "samples/sample-prep.md"), join(work, "sample-prep.md"));
  writeFileSync(join(work, "prep.md"), PREP);
  writeFileSync(join(work, "answer.md"), `${ANSWER}\n`);
  writeFileSync(join(work, "answer.txt"), `${ANSWER}\n`);
  writeFileSync(join(work, "story.json"), JSON.stringify(STORY));
  writeFileSync(join(work, "posting.md"), POSTING);
  writeFileSync(
    join(work, "answers.jsonl"),
    `${JSON.stringify({ question: "Tell me about a mistake", answer: ANSWER, role: "ml-engineer" })}\n${JSON.stringify({ question: "Tell me about yourself", answer: "I am a physicist who now builds data pipelines." })}\n`,
  );

  json(["import", "sample-prep.md"]);
  const prep = json<{ documentId: string }>(["import", "prep.md"]).documentId;
  const items = json<{ items: Item[] }>(["show", prep]).items;
  const entry = json<{ entry: { id: string } }>([
    "journal",
    "add",
    "--happened",
    "My first on-call week ended with an outage I could not explain for hours.",
    "--felt",
    "Out of my depth.",
  ]).entry.id;
  const tailoring = json<{ id: string }>(["tailor", "posting.md"]).id;
  json(["stories", "from-document", prep]);
  const story = json<{ stories: { id: string }[] }>(["stories", "list"]).stories[0]?.id;
  ids = {
    answer: items.find((i) => i.kind === "answer" && i.key === "q5/core")?.id ?? "",
    document: prep,
    todo: items.find((i) => i.kind === "to-do")?.id ?? "",
    accomplishment: items.find((i) => i.kind === "accomplishment")?.id ?? "",
    infraAnswer: items.find((i) => i.kind === "answer" && i.key === "q3/core")?.id ?? "",
    entry,
    tailoring,
    story: story ?? "",
  };
  for (const [name, id] of Object.entries(ids)) if (!id) throw new Error(`setup found no ${name} id`);
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** One README line with real ids, and `derisk` as this checkout's bin. */
function concrete(line: string): string {
  return line
    .replace(/from-accomplishment ITEM_ID/, `from-accomplishment ${ids.accomplishment}`)
    .replace(/reangle --answer ITEM_ID/, `reangle --answer ${ids.infraAnswer}`)
    .replace(/ITEM_ID|ANSWER_ID/g, ids.answer ?? "")
    .replace(/DOCUMENT_ID/g, ids.document ?? "")
    .replace(/TODO_ID/g, ids.todo ?? "")
    .replace(/ENTRY_ID/g, ids.entry ?? "")
    .replace(/STORY_ID/g, ids.story ?? "")
    .replace(/--tailoring ID\b/, `--tailoring ${ids.tailoring}`)
    .replace(/ 3f2a /, ` ${(ids.answer ?? "").slice(0, 4)} `)
    .replace(/^pbpaste \|/, "cat answer.txt |")
    .replaceAll("npx derisk", `"${process.execPath}" "${bin}"`);
}

describe("the README's CLI examples", () => {
  it("the block still holds the commands this test knows how to fill in", () => {
    const commands = readmeCommands();
    expect(commands.length).toBeGreaterThan(40);
    expect(commands.every((c) => c.startsWith("npx derisk") || c.startsWith("pbpaste | npx derisk"))).toBe(
      true,
    );
  });

  it("each one exits 0, in the README's order, on a fresh bank", async () => {
    const failures: string[] = [];
    for (const line of readmeCommands()) {
      if (/ serve\b/.test(line)) {
        // Long-running: it must print its address; port 0 rather than 4178, which may be taken here.
        const child = spawn("bash", ["-c", `exec ${concrete(line).replace("--port 4178", "--port 0")}`], {
          cwd: work,
          env,
        });
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString("utf8");
        });
        const started = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), 120_000);
          child.stdout.on("data", () => {
            if (/running at http:\/\/127\.0\.0\.1:\d+/.test(out)) {
              clearTimeout(timer);
              resolve(true);
            }
          });
          child.once("exit", () => resolve(false));
        });
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGINT");
        await exited;
        if (!started) failures.push(`${line}\n  printed no address: ${out}`);
        continue;
      }
      // Interactive commands (practice, drill) read standard input: closed, they stop and save.
      const command = /[<|]/.test(line) ? concrete(line) : `${concrete(line)} < /dev/null`;
      const result = spawnSync("bash", ["-c", command], {
        cwd: work,
        env,
        encoding: "utf8",
        timeout: 180_000,
      });
      if (result.status !== 0) failures.push(`${line}\n  exit ${result.status}: ${result.stderr.trim()}`);
    }
    expect(failures, failures.join("\n")).toEqual([]);
  }, 900_000);
});
