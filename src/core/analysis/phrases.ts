// A pattern that matches a finite list of phrases (fixed words, optional parts, small character
// classes, word boundaries and look-arounds of such phrases) is matched here from the words of the
// text instead of by the regular-expression engine: the compiled code of the merged alternations
// was ~1 MB, fetched again by every analysis (docs/lab/risk-lens-lab.md, "Speed: the measurements"). A pattern only part
// of which is such a list is cut into branches in the engine's order: the listed phrases are
// matched here, the rest by the engine. Each pattern gets exactly the matches `matchAll` gives it
// with the flags "gm".

/** A zero-width test at an offset of a phrase. */
type Assertion =
  | { kind: "b" | "B" | "^" | "$"; src: string }
  | {
      kind: "look";
      src: string;
      behind: boolean;
      negative: boolean;
      chars?: ReadonlySet<string>;
      paths: Path[];
    };

export interface Path {
  text: string;
  /** Offsets into `text` paired with the test made there, in the pattern's order. */
  tests: Array<{ at: number; test: Assertion }>;
}

/** A branch of a pattern: a phrase, or a piece of pattern the engine must run. */
export type Branch = { path: Path; src?: undefined } | { path?: undefined; src: string };

type Node = { src: string } & (
  | { type: "alt"; options: Node[] }
  | { type: "seq"; items: Node[] }
  | { type: "chars"; chars: string[] }
  | { type: "assert"; test: Assertion | LookNode }
  | { type: "optional"; node: Node; lazy: boolean }
  | { type: "opaque" }
);

interface LookNode {
  kind: "lookNode";
  behind: boolean;
  negative: boolean;
  body: Node;
}

class Unsupported extends Error {}

const WORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
const DIGITS = "0123456789";
const SPACE_CHARS =
  " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

function escapeChars(ch: string): string[] | undefined {
  if (ch === "d") return [...DIGITS];
  if (ch === "w") return [...WORD_CHARS];
  if (ch === "s") return [...SPACE_CHARS];
  return undefined;
}

const CONTROL: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v", "0": "\0" };

/**
 * A parser of the regular-expression syntax (without the `u` flag) into the pieces that denote
 * lists of phrases; a repetition, `.`, a negated class or a group holding one is left whole
 * ("opaque"); a back-reference or a named group rules the pattern out.
 */
