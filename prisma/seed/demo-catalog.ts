// The demo directory's cast: categories, blogs, people and the words their posts are made of.
// Every name is invented; every address uses the reserved .example domain.

export type DemoCategory = { slug: string; name: string; description: string; parent?: string };

export const demoCategories: DemoCategory[] = [
  { slug: "technology", name: "Technology", description: "Software, gadgets and the people who build them." },
  { slug: "programming", name: "Programming", description: "Code, tools and the craft of software.", parent: "technology" },
  { slug: "food-drink", name: "Food & Drink", description: "Recipes, restaurants and the kitchen table." },
  { slug: "baking", name: "Baking", description: "Bread, pastry and everything from the oven.", parent: "food-drink" },
  { slug: "travel", name: "Travel", description: "Journeys near and far, and how to make them well." },
  { slug: "personal-finance", name: "Personal Finance", description: "Saving, investing and spending with intent." },
  { slug: "health-fitness", name: "Health & Fitness", description: "Training, running, rest and eating well." },
  { slug: "photography", name: "Photography", description: "Light, lenses and the stories pictures tell." },
  { slug: "parenting", name: "Parenting", description: "Raising children, and being raised by them." },
  { slug: "home-garden", name: "Home & Garden", description: "Houses, plots, plants and repairs." },
  { slug: "books-writing", name: "Books & Writing", description: "Reading lists, reviews and the writing life." },
  { slug: "science", name: "Science", description: "Discoveries explained by people who love them." },
];

export type DemoBlog = {
  slug: string;
  name: string;
  description: string;
  category: string;
  extraCategory?: string;
  authors: string[];
  language: string;
  country: string;
  owner?: string;
  status?: "PENDING" | "ACTIVE" | "REJECTED" | "DORMANT";
  business?: { ctaLabel: string; contactEmail: string };
  postsPerWeek: number;
};

const b = (
  slug: string,
  name: string,
  description: string,
  category: string,
  authors: string[],
  extra: Partial<DemoBlog> = {},
): DemoBlog => ({
  slug,
  name,
  description,
  category,
  authors,
  language: "en",
  country: "US",
  postsPerWeek: 2,
  ...extra,
});

