import { type TextBlock, textBlocks } from "../markup.ts";
import { STAR_PARTS } from "../model.ts";
import type {
  CueBeat,
  PrepSheet,
  SheetAnswer,
  SheetConcern,
  SheetDocument,
  SheetTechnical,
} from "./build.ts";
import {
  answerHeading,
  clock,
  competencyName,
  documentLines,
  fixQuotes,
  followUpNote,
  leftOutLine,
  ownFraming,
  postingLines,
  postingName,
  scoreLine,
  scoreValue,
  timingLine,
} from "./format.ts";
import { coverageLines, type SheetLayout } from "./markdown.ts";

/**
 * Escapes text for HTML element content and attribute values: every user string goes through it.
 * @example escapeHtml('<b>"hi"</b>') // "&lt;b&gt;&quot;hi&quot;&lt;/b&gt;"
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STAR_NAMES = {
  situation: "Situation",
  task: "Task",
  action: "Action",
  result: "Result",
  lesson: "Lesson",
};

/**
 * User text as it reads: paragraphs (single newlines become line breaks) and the lists written
 * in it ("- …", "* …", "1. …", nested ones inside their item) as lists, markup stripped,
 * escaped. `tail` (HTML) closes the last paragraph, or follows a closing list as a paragraph of
 * its own; `head` (HTML) opens the first paragraph, or precedes an opening list.
 */
/** A list as HTML, the lists written nested under its items inside those items. */
const listHtml = (block: TextBlock): string =>
  `<${block.type}>${block.lines
    .map((line, i) => {
      const sub = block.sub?.[i];
      return `<li>${escapeHtml(line)}${sub === undefined ? "" : listHtml(sub)}</li>`;
    })
    .join("")}</${block.type}>`;

