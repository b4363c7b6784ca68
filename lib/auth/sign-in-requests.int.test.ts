// The door in front of e-mail sign-in and the rate limiter behind it, on real PostgreSQL.
import { describe, expect, it } from "vitest";
import { hit } from "@/lib/rate-limit";
import { LINKS_PER_ADDRESS, screenEmailSignIn } from "./sign-in-requests";

const APP = process.env.APP_URL ?? "http://localhost:3000";
const post = (email: string, headers: Record<string, string> = { origin: APP }, ip = "198.51.100.7") =>
  new Request(`${APP}/api/auth/signin/email`, { method: "POST", body: new URLSearchParams({ email, csrfToken: "x" }), headers: { ...headers, "x-forwarded-for": ip } });

describe("the rate limiter", () => {
  it("counts exactly, even when hits arrive at once, and opens a new window when the old one ends", async () => {
    const limit = { max: 5, windowMs: 60_000 };
    const now = new Date("2030-01-01T00:00:00Z");
    const results = await Promise.all(Array.from({ length: 12 }, () => hit("test:burst", limit, now)));
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect((await hit("test:burst", limit, new Date(now.getTime() + 60_001))).ok).toBe(true);
  });
});

describe("screening e-mail sign-in requests", () => {
  it("lets a plain same-site request through to next-auth", async () => {
    expect(await screenEmailSignIn(post("plain@blogatlas.example"))).toBeNull();
  });

  it("refuses cross-site requests, and requests that say nothing of where they come from (security.md 15)", async () => {
    expect((await screenEmailSignIn(post("a@blogatlas.example", { origin: "https://evil.example" })))?.status).toBe(403);
    expect((await screenEmailSignIn(post("a@blogatlas.example", { referer: "https://evil.example/page" })))?.status).toBe(403);
    expect((await screenEmailSignIn(post("a@blogatlas.example", {})))?.status).toBe(403);
    expect(await screenEmailSignIn(post("a@blogatlas.example", { referer: `${APP}/signin` }))).toBeNull();
  });

  it("refuses odd addresses with a URL naming the error, the shape next-auth's client reads (security.md 13)", async () => {
    const answer = await screenEmailSignIn(post('"odd"@blogatlas.example'));
    expect(answer?.status).toBe(400);
    expect(new URL(((await answer!.json()) as { url: string }).url).searchParams.get("error")).toBe("EmailInvalid");
  });

  it("answers 429 after the limit per address, whoever asks, with Retry-After (security.md 14)", async () => {
    const statuses = [];
    for (let i = 0; i <= LINKS_PER_ADDRESS.max; i++) statuses.push((await screenEmailSignIn(post("target@blogatlas.example", { origin: APP }, `203.0.113.${i}`)))?.status ?? 200);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await screenEmailSignIn(post("target@blogatlas.example", { origin: APP }, "203.0.113.99"));
    expect(refused?.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});