class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.at !== this.source.length) throw new Unsupported("trailing");
    return node;
  }

  private peek(): string | undefined {
    return this.source[this.at];
  }

  private alternation(): Node {
    const from = this.at;
    const options = [this.sequence()];
    while (this.peek() === "|") {
      this.at += 1;
      options.push(this.sequence());
    }
    const src = this.source.slice(from, this.at);
    return options.length === 1 ? (options[0] as Node) : { type: "alt", options, src };
  }

  private sequence(): Node {
    const from = this.at;
    const items: Node[] = [];
    for (let ch = this.peek(); ch !== undefined && ch !== "|" && ch !== ")"; ch = this.peek()) {
      items.push(this.quantified());
    }
    return { type: "seq", items, src: this.source.slice(from, this.at) };
  }

  private quantified(): Node {
    const from = this.at;
    const atom = this.atom();
    const q = this.peek();
    if (q === "*" || q === "+" || q === "{") {
      if (q === "{") {
        const close = this.source.indexOf("}", this.at);
        if (close < 0 || !/^\{\d+(,\d*)?\}$/.test(this.source.slice(this.at, close + 1)))
          throw new Unsupported("brace");
        this.at = close + 1;
      } else {
        this.at += 1;
      }
      if (this.peek() === "?") this.at += 1;
      return { type: "opaque", src: this.source.slice(from, this.at) };
    }
    if (q !== "?") return atom;
    this.at += 1;
    const lazy = this.peek() === "?";
    if (lazy) this.at += 1;
    const src = this.source.slice(from, this.at);
    if (atom.type === "assert" || atom.type === "opaque") return { type: "opaque", src };
    return { type: "optional", node: atom, lazy, src };
  }

  private atom(): Node {
    const from = this.at;
    const ch = this.source[this.at] as string;
    this.at += 1;
    if (ch === "(") return this.group(from);
    if (ch === "[") return this.charClass(from);
    if (ch === "\\") return this.escape(from);
    if (ch === "^" || ch === "$") return { type: "assert", test: { kind: ch, src: ch }, src: ch };
    if (ch === ".") return { type: "opaque", src: ch };
    if (ch === "*" || ch === "+" || ch === "?" || ch === "{" || ch === "}" || ch === "]")
      throw new Unsupported(ch);
    return { type: "chars", chars: [ch], src: ch };
  }

  private group(from: number): Node {
    let look: { behind: boolean; negative: boolean } | undefined;
    if (this.source.startsWith("?:", this.at)) this.at += 2;
    else if (this.source.startsWith("?=", this.at)) look = { behind: false, negative: false };
    else if (this.source.startsWith("?!", this.at)) look = { behind: false, negative: true };
    else if (this.source.startsWith("?<=", this.at)) look = { behind: true, negative: false };
    else if (this.source.startsWith("?<!", this.at)) look = { behind: true, negative: true };
    else if (this.peek() === "?") throw new Unsupported("named group");
    if (look !== undefined) this.at += look.behind ? 3 : 2;
    const body = this.alternation();
    if (this.peek() !== ")") throw new Unsupported("unclosed group");
    this.at += 1;
    const src = this.source.slice(from, this.at);
    if (look === undefined) return { ...body, src };
    return { type: "assert", test: { kind: "lookNode", ...look, body }, src };
  }

  private escape(from: number): Node {
    const ch = this.source[this.at];
    if (ch === undefined) throw new Unsupported("escape at end");
    this.at += 1;
    const src = this.source.slice(from, this.at);
    if (ch === "b" || ch === "B") return { type: "assert", test: { kind: ch, src }, src };
    const set = escapeChars(ch);
    if (set !== undefined) return { type: "chars", chars: set, src };
    if (/[DWS]/.test(ch)) return { type: "opaque", src };
    return { type: "chars", chars: [this.escapedChar(ch)], src };
  }

  private escapedChar(ch: string): string {
    const control = CONTROL[ch];
    if (control !== undefined && !(ch === "0" && /[0-9]/.test(this.peek() ?? ""))) return control;
    if (/[A-Za-z0-9]/.test(ch)) throw new Unsupported(`escape \\${ch}`);
    return ch;
  }

  private classAtom(): string[] | undefined {
    const ch = this.source[this.at];
    if (ch === undefined) throw new Unsupported("unclosed class");
    this.at += 1;
    if (ch !== "\\") return [ch];
    const next = this.source[this.at];
    if (next === undefined) throw new Unsupported("escape at end");
    this.at += 1;
    const set = escapeChars(next);
    if (set !== undefined) return set;
    if (next === "b") return ["\b"];
    if (/[DWS]/.test(next)) return undefined;
    return [this.escapedChar(next)];
  }

  private charClass(from: number): Node {
    const negated = this.peek() === "^";
    if (negated) this.at += 1;
    if (this.peek() === "]") throw new Unsupported("empty class");
    const chars = new Set<string>();
    let listed = !negated;
    while (this.peek() !== "]") {
      const first = this.classAtom();
      if (
        first !== undefined &&
        this.peek() === "-" &&
        this.source[this.at + 1] !== "]" &&
        first.length === 1
      ) {
        this.at += 1;
        const to = this.classAtom();
        if (to === undefined || to.length !== 1) throw new Unsupported("class range");
        const a = (first[0] as string).charCodeAt(0);
        const b = (to[0] as string).charCodeAt(0);
        if (b < a) throw new Unsupported("class range");
        if (b - a > 256) listed = false;
        else for (let c = a; c <= b; c += 1) chars.add(String.fromCharCode(c));
      } else if (first === undefined) {
        listed = false;
      } else {
        for (const c of first) chars.add(c);
      }
    }
    this.at += 1;
    const src = this.source.slice(from, this.at);
    return listed ? { type: "chars", chars: [...chars], src } : { type: "opaque", src };
  }
}

/** At most this many branches per pattern, and characters per class of a phrase. */
const MAX_BRANCHES = 4096;
const MAX_CLASS_IN_PHRASE = 8;

