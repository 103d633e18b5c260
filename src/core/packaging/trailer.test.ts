import { describe, expect, it } from "vitest";
import { parseStory } from "./story.ts";
import { buildTrailer, listedNames } from "./trailer.ts";

const stories = [
  parseStory({
    id: "rlhf",
    title: "RLHF pipeline",
    situation: "I wanted to understand how preference tuning works in practice.",
    actions: ["I built an RLHF pipeline that fine-tuned a small language model on ranked answers."],
    result: "It ran nightly on AWS and served 200 users.",
  }),
  parseStory({
    id: "ci",
    title: "CI pipelines",
    actions: ["I wrote GitHub Actions workflows and Terraform for a Kubernetes cluster."],
    result: "Deploys became automatic.",
  }),
];

describe("buildTrailer", () => {
  it("tells four beats from the profile's and the stories' own sentences", () => {
    const trailer = buildTrailer(
      {
        targetRole: "ML Engineer",
        background: ["PhD in Applied Math, focused on optimisation and modelling."],
        goals: ["Now I want to bring that math to a product team that ships ML."],
      },
      stories,
      { seconds: 60 },
    );
    expect(trailer.beats.map((b) => b.beat)).toEqual(["foundation", "projects", "production", "now"]);
    expect(trailer.beats[0]?.lines[0]).toEqual({
      text: "PhD in Applied Math, focused on optimisation and modelling.",
      origin: { from: "profile", field: "background", index: 0 },
    });
    // The ML story leads the projects for an ML Engineer.
    expect(trailer.beats[1]?.lines[0]?.origin).toMatchObject({
      from: "story",
      storyId: "rlhf",
      field: "actions",
    });
    expect(trailer.beats[2]?.lines[0]?.text).toBe("It ran nightly on AWS and served 200 users.");
    expect(trailer.beats[3]?.lines[0]?.origin).toEqual({ from: "profile", field: "goals", index: 0 });
    expect(trailer.blanks).toEqual([]);
    expect(trailer.estimatedSeconds).toBeLessThanOrEqual(60);
  });

  it("says production with a line that stands alone: what the speaker put into use, not 'This resulted in…' or a goal", () => {
    const ranking = parseStory({
      id: "ranking",
      title: "Ranking service",
      situation: "My goal was to ensure the new ranking model could be deployed to production safely.",
      actions: [
        "I trained a learning-to-rank model on six months of click logs.",
        "I deployed the ranking service to Kubernetes behind a canary release.",
      ],
      result: "This resulted in a production launch in 3 markets.",
    });
    const trailer = buildTrailer(
      { background: ["PhD in statistics."], goals: ["Now I want to work on search at a larger scale."] },
      [ranking],
      { seconds: 60 },
    );
    const production = trailer.beats.find((b) => b.beat === "production")?.lines[0];
    expect(production?.text).toBe("I deployed the ranking service to Kubernetes behind a canary release.");
    expect(production?.origin).toMatchObject({ from: "story", storyId: "ranking", field: "actions" });
  });

  it("prefers a production line that stands alone over one that opens on what came before ('After that, …')", () => {
    const latency = parseStory({
      id: "latency",
      title: "Latency",
      actions: ["I moved feature lookups into an in-memory cache."],
      result: "After that, p95 latency fell from 900 ms to 80 ms in production.",
    });
    const serving = parseStory({
      id: "serving",
      title: "Serving",
      actions: ["I rewrote the request path in Go."],
      result: "P95 latency fell from 700 ms to 90 ms in production.",
    });
    const trailer = buildTrailer({ background: ["MSc in statistics."] }, [latency, serving], { seconds: 60 });
    const production = trailer.beats.find((b) => b.beat === "production")?.lines[0]?.text ?? "";
    expect(production).not.toMatch(/^After that/);
  });

  it("leaves a visible blank where nothing fits", () => {
    const trailer = buildTrailer({}, [], { seconds: 150 });
    expect(trailer.blanks).toHaveLength(4);
    expect(trailer.beats.every((b) => b.lines[0]?.origin.from === "template")).toBe(true);
    expect(trailer.text).toContain("[why this role, why now?]");
  });

  it("with no about-me answer, tells projects and production from one story, not a line of each, and says so", () => {
    // Four stories of four different pieces of work and no about-me answer: the old trailer
    // strung a line of each into its projects beat.
    const four = [
      parseStory({
        id: "churn",
        title: "Churn model",
        situation: "Our telecom lost customers every month without warning.",
        actions: [
          "I looked at a year of billing data first.",
          "I trained a churn model on the billing data.",
        ],
        result: "It flagged 60% of leavers a month ahead.",
      }),
      parseStory({
        id: "etl",
        title: "ETL rewrite",
        actions: ["I rewrote the nightly ETL in Spark."],
        result: "The job went from six hours to forty minutes.",
      }),
      parseStory({
        id: "oncall",
        title: "On-call",
        situation: "Two days later a colleague reported broken dashboards.",
        actions: ["I traced it to a schema change upstream."],
        result: "No report went out wrong.",
      }),
      parseStory({
        id: "search",
        title: "Search",
        actions: ["I built a search index for the help centre."],
        result: "I deployed it to production for 40,000 users.",
      }),
    ];
    for (const seconds of [60, 150] as const) {
      const trailer = buildTrailer(
        { motivation: ["Now I want to work on models with a product team."] },
        four,
        { seconds },
      );
      const stories = new Set(
        trailer.beats.flatMap((b) =>
          b.lines.flatMap((l) => (l.origin.from === "story" ? [l.origin.storyId] : [])),
        ),
      );
      expect(stories.size).toBe(1);
      const projects = trailer.beats.find((b) => b.beat === "projects")?.lines ?? [];
      const production = trailer.beats.find((b) => b.beat === "production")?.lines ?? [];
      expect(projects.length).toBeGreaterThan(0);
      expect(production[0]?.origin.from).toBe("story");
      // The story's own order: what was built, then what ran.
      const [p, q] = [projects[0]?.origin, production[0]?.origin];
      expect(p?.from === "story" && q?.from === "story" && p.index <= q.index).toBe(true);
      expect(trailer.beats.find((b) => b.beat === "now")?.lines[0]?.text).toBe(
        "Now I want to work on models with a product team.",
      );
      // An honest note: no about-me answer, what is blank, what to write.
      expect(trailer.thin?.reason).toMatch(/no “tell me about yourself” answer/);
      expect(trailer.thin?.reason).toMatch(/foundation is blank/);
      expect(trailer.thin?.write).toMatch(/Write a “tell me about yourself” answer/);
    }
    // With an about-me answer, the trailer follows it and says nothing of the kind.
    expect(
      buildTrailer({ thread: ["I studied statistics and spent four years as an analyst."] }, four, {
        seconds: 60,
      }).thin,
    ).toBeUndefined();
  });

  it("uses a 150-second budget for more of each beat's own answer or story, in its order, never a lesson", () => {
    const search = parseStory({
      id: "search",
      title: "Search ranking",
      actions: [
        "I trained a ranking model on a year of click logs.",
        "I deployed it to production behind a feature flag.",
        "I added dashboards for click-through and latency so on-call could watch it.",
      ],
      result: "The ranker now serves every search on the site.",
      lesson: "It taught me to ship behind a flag first.",
    });
    const profile = {
      targetRole: "ML Engineer",
      thread: [
        "I studied physics and spent five years modelling sensor data.",
        "That work taught me to distrust a clean-looking dataset.",
        "I built a forecasting tool for our lab's power use in my spare time.",
      ],
      motivation: [
        "Now I want to build models that customers use every day. A product team is where that happens.",
      ],
    };
    const short = buildTrailer(profile, [search], { seconds: 60 });
    const long = buildTrailer(profile, [search], { seconds: 150 });
    const beat = (t: typeof long, name: string) =>
      t.beats.find((b) => b.beat === name)?.lines.map((l) => l.text);
    expect(beat(short, "production")).toEqual(["I deployed it to production behind a feature flag."]);
    // The rest of the same story, in its order, up to its result; its lesson is no production line.
    expect(beat(long, "production")).toEqual([
      "I deployed it to production behind a feature flag.",
      "I added dashboards for click-through and latency so on-call could watch it.",
      "The ranker now serves every search on the site.",
    ]);
    expect(beat(long, "now")).toEqual([
      "Now I want to build models that customers use every day.",
      "A product team is where that happens.",
    ]);
    expect(long.words).toBeGreaterThan(short.words);
  });

  it("says why a 150-second trailer is short and what to add for which beat", () => {
    const trailer = buildTrailer(
      {
        thread: ["I studied statistics.", "I built a churn model for a telecom."],
        motivation: ["Now I want to work in a product team."],
      },
      [],
      { seconds: 150 },
    );
    expect(trailer.estimatedSeconds).toBeLessThan(100);
    expect(trailer.short?.reason).toMatch(/material runs out/);
    expect(trailer.short?.add.map((a) => a.beat)).toEqual(["foundation", "projects", "production", "now"]);
    expect(trailer.short?.add.find((a) => a.beat === "now")?.what).toMatch(/why now/);
    // A one-minute trailer that fills its time says nothing of the kind…
    const full = buildTrailer(
      {
        thread: [
          "I studied applied mathematics for my PhD, where I spent five years modelling noisy sensor data with statistical methods and writing my own numerical code.",
          "Since then I have built three machine learning projects end to end, a churn model, a demand forecast and a search ranking model, each from raw data to evaluation.",
          "The demand forecast went into production at a retailer, where it ran nightly on Kubernetes and served the order planning of every store for two years.",
        ],
        motivation: [
          "Now I want to join a product team where models ship to users every week, because that is the part of the work I enjoy most.",
        ],
      },
      [],
      { seconds: 60 },
    );
    expect(full.blanks).toEqual([]);
    expect(full.short).toBeUndefined();
    // …and one of one short line is short (before: the note came from 90 s up only), for what it
    // is: one sentence a beat, three beats with none of the user's.
    const one = buildTrailer({ thread: ["I studied statistics."] }, [], { seconds: 60 }).short;
    expect(one?.reason).toMatch(/one sentence of yours per beat/);
    expect(one?.reason).toMatch(/projects, production and now have no sentence of yours yet/);
    expect(one?.reason).not.toMatch(/material runs out/);
  });

  it("says a short one-minute trailer is one sentence a beat by design, not that the material runs out", () => {
    // Several short sentences a beat: one minute takes the first of each, 90 s tells more of them.
    const material = {
      thread: [
        "I studied physics.",
        "I did a PhD.",
        "I built a churn model.",
        "It used Python.",
        "It ran in production for a bank.",
        "It served every branch.",
      ],
      motivation: ["Now I want a product team.", "I like shipping."],
    };
    const minute = buildTrailer(material, [], { seconds: 60 });
    expect(minute.beats.every((b) => b.lines.length === 1)).toBe(true);
    expect(minute.short?.reason).not.toMatch(/material runs out/);
    expect(minute.short?.reason).toMatch(/one sentence of yours per beat/);
    expect(minute.short?.reason).toMatch(/a longer trailer \(90 seconds or more\) says more of each beat/);
    expect(minute.short?.add.length).toBeGreaterThan(0);
    expect(minute.short?.add.every((a) => a.what.startsWith("one fuller sentence"))).toBe(true);
    // At 90 s the same material is told further, and what is short then is the material.
    const longer = buildTrailer(material, [], { seconds: 90 });
    expect(longer.words).toBeGreaterThan(minute.words);
    expect(longer.short?.reason).toMatch(/material runs out/);
  });

  it("follows the about-me thread in its order and closes on a why-now answer, never a certification", () => {
    const trailer = buildTrailer(
      {
        thread: [
          "Thanks for having me. I studied statistics and spent four years as an analyst.",
          "I built a demand forecaster for our stores in my spare time.",
          "I deployed it behind an API that the planners used every morning.",
          "I am now certified as a cloud practitioner.",
        ],
        motivation: ["Now I want to work on models that real customers rely on every day."],
      },
      stories,
      { seconds: 60 },
    );
    expect(trailer.beats.map((b) => b.lines[0]?.text)).toEqual([
      "I studied statistics and spent four years as an analyst.",
      "I built a demand forecaster for our stores in my spare time.",
      "I deployed it behind an API that the planners used every morning.",
      "Now I want to work on models that real customers rely on every day.",
    ]);
    expect(trailer.text).not.toMatch(/certified/);
  });

  it("never fills the projects or the now beat with a certification, at any length", () => {
    // The seed's shape: the projects line of the about-me answer is followed, in the same
    // paragraph, by a line about skills and a certification. At 150 s the projects beat took it.
    const profile = {
      thread: [
        "I trained as a statistician and spent four years as an analyst.",
        "Over the years I built forecasting and pricing models in Python and SQL.",
        "I also sharpened my cloud skills, and I am now certified as a Google Cloud ML engineer.",
        "I deployed a pricing model that the sales team used every morning.",
      ],
      motivation: [
        "I hold two cloud certifications.",
        "Now I want to join a team where models reach customers every day.",
      ],
    };
    for (const seconds of [60, 90, 120, 150] as const) {
      const trailer = buildTrailer(profile, [], { seconds });
      const beat = (name: string) =>
        trailer.beats.find((b) => b.beat === name)?.lines.map((l) => l.text) ?? [];
      expect(beat("projects")[0], `${seconds} s`).toBe(
        "Over the years I built forecasting and pricing models in Python and SQL.",
      );
      expect(beat("projects").join(" "), `${seconds} s`).not.toMatch(/certif/i);
      expect(beat("now"), `${seconds} s`).toEqual([
        "Now I want to join a team where models reach customers every day.",
      ]);
    }
    // A thread whose only projects line is a certification leaves the beat to the stories.
    const certified = buildTrailer(
      { thread: ["I studied physics.", "I built up my ML skills and got certified in ML on AWS."] },
      stories,
      { seconds: 90 },
    );
    expect(certified.beats.find((b) => b.beat === "projects")?.lines[0]?.origin.from).toBe("story");
  });

  it("comes in 90 and 120 seconds too, telling more of each beat's own thread as the time grows", () => {
    const profile = {
      thread: [
        "I studied physics and spent five years modelling sensor data.",
        "I built a forecasting tool for our lab's power use. It cut the lab's peak bill by a fifth.",
        "I deployed it on the lab's servers, where it still runs every night.",
      ],
      motivation: [
        "Now I want to build models that customers use every day. A product team is where that happens.",
      ],
    };
    const words = ([60, 90, 120, 150] as const).map((seconds) => {
      const trailer = buildTrailer(profile, [], { seconds });
      expect(trailer.seconds).toBe(seconds);
      expect(trailer.estimatedSeconds, `${seconds} s`).toBeLessThanOrEqual(seconds);
      return trailer.words;
    });
    expect(words).toEqual([...words].sort((a, b) => a - b));
    expect(words[1]).toBeGreaterThan(words[0] ?? 0);
  });
});

