/**
 * Checks that what the code and the docs cite in `docs/` still exists:
 * - every `docs/<file>.md` path named in a source file, a script, a test, an eval README or a doc
 *   names a file that exists;
 * - when the path is followed by a quoted section name (`docs/risk-lens.md, "Speed"`,
 *   `docs/matching.md 'Round 22'`), that file has a heading or a bold paragraph lead
 *   (`**Blind writers in training, part 3: …**`) that starts with the name;
 * - every relative Markdown link in README.md and docs/ (`[x](lab/matching-lab.md#round-22-…)`)
 *   points to a file that exists and, with an anchor, to a heading of it.
 *
 *   npx tsx scripts/doc-refs.ts        # lists each broken citation; exit 1 if there is one
 *
 * It reads source and Markdown only: never a corpus or pairs file (.jsonl), so never the test split.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface Broken {
  /** Where the citation is, relative to the repository root. */
  file: string;
  line: number;
  /** What is cited: a path, a path and a section, or a link. */
  cited: string;
  why: string;
}

const SOURCE_DIRS = ["src", "scripts", "test", "web", "bench"];
const SOURCE_EXT = /\.(ts|tsx|mts|mjs|js|css|html)$/;
const SKIP_DIRS = new Set(["node_modules", "dist", ".artifacts", "test-results", "playwright-report"]);

function walk(dir: string, keep: (path: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name) || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, keep, out);
    else if (keep(path)) out.push(path);
  }
  return out;
}

/** The files whose citations are checked: code, READMEs, docs (not the lab notebooks, whose text is a record). */
export function citingFiles(root: string): string[] {
  const files = SOURCE_DIRS.flatMap((d) => walk(join(root, d), (p) => SOURCE_EXT.test(p)));
  // eval/: its READMEs and the probe sets' descriptions at its top level, never a data file below it.
  files.push(...walk(join(root, "eval"), (p) => p.endsWith(".md")));
  for (const name of existsSync(join(root, "eval")) ? readdirSync(join(root, "eval")) : []) {
    if (name.endsWith(".json")) files.push(join(root, "eval", name));
  }
  if (existsSync(join(root, "README.md"))) files.push(join(root, "README.md"));
  files.push(...walk(join(root, "docs"), (p) => p.endsWith(".md") && !p.includes(`${join("docs", "lab")}`)));
  // This script and its test name made-up paths as examples.
  return files.filter((f) => !/scripts[\\/]doc-refs(\.test)?\.ts$/.test(f));
}

/** Plain text of a heading or a lead: no Markdown emphasis or code marks, one space between words. */
function plain(text: string): string {
  return text.replace(/[*_`]/g, "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** GitHub's anchor for a heading. */
export function slug(heading: string): string {
  return heading
    .replace(/[*`]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

interface DocIndex {
  /** Headings and bold paragraph leads, as plain text. */
  names: string[];
  anchors: Set<string>;
}

const docCache = new Map<string, DocIndex>();

function indexDoc(path: string): DocIndex {
  const cached = docCache.get(path);
  if (cached) return cached;
  const names: string[] = [];
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  const lines = readFileSync(path, "utf8").split("\n");
  for (const [i, line] of lines.entries()) {
    if (line.startsWith("```")) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      names.push(plain(heading[1] ?? ""));
      const base = slug(heading[1] ?? "");
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
      continue;
    }
    // A bold lead may run over the next lines before its closing `**`.
    const lead = /^(?:[-*] |\d+\. )?\*\*([^*]+)/.exec(lines.slice(i, i + 3).join(" "));
    if (lead?.[1]) names.push(plain(lead[1]));
  }
  const index = { names, anchors };
  docCache.set(path, index);
  return index;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// `docs/x.md` or `docs/lab/x.md`, then optionally `'s`, a comma or colon, a line break with a
// comment marker, an opening parenthesis, and a quoted section name (which may run over a line
// break inside a comment).
const CITE =
  /docs\/((?:lab\/)?[A-Za-z0-9_.-]+\.md)(?:'s)?[,:]?(?:[ \t]*\n[ \t]*(?:\/\/|\*|#)?)?[ \t]*\(?(?:(["'])(?!s\b)([A-Za-z0-9](?:(?!\2)[^\n]|\n[ \t]*(?:\/\/|\*|#)?[ \t]*){1,160}?)\2)?/g;

const LINK = /\]\(([^)\s#]+\.md)?(#[^)\s]+)?\)/g;

/** Every broken citation in the repository at `root`. */
export function brokenCitations(root: string): Broken[] {
  const broken: Broken[] = [];
  for (const path of citingFiles(root)) {
    const text = readFileSync(path, "utf8");
    const file = relative(root, path);
    for (const m of text.matchAll(CITE)) {
      const name = m[1] ?? "";
      const doc = join(root, "docs", name);
      const line = lineOf(text, m.index ?? 0);
      if (!existsSync(doc)) {
        broken.push({ file, line, cited: `docs/${name}`, why: "no such file" });
        continue;
      }
      if (m[3] === undefined) continue;
      const quoted = m[3].replace(/\n[ \t]*(?:\/\/|\*|#)?/g, " ").replace(/\s+/g, " ");
      const section = plain(quoted).replace(/[\s:,.;]+$/, "");
      if (!indexDoc(doc).names.some((n) => n.startsWith(section))) {
        broken.push({
          file,
          line,
          cited: `docs/${name}, "${quoted}"`,
          why: "no heading or bold lead of that file starts with the quoted name",
        });
      }
    }
  }
  // Links are checked in every Markdown file of README.md and docs/, the lab notebooks included
  // (their contents tables link to their own headings).
  const markdown = [
    ...(existsSync(join(root, "README.md")) ? [join(root, "README.md")] : []),
    ...walk(join(root, "docs"), (p) => p.endsWith(".md")),
  ];
  for (const path of markdown) {
    const text = readFileSync(path, "utf8");
    const file = relative(root, path);
    for (const m of text.matchAll(LINK)) {
      if (m[1] === undefined && m[2] === undefined) continue;
      if (m[1] && /^[a-z]+:/.test(m[1])) continue;
      // A link inside a quoted example ("… [my answer](answers.md#q7)") shows what a user writes.
      const lineStart = text.lastIndexOf("\n", m.index ?? 0) + 1;
      if ((text.slice(lineStart, m.index).match(/"/g) ?? []).length % 2 === 1) continue;
      const target = m[1] ? resolve(dirname(path), m[1]) : path;
      const line = lineOf(text, m.index ?? 0);
      const cited = `${m[1] ?? ""}${m[2] ?? ""}`;
      if (!existsSync(target)) {
        broken.push({ file, line, cited, why: "the link's file does not exist" });
        continue;
      }
      if (m[2] && target.endsWith(".md") && !indexDoc(target).anchors.has(m[2].slice(1))) {
        broken.push({ file, line, cited, why: "no heading of the linked file has that anchor" });
      }
    }
  }
  return broken;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const broken = brokenCitations(root);
  for (const b of broken) console.log(`${b.file}:${b.line}: ${b.cited} — ${b.why}`);
  if (broken.length > 0) {
    console.error(
      `${broken.length} broken citation(s) of docs/: point each at the file and heading that now hold the section.`,
    );
    process.exit(1);
  }
  console.log("every docs/ path, section and link cited exists");
}