function escapeText(text: string): string {
  return text
    .replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r");
}

/** A phrase written back as a pattern, with its tests where they stand. */
function sourceOf(branch: Branch): string {
  if (branch.src !== undefined) return branch.src;
  const { text, tests } = branch.path;
  let out = "";
  let from = 0;
  for (const { at, test } of tests) {
    out += escapeText(text.slice(from, at)) + test.src;
    from = at;
  }
  return out + escapeText(text.slice(from));
}

// Neighbouring engine branches joined into one, so the engine's part stays one alternation.
function joinPieces(branches: Branch[]): Branch[] {
  const out: Branch[] = [];
  let pieces: string[] = [];
  const flush = (): void => {
    if (pieces.length === 1) out.push({ src: pieces[0] as string });
    else if (pieces.length > 1) out.push({ src: `(?:${pieces.join("|")})` });
    pieces = [];
  };
  for (const b of branches) {
    if (b.src !== undefined) pieces.push(b.src);
    else {
      flush();
      out.push(b);
    }
  }
  flush();
  return out;
}

function concat(a: Branch[], b: Branch[]): Branch[] {
  const out: Branch[] = [];
  for (const x of a) {
    for (const y of b) {
      if (x.path !== undefined && y.path !== undefined) {
        out.push({
          path: {
            text: x.path.text + y.path.text,
            tests: [
              ...x.path.tests,
              ...y.path.tests.map((t) => ({ at: t.at + (x.path?.text.length ?? 0), test: t.test })),
            ],
          },
        });
      } else {
        out.push({ src: `${sourceOf(x)}${sourceOf(y)}` });
      }
      if (out.length > MAX_BRANCHES) throw new Unsupported("too many branches");
    }
  }
  return out;
}

/** A node's branches in the order the engine's backtracking tries them. */
function branches(node: Node, maxClass: number): Branch[] {
  let out: Branch[];
  try {
    out = expand(node, maxClass);
  } catch (error) {
    if (!(error instanceof Unsupported) || error.message !== "too many branches") throw error;
    return [{ src: `(?:${node.src})` }];
  }
  // A node none of whose branches is a phrase stays as it was written, and so does one whose
  // pieces for the engine would repeat its text (`(me|us) \w+` as `me \w+|us \w+`): the engine
  // would compile more, not less.
  let pieces = 0;
  for (const b of out) pieces += b.src?.length ?? 0;
  if (out.length > 1 && (out.every((b) => b.src !== undefined) || pieces > node.src.length * 1.25 + 8))
    return [{ src: `(?:${node.src})` }];
  return out;
}

/**
 * The branches of `items[from…]`: a phrase of the first item goes on with each branch of the
 * rest; a piece of the first item the engine must run goes on with the rest as it was written.
 */
function expandSeq(items: readonly Node[], from: number, maxClass: number): Branch[] {
  if (from === items.length) return [{ path: { text: "", tests: [] } }];
  const first = branches(items[from] as Node, maxClass);
  let rest: Branch[] | undefined;
  const out: Branch[] = [];
  for (const b of first) {
    if (b.path === undefined) {
      out.push({
        src:
          b.src +
          items
            .slice(from + 1)
            .map((item) => item.src)
            .join(""),
      });
    } else {
      rest ??= expandSeq(items, from + 1, maxClass);
      out.push(...concat([b], rest));
    }
    if (out.length > MAX_BRANCHES) throw new Unsupported("too many branches");
  }
  return out;
}