describe("buildTrailer: the production beat is a deed with its outcome, not a tool list", () => {
  it("counts the names a sentence lists in a row", () => {
    expect(
      listedNames(
        "I built a CI/CD pipeline using GitHub Actions, CodeBuild, Helm, and FluxCD, enabling reproducible deployments.",
      ),
    ).toBe(4);
    expect(
      listedNames("For observability, I added Prometheus, Grafana, and Jaeger to monitor latency."),
    ).toBe(3);
    expect(listedNames("I deployed the churn model behind an internal API.")).toBeLessThan(3);
  });

  it("says what the speaker put into production and what came of it, over the pipeline's tool list", () => {
    const ci = parseStory({
      id: "ci",
      title: "Release pipeline",
      actions: [
        "I built a release pipeline using Jenkins, Spinnaker, Argo Rollouts, and Buildkite, enabling automated, reproducible model deployments.",
      ],
    });
    const churn = parseStory({
      id: "churn",
      title: "Churn model",
      actions: [
        "I deployed the churn model behind an internal API that the retention team used every morning.",
      ],
    });
    const trailer = buildTrailer(
      {
        targetRole: "ML Engineer",
        thread: [
          "I have a PhD in statistics.",
          "I built forecasting and churn models in my last two jobs.",
          "Now I want to work in a product team.",
        ],
      },
      [ci, churn],
      { seconds: 60 },
    );
    const production = trailer.beats.find((b) => b.beat === "production")?.lines[0]?.text;
    expect(production).toBe(
      "I deployed the churn model behind an internal API that the retention team used every morning.",
    );
  });
});

describe("the trailer's now beat as it is said", () => {
  // Before: the now beat read "Now → bring careful measurement to a product team…", the outline's
  // label and arrow said as if they were words.
  it("says an outline's 'Now → …' line without its label and arrow, the user's words kept", () => {
    const trailer = buildTrailer(
      {
        targetRole: "ML Engineer",
        thread: [
          "Physics PhD, six years of measurement and statistics on noisy detector data.\nNow → bring careful measurement to a product team that ships ML every week.",
        ],
      },
      stories,
      { seconds: 60 },
    );
    const now = trailer.beats.find((b) => b.beat === "now")?.lines ?? [];
    expect(now.map((l) => l.text)).toEqual([
      "bring careful measurement to a product team that ships ML every week.",
    ]);
    expect(trailer.text).not.toMatch(/→/);
  });
});
