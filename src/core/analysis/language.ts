/**
 * Which language an answer is written in, told apart by its function words: the short words
 * (articles, pronouns, prepositions, auxiliaries) that make up a large share of any running
 * text and differ from one language to the next. The risk lens reads English only; an answer
 * in French, Spanish, German, Portuguese, Italian or Dutch is named as such instead of being
 * judged as broken English.
 *
 * Each list below holds frequent function words of its language, minus those that are also
 * English words ("in", "was", "he", "of"…), so that an English text does not score for them.
 */

export type LanguageCode = "en" | "fr" | "es" | "de" | "pt" | "it" | "nl";

export const LANGUAGE_NAMES: Record<LanguageCode, string> = {
  en: "English",
  fr: "French",
  es: "Spanish",
  de: "German",
  pt: "Portuguese",
  it: "Italian",
  nl: "Dutch",
};

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

const FUNCTION_WORDS: Record<LanguageCode, ReadonlySet<string>> = {
  en: words(`
    the a an and or but of to in on at for with from by as is are was were be been being am
    it this that these those i we you he she they me us him them my our your his her their its
    not have has had do does did so if then when which who whom what there than about into
    over after before all more would will can could should just also because while`),
  fr: words(`
    le la les un une des du de et ou est sont était étaient avons avait avaient je
    nous vous il elle ils elles ce cette ces cet qui que qu dans sur pour avec par pas ne au
    aux mon ma mes notre nos leur leurs sa ses été très plus comme j l n où aussi donc
    puis quand parce chez mais alors sans y en lorsque cela ça`),
  es: words(`
    el la los las un una unos unas y o pero de del al en con por para que qué es eran
    fue fueron yo nosotros mi mis nuestro nuestra nuestros su sus lo le les se muy más como
    cuando este esta estos estas esto ese esa hay ha hemos había sin sobre entre porque
    también donde aunque ya nos`),
  de: words(`
    der die das den dem des ein eine einen einem einer und oder aber ist sind war waren hat
    habe haben hatte hatten ich wir sie es mein meine meinem meinen unser unsere unserem
    sein seine ihr ihre nicht mit von zu auf für bei nach aus auch wie wenn dass als sehr
    mehr noch nur wurde wurden durch über zum zur vor ob weil mich mir uns dann`),
  pt: words(`
    o uma uns umas e ou mas de da das na em por para que é são eram
    foi foram nós meu minha meus minhas nosso nossa nossos seu sua seus se não muito mais
    como quando este esta isso isto esse essa ao aos pelo pela também porque sem sobre entre
    tinha tem havia onde já nos ela ele eles`),
  it: words(`
    il lo la gli le un uno una e o ma di del della dei delle da con su che è sono
    erano ho abbiamo ha hanno io noi mio mia miei nostro nostra suo sua si molto più
    quando questo questa questi anche perché nel nella al alla allo degli sul sulla dove
    poi già mi ne dopo`),
  nl: words(`
    de het een en maar zijn waren heb hebben hadden ik wij hij zij ze mijn ons onze haar hun
    niet van voor op aan bij naar uit ook als dat die dit deze om te door wat wanneer
    omdat heel veel meer nog werd werden toen dan mij ons daar hier geen wel`),
};

const FOREIGN = (Object.keys(FUNCTION_WORDS) as LanguageCode[]).filter(
  (code): code is Exclude<LanguageCode, "en"> => code !== "en",
);

/** Fewer words than this say too little to name a language. */
const MIN_WORDS = 8;
/** A foreign language's function words make at least this share of the words… */
const MIN_FOREIGN_SHARE = 0.2;
/** …and at least this many times the share of English function words. */
const FOREIGN_OVER_ENGLISH = 2;

export interface LanguageReading {
  /** The language the text reads as: "en" unless another language clearly wins. */
  code: LanguageCode;
  name: string;
  /** Share of the words that are English function words. */
  english: number;
  /** The other language whose function words are most frequent here, and their share. */
  nearest: { code: Exclude<LanguageCode, "en">; share: number };
  words: number;
}

/**
 * Reads which language a text is in from the share of its words that are function words of
 * each language. English unless another language's share is both large (≥ 20%) and at least
 * twice English's: a quoted phrase or one sentence in French leaves an English answer English.
 * @example readLanguage("Nous avons réduit le temps de réponse de moitié en deux mois.").code // "fr"
 * @example readLanguage("I cut the response time by half in two months.").code // "en"
 */
export function readLanguage(text: string): LanguageReading {
  // Letters only: an apostrophe splits "j'ai" and "l'équipe" (French) as it splits "don't".
  const tokens = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits: Record<LanguageCode, number> = { en: 0, fr: 0, es: 0, de: 0, pt: 0, it: 0, nl: 0 };
  for (const token of tokens)
    for (const code of Object.keys(hits) as LanguageCode[])
      if (FUNCTION_WORDS[code].has(token)) hits[code] += 1;
  const total = Math.max(1, tokens.length);
  const english = hits.en / total;
  let best: Exclude<LanguageCode, "en"> = "fr";
  for (const code of FOREIGN) if (hits[code] > hits[best]) best = code;
  const share = hits[best] / total;
  const foreign =
    tokens.length >= MIN_WORDS && share >= MIN_FOREIGN_SHARE && share >= FOREIGN_OVER_ENGLISH * english;
  const code = foreign ? best : "en";
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    code,
    name: LANGUAGE_NAMES[code],
    english: round(english),
    nearest: { code: best, share: round(share) },
    words: tokens.length,
  };
}