export const demoBlogs: DemoBlog[] = [
  b("the-patient-compiler", "The Patient Compiler", "Long-form notes on compilers, type systems and making slow builds fast.", "programming", ["Maya Lindqvist"], { owner: "maya@example.com", country: "SE", business: { ctaLabel: "Hire me for a build audit", contactEmail: "maya@example.com" }, postsPerWeek: 3 }),
  b("shipping-on-fridays", "Shipping on Fridays", "A release engineer's diary: deploys, rollbacks and the humans in between.", "programming", ["Tom Okafor"], { owner: "tom@example.com", country: "GB" }),
  b("byte-sized-rust", "Byte-Sized Rust", "Small, practical Rust lessons you can read over coffee.", "programming", ["Ines Duarte"], { country: "PT", postsPerWeek: 4 }),
  b("gadget-garage", "Gadget Garage", "Hands-on reviews of the devices we actually keep using.", "technology", ["Sam Reyes", "Priya Nair"], { business: { ctaLabel: "Send us a device", contactEmail: "tips@gadget-garage.example" }, postsPerWeek: 5 }),
  b("quiet-servers", "Quiet Servers", "Self-hosting at home without the noise, heat or drama.", "technology", ["Jonas Weber"], { country: "DE", owner: "jonas@example.com" }),
  b("pixels-and-prose", "Pixels & Prose", "Where interface design meets plain writing.", "technology", ["Ada Brennan"], { status: "PENDING" }),
  b("sourdough-diaries", "The Sourdough Diaries", "One starter, ten years, and every loaf written down.", "baking", ["Hannah Keller"], { owner: "hannah@example.com", country: "CA", postsPerWeek: 2 }),
  b("crumb-and-crust", "Crumb & Crust", "Pastry techniques explained step by step, with the failures left in.", "baking", ["Luc Martin"], { language: "en", country: "FR", business: { ctaLabel: "Book a pastry class", contactEmail: "classes@crumb-and-crust.example" } }),
  b("weeknight-table", "The Weeknight Table", "Dinners for busy evenings: thirty minutes, one pan, real food.", "food-drink", ["Rosa Delgado"], { owner: "rosa@example.com", postsPerWeek: 4 }),
  b("spice-route-kitchen", "Spice Route Kitchen", "Family recipes from Kerala to Lisbon, cooked in a small flat.", "food-drink", ["Anil Menon"], { country: "IN" }),
  b("the-natural-wine-list", "The Natural Wine List", "Honest tasting notes on low-intervention wines under twenty.", "food-drink", ["Clara Jensen"], { country: "DK", status: "DORMANT", postsPerWeek: 0.2 }),
  b("slow-rail-europe", "Slow Rail Europe", "Crossing the continent by train, one timetable at a time.", "travel", ["Felix Baumann"], { owner: "jonas@example.com", country: "AT", extraCategory: "photography" }),
  b("carry-on-only", "Carry-On Only", "Packing lists and gear notes for travelling light.", "travel", ["Nadia Haddad"], { postsPerWeek: 2 }),
  b("the-long-way-round", "The Long Way Round", "Overland journeys through Central Asia and the Caucasus.", "travel", ["Owen Price"], { country: "GB" }),
  b("island-hopper", "Island Hopper", "Ferries, beaches and small harbours of the Aegean.", "travel", ["Eleni Papadaki"], { country: "GR", status: "PENDING" }),
  b("frugal-engineer", "The Frugal Engineer", "Index funds, spreadsheets and buying less, from an engineer who counts everything.", "personal-finance", ["Grace Liu"], { owner: "grace@example.com", postsPerWeek: 2, business: { ctaLabel: "Get the budgeting sheet", contactEmail: "grace@example.com" } }),
  b("pocket-money-club", "Pocket Money Club", "Teaching children about money with jars, charts and patience.", "personal-finance", ["Ben Adeyemi"], { extraCategory: "parenting" }),
  b("retire-in-the-hills", "Retire in the Hills", "Planning an early retirement in a small mountain town.", "personal-finance", ["Marta Rossi"], { country: "IT" }),
  b("tax-season-survival", "Tax Season Survival", "Plain-language guides to the forms everyone dreads.", "personal-finance", ["Derek Shaw"], { status: "REJECTED" }),
  b("couch-to-marathon", "Couch to Marathon", "A late starter's training logs, injuries and finish lines.", "health-fitness", ["Kofi Mensah"], { owner: "tom@example.com", postsPerWeek: 3 }),
  b("strength-after-forty", "Strength After Forty", "Lifting, mobility and recovery for people who started late.", "health-fitness", ["Julia Novak"], { country: "CZ" }),
  b("mindful-miles", "Mindful Miles", "Walking, breathing and paying attention.", "health-fitness", ["Aiko Tanaka"], { country: "JP" }),
  b("the-plant-plate", "The Plant Plate", "Nutrition research read carefully, and meals that follow from it.", "health-fitness", ["Leah Goldberg"], { extraCategory: "food-drink" }),
  b("golden-hour-notes", "Golden Hour Notes", "Landscape photography and the patience it asks for.", "photography", ["Erik Solberg"], { country: "NO", owner: "maya@example.com" }),
  b("street-frames", "Street Frames", "Candid city photography and the ethics of taking it.", "photography", ["Lucía Romero"], { country: "ES" }),
  b("film-is-not-dead", "Film Is Not Dead", "Developing, scanning and shooting analogue in a digital age.", "photography", ["Marcus Hill"], { postsPerWeek: 1 }),
  b("small-humans", "Small Humans", "Notes from raising three children in a two-bedroom flat.", "parenting", ["Sophie Laurent"], { owner: "rosa@example.com", country: "BE" }),
  b("the-dad-shift", "The Dad Shift", "Paternity leave, night feeds and learning on the job.", "parenting", ["Chris Walker"]),
  b("bilingual-at-home", "Bilingual at Home", "Raising children in two languages, with research and real life.", "parenting", ["Yasmin Farouk"], { country: "NL" }),
  b("the-allotment-year", "The Allotment Year", "A plot, a shed and a season-by-season record of what grew.", "home-garden", ["Peter Hughes"], { owner: "hannah@example.com", country: "GB", postsPerWeek: 1 }),
  b("fix-it-friday", "Fix-It Friday", "One household repair a week, explained with photos.", "home-garden", ["Dana Kowalski"], { business: { ctaLabel: "Ask a repair question", contactEmail: "ask@fix-it-friday.example" } }),
  b("balcony-jungle", "Balcony Jungle", "Growing food and flowers in three square metres.", "home-garden", ["Mei Chen"], { country: "SG" }),
  b("the-margin-notes", "The Margin Notes", "Reviews of literary fiction, with the passages worth underlining.", "books-writing", ["Iris Whitfield"], { owner: "grace@example.com" }),
  b("draft-zero", "Draft Zero", "On finishing the first draft, and then the second.", "books-writing", ["Noah Fischer"], { country: "DE" }),
  b("the-mystery-shelf", "The Mystery Shelf", "Crime fiction old and new, reviewed without spoilers.", "books-writing", ["Agatha Moore"]),
  b("poetry-on-mondays", "Poetry on Mondays", "One poem a week, read closely.", "books-writing", ["Samir Haddad"], { status: "PENDING", postsPerWeek: 1 }),
  b("deep-time", "Deep Time", "Geology, fossils and the long history written in rocks.", "science", ["Ruth Ellison"], { owner: "maya@example.com" }),
  b("the-lab-bench", "The Lab Bench", "What working in a molecular biology lab is actually like.", "science", ["Daniel Osei"], { country: "GH" }),
  b("small-stars", "Small Stars", "Backyard astronomy with modest telescopes and big skies.", "science", ["Nora Quinn"], { country: "IE", extraCategory: "photography" }),
  b("weather-or-not", "Weather or Not", "Forecasting explained, from pressure maps to probability.", "science", ["Hugo Lambert"], { country: "FR" }),
  b("cloud-bills-explained", "Cloud Bills Explained", "Reading and cutting cloud invoices line by line.", "technology", ["Olu Bakare"], { extraCategory: "personal-finance" }),
  b("terminal-velocity", "Terminal Velocity", "Command-line tools and shell habits that save hours.", "programming", ["Kai Nakamura"], { postsPerWeek: 3 }),
  b("bread-and-salt", "Bread & Salt", "Eastern European home cooking, written down before it is forgotten.", "food-drink", ["Olena Kravets"], { country: "UA", extraCategory: "baking" }),
  b("trail-and-tent", "Trail & Tent", "Long-distance hiking, route planning and lightweight camping.", "travel", ["Jake Morrison"], { extraCategory: "health-fitness" }),
  b("the-tiny-house-log", "The Tiny House Log", "Building a twenty-square-metre house by hand.", "home-garden", ["Freya Lund"], { country: "DK" }),
  b("code-review-club", "Code Review Club", "Real pull requests, reviewed in public and kindly.", "programming", ["Zara Ahmed"], { country: "GB" }),
  b("the-family-budget", "The Family Budget", "A household of five, a spreadsheet and no debt.", "personal-finance", ["Paul Martins"], { extraCategory: "parenting" }),
  b("night-sky-kids", "Night Sky Kids", "Astronomy activities for children and the adults who help them.", "science", ["Ellie Park"], { extraCategory: "parenting", status: "PENDING" }),
];