function expand(node: Node, maxClass: number): Branch[] {
  switch (node.type) {
    case "opaque":
      return [{ src: node.src }];
    case "chars":
      if (node.chars.length > maxClass) return [{ src: node.src }];
      return node.chars.map((text) => ({ path: { text, tests: [] } }));
    case "assert": {
      const t = node.test;
      if (t.kind !== "lookNode") return [{ path: { text: "", tests: [{ at: 0, test: t }] } }];
      const body = branches(t.body, 128);
      if (body.some((b) => b.path === undefined)) return [{ src: node.src }];
      const paths = body.map((b) => b.path as Path);
      const single = paths.every((p) => p.text.length === 1 && p.tests.length === 0);
      const test: Assertion = {
        kind: "look",
        src: node.src,
        behind: t.behind,
        negative: t.negative,
        paths,
        ...(single ? { chars: new Set(paths.map((p) => p.text)) } : {}),
      };
      return [{ path: { text: "", tests: [{ at: 0, test }] } }];
    }
    case "optional": {
      const present = branches(node.node, maxClass);
      const absent: Branch[] = [{ path: { text: "", tests: [] } }];
      return node.lazy ? [...absent, ...present] : [...present, ...absent];
    }
    case "seq":
      return joinPieces(expandSeq(node.items, 0, maxClass));
    case "alt": {
      const out: Branch[] = [];
      for (const option of node.options) {
        out.push(...branches(option, maxClass));
        if (out.length > MAX_BRANCHES) throw new Unsupported("too many branches");
      }
      return joinPieces(out);
    }
  }
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function wordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordCode(text.charCodeAt(i));
}

function lineBreakAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function holds(test: Assertion, text: string, x: number): boolean {
  switch (test.kind) {
    case "b":
      return wordAt(text, x - 1) !== wordAt(text, x);
    case "B":
      return wordAt(text, x - 1) === wordAt(text, x);
    case "^":
      return x === 0 || lineBreakAt(text, x - 1);
    case "$":
      return x === text.length || lineBreakAt(text, x);
    case "look": {
      let found = false;
      if (test.chars !== undefined) {
        const i = test.behind ? x - 1 : x;
        found = i >= 0 && i < text.length && test.chars.has(text[i] as string);
      } else {
        for (const path of test.paths) {
          const from = test.behind ? x - path.text.length : x;
          if (from >= 0 && matchesAt(path, text, from)) {
            found = true;
            break;
          }
        }
      }
      return found !== test.negative;
    }
  }
}

function matchesAt(path: Path, text: string, from: number): boolean {
  if (!text.startsWith(path.text, from)) return false;
  for (const { at, test } of path.tests) if (!holds(test, text, from + at)) return false;
  return true;
}

// Whether a phrase can only start where a word starts: it opens on a letter, a digit or `_`,
// after a test at its start that rules out a word character before it.
function startsWord(path: Path): boolean {
  if (!isWordCode(path.text.charCodeAt(0))) return false;
  return path.tests.some(
    ({ at, test }) =>
      at === 0 &&
      (test.kind === "b" ||
        test.kind === "^" ||
        (test.kind === "look" &&
          test.behind &&
          test.negative &&
          test.chars !== undefined &&
          [...WORD_CHARS].every((c) => test.chars?.has(c)))),
  );
}

/**
 * The pattern's branches in the engine's order: phrases that each start a word, matched from the
 * words of the text, and pieces the engine must run; `undefined` when no branch is a phrase.
 */
