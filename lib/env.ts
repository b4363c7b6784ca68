// Every setting BlogAtlas reads, parsed by one zod schema. A missing or malformed required setting
// stops start-up with a message naming it; an absent vendor setting (Stripe, SMTP, OAuth) turns its
// feature off, and `features` says so. This module holds no secrets of its own and is imported by
// next.config.ts and scripts as well as by the server, so it does not import "server-only".
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const postgresUrl = z
  .string({ error: "is required: a postgresql:// URL (npm run dev sets it for the embedded database)" })
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    message: "must be a postgresql:// URL, such as postgresql://user:password@localhost:5432/blogatlas",
  });

const emailList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.email({ error: "must be a comma-separated list of e-mail addresses" })));

const hostPortList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.string().regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):\d{1,5}$/, {
        message: "must be a comma-separated list of host:port entries, such as 127.0.0.1:4010",
      }),
    ),
  );

const port = z.coerce
  .number({ error: "must be a port number" })
  .int({ error: "must be a port number" })
  .min(1, { error: "must be a port number between 1 and 65535" })
  .max(65535, { error: "must be a port number between 1 and 65535" });

const settingsShape = {
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: postgresUrl,
    NEXTAUTH_SECRET: z
      .string({ error: "is required: a random secret of at least 32 characters (openssl rand -base64 32)" })
      .min(32, { message: "must be at least 32 characters long (openssl rand -base64 32)" }),
    APP_URL: z.url({ error: "must be the public URL of the site, such as http://localhost:3000" }).default("http://localhost:3000"),
    ADMIN_EMAILS: emailList,
    // Mail (magic links, subscriptions). Off when SMTP_URL is absent.
    SMTP_URL: optionalString.pipe(
      z.string().regex(/^smtps?:\/\//, { message: "must be an smtp:// or smtps:// URL" }).optional(),
    ),
    EMAIL_FROM: z.string().default("BlogAtlas <no-reply@blogatlas.localhost>"),
    // OAuth sign-in, each provider on when both of its settings are present.
    GITHUB_ID: optionalString,
    GITHUB_SECRET: optionalString,
    GOOGLE_ID: optionalString,
    GOOGLE_SECRET: optionalString,
    // Billing. Off when STRIPE_SECRET_KEY is absent.
    STRIPE_SECRET_KEY: optionalString,
    STRIPE_WEBHOOK_SECRET: optionalString,
    STRIPE_PRICE_MONTHLY: optionalString,
    STRIPE_PRICE_YEARLY: optionalString,
    STRIPE_API_BASE: optionalString.pipe(z.url({ error: "must be a URL such as http://127.0.0.1:12111" }).optional()),
    // Feed fetching: host:port pairs that may be reached although private (tests, local demos).
    INGEST_ALLOW_HOSTS: hostPortList,
    // Feeds a worker process reads at once.
    INGEST_CONCURRENCY: z.coerce.number({ error: "must be a number" }).int().min(1, { error: "must be between 1 and 256" }).max(256, { error: "must be between 1 and 256" }).default(16),
    // The local runner (scripts/serve.ts): web server port and the embedded PostgreSQL's port.
    PORT: port.default(3000),
    EMBEDDED_PG_PORT: port.default(54329),
};

export const ZSettings = z
  .object(settingsShape)
  .superRefine((settings, ctx) => {
    const pairs: Array<[keyof typeof settings, keyof typeof settings]> = [
      ["GITHUB_ID", "GITHUB_SECRET"],
      ["GOOGLE_ID", "GOOGLE_SECRET"],
    ];
    for (const [a, b] of pairs) {
      if (Boolean(settings[a]) !== Boolean(settings[b])) {
        const missing = settings[a] ? b : a;
        ctx.addIssue({ code: "custom", path: [missing], message: `is required when ${missing === a ? b : a} is set` });
      }
    }
    if (settings.STRIPE_SECRET_KEY) {
      for (const key of ["STRIPE_WEBHOOK_SECRET", "STRIPE_PRICE_MONTHLY", "STRIPE_PRICE_YEARLY"] as const) {
        if (!settings[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when STRIPE_SECRET_KEY is set" });
      }
    }
  });

export type TSettings = z.infer<typeof ZSettings>;

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`BlogAtlas cannot start: ${problems.length === 1 ? "a setting is" : "settings are"} missing or invalid:\n` +
      problems.map((line) => `  - ${line}`).join("\n") +
      "\nSee .env.example for every setting.");
    this.name = "SettingsError";
  }
}