/** A table written in the user's text as an HTML table: its header row, then its body rows. */
const tableHtml = (block: TextBlock): string =>
  `<table><thead><tr>${block.lines.map((cell) => `<th>${escapeHtml(cell)}</th>`).join("")}</tr></thead><tbody>${(
    block.rows ?? []
  )
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;

const paragraphs = (text: string, tail = "", head = ""): string => {
  const blocks = textBlocks(text);
  const html = blocks.map((block, i) => {
    if (block.type === "pre") return `<pre>${escapeHtml(block.lines.join("\n"))}</pre>`;
    if (block.type === "table") return tableHtml(block);
    if (block.type !== "p") return listHtml(block);
    const start = head !== "" && i === 0 ? `${head} ` : "";
    const end = tail !== "" && i === blocks.length - 1 ? ` ${tail}` : "";
    return `<p>${start}${block.lines.map(escapeHtml).join("<br>")}${end}</p>`;
  });
  if (head !== "" && blocks[0]?.type !== "p") html.unshift(`<p>${head}</p>`);
  if (tail !== "" && blocks.at(-1)?.type !== "p") html.push(`<p>${tail}</p>`);
  return html.join("\n");
};

/** A cue card's beats, each led by the STAR part it tells as a label of the card, not of the words. */
const cueList = (beats: readonly CueBeat[]): string =>
  `<ul>${beats.map((b) => `<li>${b.part === undefined ? "" : `<b class="cue-part">${STAR_NAMES[b.part]}</b> `}${escapeHtml(b.text)}</li>`).join("")}</ul>`;

const list = (items: string[], tag: "ul" | "ol" = "ul"): string =>
  `<${tag}>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</${tag}>`;

// Print: A4, black on white, serif body. The cover and each document's part start a page;
// answers follow one another: an answer's text that fits on a page is not split across two
// (it starts the next page, its heading with it), so a short answer shares its page; its
// fixes, follow-ups and concerns may go on over the page, none of them split, so the next
// answer follows them rather than leaving them alone on a page. No heading is split or left
// at the foot of a page, and no paragraph leaves fewer than three lines on one; an answer's
// lead-in remark goes with its text. The technical
// questions follow the last answer. Four cue cards per page. No scripts; no web fonts but the
// embedded ones for emoji and CJK (FALLBACK_FAMILIES), tried after the usual ones.
const FALLBACK_FAMILIES = `"Noto Emoji", "Noto Sans SC", "Noto Sans JP", "Noto Sans KR"`;
const CSS = `
@page { size: A4; margin: 15mm 15mm 16mm; }
* { box-sizing: border-box; }
html { color: #000; background: #fff; }
body { font: 11pt/1.45 Georgia, "DejaVu Serif", "Liberation Serif", ${FALLBACK_FAMILIES}, serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, .meta, .label, .kicker { font-family: "Helvetica Neue", Arial, "DejaVu Sans", "Liberation Sans", ${FALLBACK_FAMILIES}, sans-serif; }
h1 { font-size: 22pt; margin: 0 0 .3em; }
.kicker { font: bold 9pt "Helvetica Neue", Arial, "DejaVu Sans", "Liberation Sans", ${FALLBACK_FAMILIES}, sans-serif; text-transform: uppercase; letter-spacing: .12em; margin: 0; }
h2 { font-size: 15pt; margin: 0 0 .4em; break-after: avoid; }
h3 { font-size: 11pt; text-transform: uppercase; letter-spacing: .06em; margin: 1.1em 0 .4em; border-bottom: 1px solid #000; break-after: avoid; }
p { margin: 0 0 .6em; }
.meta { font-size: 9.5pt; margin: 0 0 .8em; padding: .3em 0; border-top: 2px solid #000; border-bottom: 1px solid #000; }
.score { font-weight: bold; border: 1.5px solid #000; padding: 0 .35em; }
.remark { font-style: italic; }
.answer { border-left: 3px solid #000; padding-left: .9em; margin: 0 0 .8em; }
.label { font-weight: bold; }
.fix, .followup, .concern, .card, li { break-inside: avoid; }
.followup { margin: 0 0 .6em; }
.followup .q { font-weight: bold; margin: 0; }
.followup .a { margin: 0 0 0 1em; }
.followup .a p { margin: 0 0 .15em; }
.time { font-size: 9pt; white-space: nowrap; }
.quote { font-style: italic; }
.cards, .document { break-before: page; }
.cover + .block, .cover + .technical { break-before: page; }
.block, .technical { margin-top: 2.4em; }
.technical, .text { break-inside: avoid; }
.cover + .block, .document + .block, .cover + .technical, .document + .technical { margin-top: 0; }
.document + .block .text, .document + .technical { break-inside: auto; }
.part-break + .block { break-before: page; margin-top: 0; }
body > .block:first-child { margin-top: 0; }
.kicker, .meta, .remark { break-after: avoid; }
h1, h2, h3, .kicker, .meta { break-inside: avoid; }
p, li { orphans: 3; widows: 3; }
.document { border-bottom: 2px solid #000; margin-bottom: 1.2em; padding-bottom: .4em; }
.block > .kicker { margin-bottom: .2em; }
.cover ol li { margin-bottom: .2em; }
.cover ul, .cover ol, .answer ul, .answer ol { margin: .2em 0 .6em; padding-left: 1.6em; }
p + ul, p + ol { margin-top: -.3em; }
table { border-collapse: collapse; margin: .2em 0 .6em; break-inside: avoid; }
th, td { border: 1px solid #000; padding: .15em .5em; text-align: left; vertical-align: top; }
.cards-page { display: grid; grid-template-columns: 1fr 1fr; grid-auto-rows: 125mm; gap: 6mm; break-after: page; margin-bottom: 6mm; }
.cards-page:last-child { break-after: auto; }
.card { border: 1px dashed #000; padding: 4mm 5mm; overflow: hidden; font-size: 10pt; line-height: 1.35; }
.card h2 { font-size: 11.5pt; }
.card ul { padding-left: 1.1em; margin: .4em 0; }
.card .meta { font-size: 8.5pt; }
.card .cue-part { font-size: 8.5pt; text-transform: uppercase; letter-spacing: .04em; margin-right: .3em; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
`;

function concernHtml(concern: SheetConcern, document?: string): string {
  return `<div class="concern"><p><span class="label">Avoid:</span> “${escapeHtml(concern.judgement)}”${
    document === undefined ? "" : ` <span class="time">(${escapeHtml(document)})</span>`
  }</p>${concern.reframes.length > 0 ? list(concern.reframes.map((r) => `Reframe: ${r}`)) : ""}</div>`;
}

function coverHtml(sheet: PrepSheet): string {
  const several = sheet.documents.length > 1;
  const leftOut = leftOutLine(sheet);
  const only = !several && leftOut !== "" ? sheet.documents[0] : undefined;
  return [
    `<section class="cover">`,
    `<p class="kicker">Prep sheet</p>`,
    `<h1>${escapeHtml(sheet.title)}</h1>`,
    sheet.targetRole
      ? `<p class="meta">Target role: <strong>${escapeHtml(sheet.targetRole)}</strong></p>`
      : "",
    sheet.competency
      ? `<p>Competency: <strong>${escapeHtml(competencyName(sheet.competency))}</strong></p>`
      : "",
    sheet.posting
      ? `<h3>The posting${postingName(sheet.posting) === "" ? "" : `: ${escapeHtml(postingName(sheet.posting))}`}</h3><p>Only the answers that evidence what it asks are on this sheet.</p>${list(postingLines(sheet.posting))}`
      : "",
    several
      ? `<h3>Documents</h3><ol class="documents">${documentLines(sheet)
          .map(
            (d) =>
              `<li><strong>${escapeHtml(d.name)}</strong>${d.detail === "" ? "" : ` — ${escapeHtml(d.detail)}`}</li>`,
          )
          .join("")}</ol>`
      : "",
    only === undefined ? "" : `<p>Document: <strong>${escapeHtml(only.name)}</strong></p>`,
    leftOut === "" ? "" : `<p class="left-out">${escapeHtml(leftOut)}</p>`,
    `<h3>Behind every question</h3>`,
    sheet.framing.intro ? paragraphs(sheet.framing.intro) : "",
    list(sheet.framing.questions, "ol"),
    `<h3>Coverage</h3>`,
    list(coverageLines(sheet)),
    sheet.concerns.length > 0
      ? `<h3>Concerns to defuse</h3>${sheet.concerns
          .map((c) => concernHtml(c, several ? sheet.documents[c.documentIndex]?.name : undefined))
          .join("")}`
      : "",
    `</section>`,
  ].join("\n");
}

function bodyHtml(answer: SheetAnswer): string {
  if (answer.beats && answer.beats.length > 0) return `<div class="answer">${list(answer.beats)}</div>`;
  const star = answer.star;
  if (star && STAR_PARTS.some((p) => (star[p] ?? "").trim() !== "")) {
    const parts = STAR_PARTS.filter((p) => (star[p] ?? "").trim() !== "").map(
      // A part's lists stay lists; the label opens its first paragraph.
      (p) => paragraphs((star[p] ?? "").trim(), "", `<span class="label">${STAR_NAMES[p]}:</span>`),
    );
    return `<div class="answer">${parts.join("\n")}</div>`;
  }
  return `<div class="answer">${paragraphs(answer.text)}</div>`;
}

/** The page a document's answers follow on a sheet of several: its name, role and own framing. */
function documentHtml(sheet: Pick<PrepSheet, "documents" | "framing">, index: number): string {
  const document = sheet.documents[index] as SheetDocument;
  const framing = ownFraming(sheet, document);
  return [
    `<section class="document">`,
    `<p class="kicker">Document ${index + 1} of ${sheet.documents.length}</p>`,
    `<h1>${escapeHtml(document.name)}</h1>`,
    document.targetRole
      ? `<p class="meta">Target role: <strong>${escapeHtml(document.targetRole)}</strong></p>`
      : "",
    framing
      ? `<h3>Behind every question</h3>${framing.intro ? paragraphs(framing.intro) : ""}${list(framing.questions, "ol")}`
      : "",
    `</section>`,
  ].join("\n");
}

function blockHtml(answer: SheetAnswer, document?: string): string {
  const parts = [
    `<article class="block">`,
    document === undefined ? "" : `<p class="kicker">${escapeHtml(document)}</p>`,
    `<h2>${escapeHtml(answerHeading(answer))}</h2>`,
    `<p class="meta">${escapeHtml(answer.variant)} · ${escapeHtml(competencyName(answer.competency))} · <span class="score">${escapeHtml(scoreValue(answer))}</span> · ${escapeHtml(timingLine(answer))}</p>`,
    // The remark leads into the text: the two are kept on one page, so a page never ends on
    // the first lines of a remark whose text starts the next page.
    `<div class="text">`,
    answer.remark ? `<p class="remark">${escapeHtml(answer.remark)}</p>` : "",
    bodyHtml(answer),
    `</div>`,
  ];
  if (answer.fixes.length > 0) {
    parts.push(
      `<h3>Top fixes</h3><ol>${fixQuotes(answer.fixes)
        .map(
          (q, i) =>
            `<li class="fix">${escapeHtml(answer.fixes[i]?.action ?? "")} ${
              "sameAs" in q
                ? `— the same sentence as fix ${q.sameAs}`
                : `<span class="quote">— “${escapeHtml(q.quote)}”</span>`
            }</li>`,
        )
        .join("")}</ol>`,
    );
  }
  if (answer.followUps.length > 0) {
    parts.push(
      `<h3>Follow-ups</h3>${answer.followUps
        .map(
          (f) =>
            `<div class="followup"><p class="q">${escapeHtml(f.question)}</p><div class="a">${paragraphs(
              f.answer,
              followUpNote(f) === "" ? "" : `<span class="time">(${followUpNote(f)})</span>`,
            )}</div></div>`,
        )
        .join("\n")}`,
    );
  }
  if (answer.concerns.length > 0)
    parts.push(`<h3>Concerns</h3>${answer.concerns.map((c) => concernHtml(c)).join("\n")}`);
  parts.push(`</article>`);
  return parts.join("\n");
}

function technicalHtml(technical: SheetTechnical[], document?: string): string {
  if (technical.length === 0) return "";
  const out = [
    `<section class="technical">${document === undefined ? "" : `<p class="kicker">${escapeHtml(document)}</p>`}<h2>Technical questions</h2>`,
  ];
  let section: string | undefined;
  for (const t of technical) {
    if (t.section !== section) {
      section = t.section;
      if (section) out.push(`<h3>${escapeHtml(section)}</h3>`);
    }
    out.push(
      `<div class="followup"><p class="q">${escapeHtml(t.question)}</p>${t.keyPoints.length > 0 ? list(t.keyPoints) : ""}</div>`,
    );
  }
  out.push(`</section>`);
  return out.join("\n");
}

const answerCard = (a: SheetAnswer, document?: string): string =>
  `<div class="card"><h2>${escapeHtml(answerHeading(a))}${a.variant === "core" ? "" : ` <small>(${escapeHtml(a.variant)})</small>`}</h2><p class="meta">${document === undefined ? "" : `${escapeHtml(document)} · `}≈ ${clock(a.seconds)} of ${clock(a.budget.max)} · ${escapeHtml(scoreLine(a))}</p>${cueList(a.cue)}${
    a.followUps.length > 0
      ? `<p class="meta">Follow-ups: ${escapeHtml(a.followUps.map((f) => f.question).join(" / "))}</p>`
      : ""
  }</div>`;

const technicalCard = (t: SheetTechnical, several = false): string =>
  `<div class="card"><h2>${escapeHtml(t.question)}</h2><p class="meta">${several ? `${escapeHtml(t.document)} · ` : ""}${escapeHtml(t.section || competencyName(t.competency))}</p>${
    t.keyPoints.length > 0 ? list(t.keyPoints.slice(0, 5)) : "<p>No key points written yet.</p>"
  }</div>`;

/** On a sheet of several documents, the name of the document an answer or question is from. */
const documentNameOf = (sheet: Pick<PrepSheet, "documents">, index: number): string | undefined =>
  sheet.documents.length > 1 ? sheet.documents[index]?.name : undefined;

const cardsOf = (sheet: PrepSheet): string[] => [
  ...sheet.answers.map((a) => answerCard(a, documentNameOf(sheet, a.documentIndex))),
  ...sheet.technical.map((t) => technicalCard(t, sheet.documents.length > 1)),
];

/** What a sheet's answer pages are made from, known before any answer is analysed. */
type SheetHead = Pick<PrepSheet, "documents" | "framing" | "technical">;

/**
 * The answer pages of a sheet, one unit per answer, and `rest`, what follows the last answer:
 * the technical questions. On a sheet of several documents each document has a part of its
 * own: its heading (in the same unit as its first answer, so a sheet printed in parts never
 * leaves that heading alone on a page), its answers, each naming the document, and its
 * technical questions; a document with technical questions only has its part where it falls,
 * so the parts read "Document 1 of 2", "Document 2 of 2" in order.
 */
function answerFlow(sheet: SheetHead): { unit(answer: SheetAnswer): string; rest(): string } {
  const several = sheet.documents.length > 1;
  const technicalOf = (i: number): string =>
    technicalHtml(
      sheet.technical.filter((t) => t.documentIndex === i),
      sheet.documents[i]?.name,
    );
  let current = -1;
  // Closes the open document's part and those of the documents up to `to`, and opens `to`'s.
  const advance = (to: number): string[] => {
    const out = current < 0 ? [] : [technicalOf(current)];
    for (let i = current + 1; i < to; i++) out.push(documentHtml(sheet, i), technicalOf(i));
    if (to < sheet.documents.length) out.push(documentHtml(sheet, to));
    current = to;
    return out.filter((html) => html !== "");
  };
  return {
    unit: (answer) => {
      if (!several) return blockHtml(answer);
      const name = sheet.documents[answer.documentIndex]?.name;
      if (answer.documentIndex === current) return blockHtml(answer, name);
      return [...advance(answer.documentIndex), blockHtml(answer, name)].join("\n");
    },
    rest: () => (several ? advance(sheet.documents.length).join("\n") : technicalHtml(sheet.technical)),
  };
}

function cardsHtml(cards: string[]): string {
  const pages: string[] = [];
  for (let i = 0; i < cards.length; i += 4)
    pages.push(`<div class="cards-page">${cards.slice(i, i + 4).join("\n")}</div>`);
  return `<section class="cards">${pages.join("\n")}</section>`;
}

/** Where a sheet printed in parts starts a part: a new page (see SheetHtmlOptions.partBreaks). */
const PART_BREAK = `<div class="part-break"></div>`;

/** Options of the HTML sheet. */
export interface SheetHtmlOptions {
  /**
   * Start a new page before every this many answers (layout "sheet"), where a PDF printed in
   * parts of this many answers (renderPrepSheetHtmlParts) starts one: the whole then prints to
   * the same pages as the parts. Default: none, the answers flow from page to page.
   */
  partBreaks?: number;
  /**
   * `@font-face` rules to embed (fonts as `data:` URLs, nothing fetched): the app passes the
   * faces that the sheet's emoji and CJK text need, since a bare Chromium has no such fonts.
   */
  fontFaces?: string;
}

// A page only printed needs no layout for the screen: Chromium lays a page out for its window
// when it loads and again after printing, a third of the work of printing a long page. Not
// with embedded fonts, which the browser would then load only once printing has begun.
const PRINT_ONLY_CSS = "@media screen { html { display: none; } }\n";

function pageHtml(
  title: string,
  body: string[],
  options: SheetHtmlOptions & { printOnly?: boolean },
): string {
  const fonts = options.fontFaces ?? "";
  // data: fonts only, and only when some are embedded: the page still fetches nothing.
  const fontSrc = fonts === "" ? "" : "; font-src data:";
  const screen = options.printOnly && fonts === "" ? PRINT_ONLY_CSS : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'${fontSrc}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — prep sheet</title>
<style>${screen}${fonts}${CSS}</style>
</head>
<body>
${body.filter((b) => b !== "").join("\n")}
</body>
</html>
`;
}

/**
 * The prep sheet as one standalone HTML page (inline CSS, no scripts or requests; fonts only
 * if given, as data), laid out for print: cover page, then the answers flowing from page to page
 * (an answer's text kept on one page with its heading), or four cue cards per page.
 * @example renderPrepSheetHtml(sheet).includes("&lt;script&gt;") // when an answer mentions <script>
 */
export function renderPrepSheetHtml(
  sheet: PrepSheet,
  layout: SheetLayout = "sheet",
  options: SheetHtmlOptions = {},
): string {
  const every = Math.floor(options.partBreaks ?? 0);
  const flow = answerFlow(sheet);
  const blocks = sheet.answers.map((answer, i) =>
    every > 0 && i > 0 && i % every === 0 ? `${PART_BREAK}\n${flow.unit(answer)}` : flow.unit(answer),
  );
  const body =
    layout === "sheet"
      ? [coverHtml(sheet), ...blocks, flow.rest()]
      : [coverHtml(sheet), cardsHtml(cardsOf(sheet))];
  return pageHtml(sheet.title, body, options);
}

/** One standalone page of a sheet printed in parts; `index` is its place among the parts. */
export interface SheetPart {
  index: number;
  html: string;
}

export interface SheetPartsOptions {
  /** Answers per part (cue cards: rounded up to whole pages of four); default 200. */
  answersPerPart?: number;
  /** `@font-face` rules for a part's text (see SheetHtmlOptions), asked once per part. */
  fontFaces?: (text: string) => string;
  /**
   * The sheet's documents, cover framing and technical questions (the plan knows them before
   * any answer is analysed): with several documents, each answer names its document, and each
   * document's technical questions close its part. Default: one document.
   */
  sheet?: SheetHead;
  /**
   * The parts are printed, never shown: a part without embedded fonts shows nothing on a
   * screen, which spares the browser laying it out for one (the printed pages are the same).
   */
  printOnly?: boolean;
}

/**
 * `renderPrepSheetHtmlParts` one answer at a time: `add` each block of the sheet in order as
 * soon as it is built, and it hands back the parts it completes; `finish`, with the whole
 * sheet, hands back the rest. The first part (the cover, which sums up every answer) comes
 * out only at `finish`, so the parts come out of order: put each at its `index`.
 * @example const w = sheetPartsWriter(plan.title, "sheet"); for (const a of answers) print(w.add(a)); print(w.finish(sheet));
 */
export function sheetPartsWriter(
  title: string,
  layout: SheetLayout = "sheet",
  options: SheetPartsOptions = {},
): { add(answer: SheetAnswer): SheetPart[]; finish(sheet: PrepSheet): SheetPart[] } {
  const answersPerPart = Math.max(1, Math.floor(options.answersPerPart ?? 200));
  // Whole card pages per part (four cards each), so the cards fall on the same pages.
  const per = layout === "sheet" ? answersPerPart : Math.max(4, Math.ceil(answersPerPart / 4) * 4);
  const printOnly = options.printOnly === true;
  const page = (body: string[]): string =>
    pageHtml(title, body, {
      printOnly,
      ...(options.fontFaces ? { fontFaces: options.fontFaces(body.join("\n")) } : {}),
    });
  const head = options.sheet;
  const flow = head === undefined ? undefined : answerFlow(head);
  const unit = (answer: SheetAnswer): string =>
    layout === "cards"
      ? answerCard(answer, head === undefined ? undefined : documentNameOf(head, answer.documentIndex))
      : (flow?.unit(answer) ?? blockHtml(answer));
  let first: string[] = [];
  let current: string[] = [];
  let next = 1;
  let finished = false;
  const push = (html: string): SheetPart[] => {
    if (finished) throw new Error("sheetPartsWriter: an answer added after finish.");
    if (next === 1 && first.length < per) {
      first.push(html);
      return [];
    }
    // A sheet's full part is handed out when the next answer comes: the last part stays open
    // until `finish`, so the technical questions follow the last answers on their page. A
    // part of cue cards, whole pages of four, goes as soon as it is full.
    const out: SheetPart[] = [];
    const hand = () => {
      out.push({ index: next++, html: page(layout === "sheet" ? current : [cardsHtml(current)]) });
      current = [];
    };
    if (layout === "sheet" && current.length >= per) hand();
    current.push(html);
    if (layout === "cards" && current.length >= per) hand();
    return out;
  };
  return {
    add: (answer) => push(unit(answer)),
    finish: (sheet) => {
      const out: SheetPart[] = [];
      if (layout === "cards")
        for (const t of sheet.technical) out.push(...push(technicalCard(t, sheet.documents.length > 1)));
      finished = true;
      // The technical questions follow the last answers on their page, as in the whole sheet.
      const technical =
        layout === "cards" ? "" : flow === undefined ? technicalHtml(sheet.technical) : flow.rest();
      if (technical !== "") (current.length === 0 ? first : current).push(technical);
      if (current.length > 0)
        out.push({ index: next++, html: page(layout === "sheet" ? current : [cardsHtml(current)]) });
      const cover = coverHtml(sheet);
      out.unshift({
        index: 0,
        html: page(layout === "sheet" ? [cover, ...first] : [cover, cardsHtml(first)]),
      });
      first = [];
      return out;
    },
  };
}

/**
 * The same sheet as several standalone pages, each starting on a new printed page, that print
 * one after the other to the same pages as the whole rendered with `partBreaks` of the same
 * size: a browser lays out and prints a few hundred pages at a time much faster than thousands
 * at once. `fontFaces` is asked per part,
 * with that part's text, so a part embeds only the fonts its own text needs.
 * @example renderPrepSheetHtmlParts(sheet, "sheet", { answersPerPart: 200 }).length // 25 for 5,000 answers
 */
export function renderPrepSheetHtmlParts(
  sheet: PrepSheet,
  layout: SheetLayout = "sheet",
  options: SheetPartsOptions = {},
): string[] {
  const writer = sheetPartsWriter(sheet.title, layout, { ...options, sheet });
  const parts: string[] = [];
  for (const answer of sheet.answers) for (const part of writer.add(answer)) parts[part.index] = part.html;
  for (const part of writer.finish(sheet)) parts[part.index] = part.html;
  return parts;
}
