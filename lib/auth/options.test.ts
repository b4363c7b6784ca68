import { describe, expect, it } from "vitest";
import { parseSettings } from "@/lib/env";
import { buildAuthOptions } from "./options";

const base = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", NEXTAUTH_SECRET: "x".repeat(32) };
const providerIds = (source: Record<string, string>) => buildAuthOptions(parseSettings({ ...base, ...source })).providers.map((provider) => provider.id);

describe("sign-in methods follow the settings", () => {
  it("offers e-mail links only with SMTP_URL, and GitHub and Google only with both of their settings", () => {
    expect(providerIds({})).toEqual([]);
    expect(providerIds({ SMTP_URL: "smtp://localhost:1025" })).toEqual(["email"]);
    expect(providerIds({ GITHUB_ID: "gh-id", GITHUB_SECRET: "gh-secret" })).toEqual(["github"]);
    expect(providerIds({ SMTP_URL: "smtp://localhost:1025", GITHUB_ID: "a", GITHUB_SECRET: "b", GOOGLE_ID: "c", GOOGLE_SECRET: "d" })).toEqual(["email", "github", "google"]);
  });

  it("hands each OAuth provider its own client id and secret, with database sessions", () => {
    const options = buildAuthOptions(parseSettings({ ...base, GOOGLE_ID: "google-client", GOOGLE_SECRET: "google-secret" }));
    const google = options.providers[0] as unknown as { options: { clientId: string; clientSecret: string } };
    expect(google.options).toMatchObject({ clientId: "google-client", clientSecret: "google-secret" });
    expect(options.session?.strategy).toBe("database");
  });
});
