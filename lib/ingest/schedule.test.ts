import { describe, expect, it } from "vitest";
import { DAY, errorInterval, healthyInterval, HOUR, jitter, MINUTE, retryLaterInterval, shouldGoDormant } from "./schedule";

const fixed = () => 0.5; // no jitter
const now = Date.UTC(2026, 10, 1);

describe("adaptive scheduling (ingestion.md 2-5)", () => {
  it("derives the interval from the posting rate, clamped to 15 min..24 h", () => {
    expect(healthyInterval({ postsPerWeek: 7, business: false, now, random: fixed })).toBe(DAY);
    expect(healthyInterval({ postsPerWeek: 14, business: false, now, random: fixed })).toBe(12 * HOUR);
    expect(healthyInterval({ postsPerWeek: 10_000, business: false, now, random: fixed })).toBe(15 * MINUTE);
    expect(healthyInterval({ postsPerWeek: 0, business: false, now, random: fixed })).toBe(DAY);
    expect(healthyInterval({ postsPerWeek: 0.1, business: false, now, random: fixed })).toBe(DAY);
  });

  it("checks Business Listings more often", () => {
    expect(healthyInterval({ postsPerWeek: 10_000, business: true, now, random: fixed })).toBe(10 * MINUTE);
    expect(healthyInterval({ postsPerWeek: 0, business: true, now, random: fixed })).toBe(6 * HOUR);
  });

  it("never checks sooner than the feed's ttl, max-age or Expires", () => {
    expect(healthyInterval({ postsPerWeek: 10_000, business: false, ttlMinutes: 60, now, random: fixed })).toBe(HOUR);
    expect(healthyInterval({ postsPerWeek: 10_000, business: false, maxAgeSeconds: 7200, now, random: fixed })).toBe(2 * HOUR);
    expect(healthyInterval({ postsPerWeek: 10_000, business: false, expiresAt: new Date(now + 3 * HOUR), now, random: fixed })).toBe(3 * HOUR);
    expect(healthyInterval({ postsPerWeek: 10_000, business: false, maxAgeSeconds: 365 * 86_400, now, random: fixed })).toBe(DAY);
  });

  it("adds ±10% jitter so feeds do not move in lock-step", () => {
    expect(jitter(1000, () => 0)).toBe(900);
    expect(jitter(1000, () => 0.999999)).toBe(1100);
    const spread = new Set(Array.from({ length: 50 }, () => healthyInterval({ postsPerWeek: 7, business: false, now })));
    expect(spread.size).toBeGreaterThan(40);
  });

  it("backs off exponentially on errors, from 1 h to a cap of 3 days", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => errorInterval(n, fixed) / HOUR)).toEqual([1, 2, 4, 8, 16, 32, 64, 72]);
    expect(errorInterval(50, fixed)).toBe(3 * DAY);
  });

  it("respects Retry-After, capped at 6 hours, and at least a minute", () => {
    expect(retryLaterInterval(120, 1)).toBe(2 * MINUTE);
    expect(retryLaterInterval(5, 1)).toBe(MINUTE);
    expect(retryLaterInterval(86_400 * 7, 1)).toBe(6 * HOUR);
    expect(retryLaterInterval(undefined, 3, fixed)).toBe(4 * HOUR);
  });

  it("turns a feed dormant only after repeated failures for longer than the grace period", () => {
    const listedAt = new Date(now - 60 * DAY);
    expect(shouldGoDormant({ consecutiveErrors: 10, lastSuccessAt: new Date(now - 2 * DAY), listedAt, now })).toBe(false);
    expect(shouldGoDormant({ consecutiveErrors: 3, lastSuccessAt: new Date(now - 30 * DAY), listedAt, now })).toBe(false);
    expect(shouldGoDormant({ consecutiveErrors: 5, lastSuccessAt: new Date(now - 15 * DAY), listedAt, now })).toBe(true);
    expect(shouldGoDormant({ consecutiveErrors: 5, lastSuccessAt: null, listedAt: new Date(now - 20 * DAY), now })).toBe(true);
  });
});