/** Parses a set of environment variables; throws a SettingsError naming every bad one. */
export function parseSettings(source: Record<string, string | undefined>): TSettings {
  const result = ZSettings.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(settings)"} ${issue.message}`);
  throw new SettingsError(problems);
}

let cached: TSettings | undefined;

type Source = Record<string, string | undefined>;
type Shape = typeof settingsShape;

/** Some settings only, parsed by the same rules, for processes that need no more than these. */
function pickSettings<K extends keyof Shape>(keys: readonly K[], source: Source): z.infer<z.ZodObject<Pick<Shape, K>>> {
  const picked = Object.fromEntries(keys.map((key) => [key, settingsShape[key]])) as Pick<Shape, K>;
  const result = z.object(picked).safeParse(source);
  if (!result.success) throw new SettingsError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  return result.data as z.infer<z.ZodObject<Pick<Shape, K>>>;
}

/** What the feed worker and the feed command need (they hold no sessions, so no auth secret). */
export const loadWorkerSettings = (source: Source = process.env) => pickSettings(["APP_URL", "INGEST_ALLOW_HOSTS", "INGEST_CONCURRENCY"], source);

/** Only what the local runner needs before a database exists (ports). */
export const loadRunnerSettings = (source: Source = process.env) => pickSettings(["PORT", "EMBEDDED_PG_PORT"], source);

/** Only the mail settings: the feed worker sends mail without needing the web server's secrets. */
export const loadMailSettings = (source: Source = process.env) => pickSettings(["SMTP_URL", "EMAIL_FROM"], source);

/** Only the billing settings (the web server, the reconcile command and the worker's grace check). */
export const loadBillingSettings = (source: Source = process.env) =>
  pickSettings(["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_PRICE_MONTHLY", "STRIPE_PRICE_YEARLY", "STRIPE_API_BASE", "APP_URL"], source);

/** Only DATABASE_URL, for tools (migrate, seed) that need nothing else. */
export const loadDatabaseUrl = (source: Source = process.env): string => pickSettings(["DATABASE_URL"], source).DATABASE_URL;

/** The settings of this process, parsed once. */
export function loadSettings(): TSettings {
  cached ??= parseSettings(process.env);
  return cached;
}

export type Features = {
  email: boolean;
  github: boolean;
  google: boolean;
  billing: boolean;
};

export function featuresOf(settings: TSettings): Features {
  return {
    email: Boolean(settings.SMTP_URL),
    github: Boolean(settings.GITHUB_ID),
    google: Boolean(settings.GOOGLE_ID),
    billing: Boolean(settings.STRIPE_SECRET_KEY),
  };
}

/** One line per optional feature that is switched off, saying which setting turns it on. */
export function describeDisabledFeatures(features: Features): string[] {
  const lines: string[] = [];
  if (!features.email) lines.push("e-mail (magic links, subscriptions) is off: set SMTP_URL");
  if (!features.billing) lines.push("billing (Business Listings) is off: set STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_PRICE_MONTHLY and STRIPE_PRICE_YEARLY");
  if (!features.github) lines.push("GitHub sign-in is off: set GITHUB_ID and GITHUB_SECRET");
  if (!features.google) lines.push("Google sign-in is off: set GOOGLE_ID and GOOGLE_SECRET");
  return lines;
}