export type DemoUser = { email: string; name: string; role: "USER" | "ADMIN" };

export const demoUsers: DemoUser[] = [
  { email: "admin@example.com", name: "Alex Admin", role: "ADMIN" },
  { email: "maya@example.com", name: "Maya Lindqvist", role: "USER" },
  { email: "tom@example.com", name: "Tom Okafor", role: "USER" },
  { email: "jonas@example.com", name: "Jonas Weber", role: "USER" },
  { email: "hannah@example.com", name: "Hannah Keller", role: "USER" },
  { email: "rosa@example.com", name: "Rosa Delgado", role: "USER" },
  { email: "grace@example.com", name: "Grace Liu", role: "USER" },
  { email: "reader@example.com", name: "Riley Reader", role: "USER" },
];

/** Co-editors: [blog slug, e-mail]. */
export const demoEditors: Array<[string, string]> = [
  ["the-patient-compiler", "tom@example.com"],
  ["weeknight-table", "hannah@example.com"],
];

export type Voice = { topics: string[]; titles: string[]; sentences: string[]; list: string[] };

const generic: Voice = {
  topics: ["the first year", "what changed", "a small experiment", "the long view", "mistakes worth making"],
  titles: [
    "What {topic} taught me",
    "Notes on {topic}",
    "A beginner's guide to {topic}",
    "Five lessons from {topic}",
    "What nobody tells you about {topic}",
    "{Topic}: a field report",
    "The honest truth about {topic}",
    "How I think about {topic} now",
  ],
  sentences: [
    "I put off writing this for months, mostly because I was not sure I had anything new to say.",
    "The short answer is that it depends, but the long answer is more useful.",
    "What surprised me most was how little of it came down to talent.",
    "There is a version of this post that is all advice; this is not that version.",
    "If you only take one thing away, let it be that small, regular steps beat heroic ones.",
    "Several readers wrote in after the last post, and their questions shaped this one.",
    "None of this is new, but it was new to me, and maybe it is to you too.",
    "I kept notes the whole way through, which is the only reason I can tell you any of this.",
    "The first attempt went badly, and I have left the details in because they are instructive.",
    "It took three tries before anything worked, and the third try looked a lot like the first.",
  ],
  list: ["start smaller than feels reasonable", "write everything down", "ask someone who has done it", "expect the second week to be the hardest", "measure before changing anything"],
};