export function branchesOf(source: string): Branch[] | undefined {
  let out: Branch[];
  try {
    out = branches(new Parser(source).parse(), MAX_CLASS_IN_PHRASE);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  out = joinPieces(
    out.map((b) =>
      b.path !== undefined && b.path.text.length > 0 && startsWord(b.path) ? b : { src: sourceOf(b) },
    ),
  );
  return out.some((b) => b.path !== undefined) ? out : undefined;
}

/**
 * A text cut into tokens: each run of word characters (what `\b` reads as a word) is one token,
 * each other character another.
 */
interface Tokens {
  tokens: string[];
  starts: number[];
  /** Whether each token is a run of word characters. */
  word: boolean[];
}

function tokenize(text: string): Tokens {
  const tokens: string[] = [];
  const starts: number[] = [];
  const word: boolean[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    if (isWordCode(text.charCodeAt(i))) {
      i += 1;
      while (i < n && isWordCode(text.charCodeAt(i))) i += 1;
      tokens.push(text.slice(start, i));
      word.push(true);
    } else {
      i += 1;
      tokens.push(text[start] as string);
      word.push(false);
    }
    starts.push(start);
  }
  return { tokens, starts, word };
}

// Every token of every phrase of any lexicon, numbered: a text's tokens are looked up here once,
// and each lexicon then walks its phrases by number (the lexicons of an analysis scan one text).
const TOKEN_IDS = new Map<string, number>();

function tokenId(token: string): number {
  let id = TOKEN_IDS.get(token);
  if (id === undefined) {
    id = TOKEN_IDS.size;
    TOKEN_IDS.set(token, id);
  }
  return id;
}

// One-character tokens of the ASCII range are numbered through a table, not the map.
let asciiTable: number[] = [];
let asciiSize = -1;

function asciiIds(): number[] {
  if (asciiSize !== TOKEN_IDS.size) {
    asciiTable = new Array<number>(128).fill(-1);
    for (const [token, id] of TOKEN_IDS) {
      if (token.length === 1 && token.charCodeAt(0) < 128) asciiTable[token.charCodeAt(0)] = id;
    }
    asciiSize = TOKEN_IDS.size;
  }
  return asciiTable;
}

interface Scanned extends Tokens {
  /** Each token's number, -1 for a token no phrase holds. */
  ids: number[];
  /** Token positions of the words some phrase holds. */
  at: number[];
}

let lastText: string | undefined;
let lastSize = -1;
let lastScanned: Scanned = { tokens: [], starts: [], word: [], ids: [], at: [] };

function scannedOf(text: string): Scanned {
  if (text !== lastText || lastSize !== TOKEN_IDS.size) {
    const tokens = tokenize(text);
    const at: number[] = [];
    const ids: number[] = new Array(tokens.tokens.length);
    const ascii = asciiIds();
    for (let t = 0; t < tokens.tokens.length; t += 1) {
      const token = tokens.tokens[t] as string;
      if (tokens.word[t] !== true && token.charCodeAt(0) < 128) {
        ids[t] = ascii[token.charCodeAt(0)] as number;
        continue;
      }
      const id = TOKEN_IDS.get(token) ?? -1;
      ids[t] = id;
      if (id >= 0 && tokens.word[t] === true) at.push(t);
    }
    lastScanned = { ...tokens, ids, at };
    lastText = text;
    lastSize = TOKEN_IDS.size;
  }
  return lastScanned;
}

interface Entry {
  /** The pattern's position in its lexicon. */
  k: number;
  /** The phrase's place in its pattern's order. */
  rank: number;
  /** The phrase's text, the match. */
  text: string;
  /** The tests its text and place in the tree do not settle already; `undefined` for none. */
  checks: Array<{ at: number; test: Assertion }> | undefined;
}

// A `\b` is settled by the phrase's own characters when both sides of it lie in the phrase, and
// at the phrase's start (a word's start, by the tree) or at its end when the phrase ends on a word
// character at the end of one of the text's words (not on a word's prefix).
function settled(path: Path, at: number, test: Assertion, wholeEnd: boolean): boolean | undefined {
  if (test.kind !== "b") return undefined;
  const text = path.text;
  if (at === 0) return true;
  if (at === text.length) return wholeEnd && isWordCode(text.charCodeAt(at - 1)) ? true : undefined;
  return isWordCode(text.charCodeAt(at - 1)) !== isWordCode(text.charCodeAt(at));
}

function checksOf(path: Path, wholeEnd: boolean): Array<{ at: number; test: Assertion }> | undefined {
  const checks = path.tests.filter(({ at, test }) => settled(path, at, test, wholeEnd) !== true);
  return checks.length === 0 ? undefined : checks;
}

/** A node of the phrase tree: the phrases that end here, go on by a token, or end in a word's prefix. */
interface TreeNode {
  /** Children by token number; `undefined` for a leaf. */
  next: Map<number, TreeNode> | undefined;
  ends: Entry[];
  /** Phrases whose last token is the start of a longer word ("\bmeasur"), by that start. */
  prefixes: Array<{ run: string; entries: Entry[] }>;
}

function treeNode(): TreeNode {
  return { next: undefined, ends: [], prefixes: [] };
}

function rulesOutWordAfter(test: Assertion): boolean {
  return (
    test.kind === "b" ||
    test.kind === "$" ||
    (test.kind === "look" &&
      !test.behind &&
      test.negative &&
      test.chars !== undefined &&
      [...WORD_CHARS].every((c) => test.chars?.has(c)))
  );
}

/** One match of one pattern. */
export interface PhraseMatch {
  index: number;
  text: string;
}

/** A match with the place of its branch in its pattern's order. */
export interface RankedMatch extends PhraseMatch {
  rank: number;
}

/**
 * Patterns of fixed phrases matched from the tokens of the text: a tree of the phrases by token,
 * entered at each word of the text, so a word that opens no phrase costs one array read. The tree
 * is built of objects, then packed into arrays by node number (children sorted by token number),
 * so that a scan reads a few compact arrays instead of a node object and a `Map` per step.
 */
export class PhraseIndex {
  /** Node n's children are `childToken`/`childNode` [childStart[n], childStart[n + 1]). */
  private readonly childStart: Int32Array;
  private readonly childToken: Int32Array;
  private readonly childNode: Int32Array;
  /** Node n's phrases that end there: `ends` [endStart[n], endStart[n + 1]). */
  private readonly endStart: Int32Array;
  private readonly ends: Entry[] = [];
  /** Phrases whose last token is the start of a longer word, by node; most nodes have none. */
  private readonly prefixes: Array<TreeNode["prefixes"] | undefined> = [];
  /** The root's child by opener number, -1 for none. */
  private readonly opens: Int32Array;
  /** Whether the root has phrases of one partial word: every word of the text may open one. */
  private readonly everyWord: boolean;
  private readonly size: number;

  /** Patterns whose every match is wanted, overlapping or not (`scan`'s `every`). */
  private readonly every: boolean[];

  /**
   * `patterns`: each pattern's phrases with their place in its order; a pattern marked `every`
   * gets its best phrase at every word, not only after its previous match.
   */
  constructor(
    patterns: ReadonlyArray<{
      k: number;
      paths: ReadonlyArray<{ path: Path; rank: number }>;
      every: boolean;
    }>,
    size: number,
  ) {
    this.size = size;
    this.every = new Array<boolean>(size).fill(false);
    const root = treeNode();
    for (const { k, paths, every } of patterns) {
      this.every[k] = every;
      for (const { path, rank } of paths) {
        const { tokens, word } = tokenize(path.text);
        const last = tokens.length - 1;
        // A last word the phrase does not close (no test rules out a word character after it)
        // may be the start of a longer word of the text.
        const open =
          word[last] === true &&
          !path.tests.some(({ at, test }) => at === path.text.length && rulesOutWordAfter(test));
        let node = root;
        for (let t = 0; t < (open ? last : tokens.length); t += 1) {
          const token = tokens[t] as string;
          const id = tokenId(token);
          node.next ??= new Map();
          let child = node.next.get(id);
          if (child === undefined) {
            child = treeNode();
            node.next.set(id, child);
          }
          node = child;
        }
        const entry: Entry = { k, rank, text: path.text, checks: checksOf(path, !open) };
        if (!open) {
          node.ends.push(entry);
          continue;
        }
        const run = tokens[last] as string;
        let slot = node.prefixes.find((p) => p.run === run);
        if (slot === undefined) {
          slot = { run, entries: [] };
          node.prefixes.push(slot);
        }
        slot.entries.push(entry);
      }
    }
    // Numbered breadth first, so a node's children are numbered together.
    const order: TreeNode[] = [root];
    for (let n = 0; n < order.length; n += 1) {
      const next = (order[n] as TreeNode).next;
      if (next !== undefined)
        for (const id of [...next.keys()].sort((x, y) => x - y)) order.push(next.get(id) as TreeNode);
    }
    const number = new Map<TreeNode, number>(order.map((node, n) => [node, n]));
    this.childStart = new Int32Array(order.length + 1);
    this.childToken = new Int32Array(order.length - 1);
    this.childNode = new Int32Array(order.length - 1);
    this.endStart = new Int32Array(order.length + 1);
    let c = 0;
    order.forEach((node, n) => {
      this.childStart[n] = c;
      this.endStart[n] = this.ends.length;
      this.ends.push(...node.ends);
      if (node.prefixes.length > 0) this.prefixes[n] = node.prefixes;
      const next = node.next;
      if (next === undefined) return;
      for (const id of [...next.keys()].sort((x, y) => x - y)) {
        this.childToken[c] = id;
        this.childNode[c] = number.get(next.get(id) as TreeNode) as number;
        c += 1;
      }
    });
    this.childStart[order.length] = c;
    this.endStart[order.length] = this.ends.length;
    this.opens = new Int32Array(TOKEN_IDS.size).fill(-1);
    for (let i = this.childStart[0] as number; i < (this.childStart[1] as number); i += 1)
      this.opens[this.childToken[i] as number] = this.childNode[i] as number;
    this.everyWord = root.prefixes.length > 0;
  }

  // Node n's child by token number, -1 for none.
  private child(n: number, id: number): number {
    let lo = this.childStart[n] as number;
    let hi = (this.childStart[n + 1] as number) - 1;
    const tokens = this.childToken;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = tokens[mid] as number;
      if (at === id) return this.childNode[mid] as number;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Each pattern's matches, appended to `found` by pattern position. */
  scan(text: string, found: Map<number, PhraseMatch[]>, every: Map<number, RankedMatch[]>): void {
    const scanned = scannedOf(text);
    const { tokens, starts, word, ids } = scanned;
    const n = tokens.length;
    const lastEnd = new Array<number>(this.size).fill(0);
    const bestRank = new Array<number>(this.size).fill(-1);
    const bestText: Array<string | undefined> = new Array(this.size);
    const touched: number[] = [];
    const { endStart, prefixes, opens, everyWord } = this;
    // With no phrase that is one partial word, only the words that open a phrase can start one.
    const count = everyWord ? n : scanned.at.length;
    for (let w = 0; w < count; w += 1) {
      let t: number;
      let node: number;
      if (everyWord) {
        t = w;
        if (word[t] !== true) continue;
        node = 0;
      } else {
        t = scanned.at[w] as number;
        const id = ids[t] as number;
        node = id < opens.length ? (opens[id] as number) : -1;
        if (node < 0) continue;
      }
      const start = starts[t] as number;
      let i = everyWord ? t : t + 1;
      while (node >= 0) {
        const e0 = endStart[node] as number;
        const e1 = endStart[node + 1] as number;
        if (e0 < e1) this.try(e0, e1, undefined, text, start, lastEnd, bestRank, bestText, touched);
        if (i >= n) break;
        const slots = prefixes[node];
        if (slots !== undefined && word[i] === true) {
          const token = tokens[i] as string;
          for (const { run, entries } of slots) {
            if (token.startsWith(run))
              this.try(0, entries.length, entries, text, start, lastEnd, bestRank, bestText, touched);
          }
        }
        const id = ids[i] as number;
        node = id < 0 ? -1 : this.child(node, id);
        i += 1;
      }
      if (touched.length === 0) continue;
      for (const k of touched) {
        const matched = bestText[k] as string;
        if (this.every[k] === true) {
          const ranked = { index: start, text: matched, rank: bestRank[k] as number };
          const list = every.get(k);
          if (list === undefined) every.set(k, [ranked]);
          else list.push(ranked);
        } else {
          const list = found.get(k);
          if (list === undefined) found.set(k, [{ index: start, text: matched }]);
          else list.push({ index: start, text: matched });
          lastEnd[k] = start + matched.length;
        }
        bestRank[k] = -1;
      }
      touched.length = 0;
    }
  }

  // The text of each entry is already known to be at `start`: only its tests are left. The
  // entries are `list` [from, to), or this index's `ends` there.
  private try(
    from: number,
    to: number,
    list: readonly Entry[] | undefined,
    text: string,
    start: number,
    lastEnd: number[],
    bestRank: number[],
    bestText: Array<string | undefined>,
    touched: number[],
  ): void {
    const entries = list ?? this.ends;
    for (let e = from; e < to; e += 1) {
      const { k, rank, text: phrase, checks } = entries[e] as Entry;
      if (start < (lastEnd[k] as number)) continue;
      const best = bestRank[k] as number;
      if (best >= 0 && best <= rank) continue;
      if (checks !== undefined) {
        let ok = true;
        for (const { at, test } of checks) {
          if (!holds(test, text, start + at)) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
      }
      if (best < 0) touched.push(k);
      bestRank[k] = rank;
      bestText[k] = phrase;
    }
  }
}
