import { describe, expect, it } from "vitest";
import { describeDisabledFeatures, featuresOf, loadDatabaseUrl, loadRunnerSettings, parseSettings, SettingsError } from "./env";

const valid = {
  DATABASE_URL: "postgresql://user:secret@localhost:5432/blogatlas",
  NEXTAUTH_SECRET: "x".repeat(32),
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseSettings(source);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as SettingsError).problems;
  }
  throw new Error("expected the settings to be refused");
}

describe("settings", () => {
  it("accepts the minimum and fills defaults", () => {
    const settings = parseSettings(valid);
    expect(settings.APP_URL).toBe("http://localhost:3000");
    expect(settings.ADMIN_EMAILS).toEqual([]);
    expect(settings.INGEST_ALLOW_HOSTS).toEqual([]);
  });

  it("names a missing database URL and a missing auth secret", () => {
    const problems = problemsOf({});
    expect(problems.some((line) => line.startsWith("DATABASE_URL is required"))).toBe(true);
    expect(problems.some((line) => line.startsWith("NEXTAUTH_SECRET is required"))).toBe(true);
  });

  it("names a malformed database URL and a short secret, and says how to fix them", () => {
    const problems = problemsOf({ DATABASE_URL: "mysql://localhost/db", NEXTAUTH_SECRET: "short" });
    expect(problems).toEqual([
      expect.stringMatching(/^DATABASE_URL must be a postgresql:\/\/ URL/),
      expect.stringMatching(/^NEXTAUTH_SECRET must be at least 32 characters/),
    ]);
    expect(() => loadDatabaseUrl({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL must be a postgresql/);
  });

  it("puts every problem into one message that points at .env.example", () => {
    expect(() => parseSettings({ DATABASE_URL: "x" })).toThrow(/DATABASE_URL[\s\S]*NEXTAUTH_SECRET[\s\S]*\.env\.example/);
  });

  it("switches vendor features off when their settings are absent, and says which setting turns each on", () => {
    const features = featuresOf(parseSettings(valid));
    expect(features).toEqual({ email: false, github: false, google: false, billing: false });
    expect(describeDisabledFeatures(features).join("\n")).toMatch(/SMTP_URL[\s\S]*STRIPE_SECRET_KEY[\s\S]*GITHUB_ID[\s\S]*GOOGLE_ID/);
  });

  it("switches them on when present", () => {
    const settings = parseSettings({
      ...valid,
      SMTP_URL: "smtp://localhost:1025",
      GITHUB_ID: "id",
      GITHUB_SECRET: "secret",
      STRIPE_SECRET_KEY: "sk_test_1",
      STRIPE_WEBHOOK_SECRET: "whsec_1",
      STRIPE_PRICE_MONTHLY: "price_m",
      STRIPE_PRICE_YEARLY: "price_y",
    });
    expect(featuresOf(settings)).toEqual({ email: true, github: true, google: false, billing: true });
  });

  it("treats an empty optional setting as absent", () => {
    expect(featuresOf(parseSettings({ ...valid, SMTP_URL: "", STRIPE_SECRET_KEY: " " })).email).toBe(false);
  });

  it("refuses half of an OAuth pair, a Stripe key without its webhook secret and prices, and bad lists", () => {
    expect(problemsOf({ ...valid, GITHUB_ID: "id" })).toEqual(["GITHUB_SECRET is required when GITHUB_ID is set"]);
    expect(problemsOf({ ...valid, STRIPE_SECRET_KEY: "sk" })).toEqual([
      "STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set",
      "STRIPE_PRICE_MONTHLY is required when STRIPE_SECRET_KEY is set",
      "STRIPE_PRICE_YEARLY is required when STRIPE_SECRET_KEY is set",
    ]);
    expect(problemsOf({ ...valid, ADMIN_EMAILS: "a@example.com, not-an-email" })[0]).toMatch(/^ADMIN_EMAILS\.1 must be a comma-separated list/);
    expect(problemsOf({ ...valid, INGEST_ALLOW_HOSTS: "localhost" })[0]).toMatch(/^INGEST_ALLOW_HOSTS\.0 must be a comma-separated list of host:port/);
    expect(problemsOf({ ...valid, SMTP_URL: "http://mail" })[0]).toMatch(/^SMTP_URL must be an smtp/);
  });

  it("normalises lists", () => {
    const settings = parseSettings({ ...valid, ADMIN_EMAILS: " Admin@Example.com ,b@example.com,", INGEST_ALLOW_HOSTS: "127.0.0.1:4010,[::1]:80" });
    expect(settings.ADMIN_EMAILS).toEqual(["admin@example.com", "b@example.com"]);
    expect(settings.INGEST_ALLOW_HOSTS).toEqual(["127.0.0.1:4010", "[::1]:80"]);
  });
});

describe("runner settings", () => {
  it("defaults the ports and refuses a bad one by name", () => {
    expect(loadRunnerSettings({})).toEqual({ PORT: 3000, EMBEDDED_PG_PORT: 54329 });
    expect(loadRunnerSettings({ PORT: "3100" }).PORT).toBe(3100);
    expect(() => loadRunnerSettings({ EMBEDDED_PG_PORT: "99999" })).toThrow(/EMBEDDED_PG_PORT must be a port number between 1 and 65535/);
    expect(() => loadRunnerSettings({ PORT: "web" })).toThrow(/PORT must be a port number/);
  });
});