export const voices: Record<string, Voice> = {
  programming: {
    topics: ["incremental builds", "type inference", "error messages", "code review", "flaky tests", "dependency upgrades", "profiling", "the borrow checker", "shell scripts", "feature flags"],
    titles: generic.titles,
    sentences: [
      "The build went from eleven minutes to ninety seconds, and most of the win came from caching one step.",
      "A good error message names the problem, points at the line and suggests the fix.",
      "We profiled before guessing, which saved us from optimising the wrong function.",
      "Every flaky test we fixed turned out to hide a real race in the code under test.",
      "Types are documentation that the compiler checks for you.",
      "The pull request was small, which is the main reason it was reviewed the same day.",
      "We pinned every dependency and upgraded them on purpose, one at a time.",
      "Reading the generated code was the turning point: the abstraction was doing far more work than we thought.",
    ],
    list: ["measure first", "keep changes small", "write the test that fails", "read the source of your dependencies", "delete code you do not need"],
  },
  technology: {
    topics: ["home servers", "battery life", "e-readers", "mechanical keyboards", "backups", "smart plugs", "cloud invoices", "noise-cancelling headphones"],
    titles: generic.titles,
    sentences: [
      "After six months of daily use, the battery still lasts a full working day.",
      "The setup took an afternoon; keeping it running has taken almost no time since.",
      "A backup you have never restored is a hope, not a backup.",
      "The cheapest option turned out to be the one we kept, which says something about the rest.",
      "Power draw at idle matters more than peak speed for a machine that runs all year.",
      "The manual was wrong in two places, so I have written the steps out here.",
    ],
    list: ["check the idle power draw", "test the restore, not just the backup", "buy the boring model", "keep the box for thirty days", "update the firmware first"],
  },
  "food-drink": {
    topics: ["one-pan dinners", "braised beans", "weeknight curries", "stocking a pantry", "knife skills", "natural wine", "fermented hot sauce", "family recipes"],
    titles: generic.titles,
    sentences: [
      "Start the onions low and slow; everything good about this dish depends on them.",
      "Salt the water like the sea, then taste it, because the sea varies.",
      "My grandmother never measured anything, so these quantities are my best reconstruction.",
      "It keeps for four days in the fridge and tastes better on the second.",
      "Toast the spices in a dry pan until they smell like themselves, then a moment longer.",
      "A squeeze of lemon at the end fixes more dishes than any other single step.",
    ],
    list: ["two onions, sliced thin", "a tin of chickpeas", "a thumb of ginger", "a handful of coriander", "lemon to finish"],
  },
  baking: {
    topics: ["sourdough starters", "laminated dough", "hydration", "proofing in the cold", "scoring", "rye bread", "choux pastry"],
    titles: generic.titles,
    sentences: [
      "At seventy-five percent hydration the dough is sticky but manageable with wet hands.",
      "A long, cold proof in the fridge gives a more open crumb and a deeper flavour.",
      "The butter must stay cold, or the layers melt into each other.",
      "Weigh everything; cups are where most failed loaves begin.",
      "The loaf is done when it sounds hollow and the crust is darker than you think it should be.",
    ],
    list: ["500 g strong white flour", "375 g water", "100 g active starter", "10 g salt", "patience"],
  },
  travel: {
    topics: ["night trains", "packing light", "border crossings", "ferry timetables", "travel insurance", "overland routes", "slow travel", "hostel life"],
    titles: generic.titles,
    sentences: [
      "The night train left on time, which in this part of Europe is worth writing down.",
      "Everything I carried fit in one bag under the seat in front of me.",
      "Book the first and last legs early; the middle can stay flexible.",
      "The border took four hours, most of them spent waiting for one stamp.",
      "The ferry only runs twice a week out of season, so plan around it.",
      "Local buses are slower, cheaper and far better for meeting people.",
    ],
    list: ["a rail pass checked against the real fares", "a paper copy of every booking", "a universal plug", "a light rain shell", "a spare day"],
  },
  "personal-finance": {
    topics: ["index funds", "emergency funds", "budget spreadsheets", "pocket money", "early retirement", "tax returns", "subscriptions"],
    titles: generic.titles,
    sentences: [
      "We track every expense in one spreadsheet, and review it together once a month.",
      "An emergency fund is boring until the week it is the most important thing you own.",
      "Fees compound just like returns do, only in the wrong direction.",
      "Cancelling four forgotten subscriptions paid for a weekend away.",
      "The plan is simple on purpose: simple plans survive bad years.",
      "This is not financial advice; it is what we did and what happened.",
    ],
    list: ["list every subscription", "automate the savings transfer", "check the fund's fees", "keep three months of costs in cash", "review once a year, not every day"],
  },
  "health-fitness": {
    topics: ["long runs", "rest days", "strength training", "mobility work", "walking", "sleep", "race day", "eating for training"],
    titles: generic.titles,
    sentences: [
      "The long run is supposed to feel easy; mine rarely did until I slowed down.",
      "Rest days are when the training actually turns into fitness.",
      "Two short strength sessions a week did more for my knees than any brace.",
      "I walked for twenty minutes every morning for a year, and it changed more than my step count.",
      "Sleep was the cheapest performance improvement I ever made.",
    ],
    list: ["run slower than you think", "lift twice a week", "sleep eight hours", "warm up properly", "take the rest day"],
  },
  photography: {
    topics: ["golden hour", "street photography", "developing film", "composition", "prime lenses", "editing", "night skies"],
    titles: generic.titles,
    sentences: [
      "The best light lasted eleven minutes, and I spent the first five setting up.",
      "A single prime lens made me walk more and think harder about framing.",
      "I ask permission when I can, and I never publish a picture that would embarrass its subject.",
      "Developing at home is cheaper than you fear and more forgiving than you expect.",
      "Most of editing is undoing what you did in the first ten minutes.",
    ],
    list: ["one camera, one lens", "arrive an hour early", "shoot the same place in every season", "print your favourites", "keep the rejects for a year"],
  },
  parenting: {
    topics: ["bedtime routines", "screen time", "two languages at home", "night feeds", "pocket money", "school mornings", "family meals"],
    titles: generic.titles,
    sentences: [
      "The routine only worked once we stopped treating it as a contest.",
      "Our eldest asked why, nine hundred times a day, and we tried to answer at least half of them.",
      "Consistency mattered more than any particular rule we chose.",
      "The research is more reassuring than the internet suggests.",
      "Some days the plan is simply to get everyone fed and into bed.",
    ],
    list: ["same time every night", "one story, then lights out", "a visible chart", "praise the effort", "let small things go"],
  },
  "home-garden": {
    topics: ["raised beds", "composting", "leaky taps", "balcony pots", "tiny houses", "seed saving", "winter pruning"],
    titles: generic.titles,
    sentences: [
      "The beds went in over one weekend and have fed us every summer since.",
      "Most leaky taps need a washer that costs less than a coffee.",
      "Compost wants roughly equal parts green and brown, turned now and then.",
      "Three square metres of balcony grew more tomatoes than we could eat.",
      "Measure twice, cut once, and then measure again because the wall is not square.",
    ],
    list: ["a good pair of gloves", "an adjustable spanner", "seed compost", "a water butt", "a notebook for the planting dates"],
  },
  "books-writing": {
    topics: ["first drafts", "reading slowly", "crime fiction", "literary prizes", "revision", "poetry", "writing routines"],
    titles: generic.titles,
    sentences: [
      "The first draft exists to be rewritten; its only job is to be finished.",
      "I read the last chapter twice, and the second time it broke my heart properly.",
      "Good crime fiction plays fair: every clue is on the page.",
      "Revision is where a story discovers what it was about.",
      "I write for an hour before breakfast, before the day can argue.",
    ],
    list: ["write every day, even badly", "read it aloud", "cut the first paragraph", "keep a list of words you overuse", "finish before you polish"],
  },
  science: {
    topics: ["fossils", "plate tectonics", "PCR", "telescopes", "weather models", "peer review", "lab notebooks", "variable stars"],
    titles: generic.titles,
    sentences: [
      "The rock layers here record about four hundred thousand years, if you know how to read them.",
      "Most experiments fail, and the lab notebook is how you learn from them.",
      "A modest telescope under a dark sky beats a large one under city lights.",
      "A forecast of seventy percent means rain on seven of ten days like this one.",
      "Peer review is slow, imperfect and still the best filter we have.",
    ],
    list: ["a red torch", "a star chart", "a notebook", "warm layers", "patience with the clouds"],
  },
};

export function voiceFor(category: string): Voice {
  return voices[category] ?? generic;
}

export const genericVoice = generic;

/** Tags, and which of them each category's blogs tend to carry. */
export const demoTags: Array<{ slug: string; name: string }> = [
  { slug: "how-to", name: "How-to" },
  { slug: "long-reads", name: "Long reads" },
  { slug: "reviews", name: "Reviews" },
  { slug: "beginners", name: "For beginners" },
  { slug: "diary", name: "Diary" },
  { slug: "photo-essays", name: "Photo essays" },
  { slug: "recipes", name: "Recipes" },
  { slug: "data", name: "Data and numbers" },
];

export const tagsByCategory: Record<string, string[]> = {
  programming: ["how-to", "long-reads", "beginners"],
  technology: ["reviews", "how-to", "data"],
  "food-drink": ["recipes", "beginners", "diary"],
  baking: ["recipes", "how-to", "photo-essays"],
  travel: ["photo-essays", "diary", "long-reads"],
  "personal-finance": ["data", "beginners", "how-to"],
  "health-fitness": ["diary", "beginners", "data"],
  photography: ["photo-essays", "reviews", "how-to"],
  parenting: ["diary", "beginners", "long-reads"],
  "home-garden": ["how-to", "diary", "photo-essays"],
  "books-writing": ["reviews", "long-reads", "diary"],
  science: ["long-reads", "data", "beginners"],
};
