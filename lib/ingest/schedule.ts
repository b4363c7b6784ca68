// When to read a feed next. Healthy feeds: a week divided by the posts of the last weeks, clamped to
// 15 min..24 h (Business Listings 10 min..6 h), never sooner than the feed's own ttl, max-age or
// Expires, with ±10% jitter so feeds drift apart. Failing feeds back off exponentially (1 h growing
// to 3 days); after a grace period of failures a feed turns dormant, keeps its archive, and is still
// tried every few days so it recovers on its own.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const LIMITS = {
  free: { min: 15 * MINUTE, max: 24 * HOUR },
  business: { min: 10 * MINUTE, max: 6 * HOUR },
  backoffBase: HOUR,
  backoffCap: 3 * DAY,
  retryAfterCap: 6 * HOUR,
  dormantAfter: 14 * DAY,
  dormantAfterErrors: 5,
  goneRecheck: 30 * DAY,
};

export type Random = () => number;

export const jitter = (ms: number, random: Random = Math.random) => Math.round(ms * (0.9 + random() * 0.2));

export type HealthyInput = {
  postsPerWeek: number;
  business: boolean;
  ttlMinutes?: number | null;
  maxAgeSeconds?: number;
  expiresAt?: Date;
  now: number;
  random?: Random;
};

export function healthyInterval(input: HealthyInput): number {
  const limits = input.business ? LIMITS.business : LIMITS.free;
  const fromRate = input.postsPerWeek > 0 ? (7 * DAY) / input.postsPerWeek : limits.max;
  let interval = Math.min(Math.max(fromRate, limits.min), limits.max);
  // The publisher's own hints are a floor (capped so a silly year-long max-age cannot park a feed).
  const hints = [
    input.ttlMinutes ? input.ttlMinutes * MINUTE : 0,
    input.maxAgeSeconds ? input.maxAgeSeconds * 1000 : 0,
    input.expiresAt ? input.expiresAt.getTime() - input.now : 0,
  ];
  interval = Math.max(interval, Math.min(Math.max(...hints), LIMITS.free.max));
  return jitter(interval, input.random);
}

/** Back-off after the n-th consecutive failure (n >= 1). */
export function errorInterval(consecutiveErrors: number, random?: Random): number {
  const exponent = Math.max(0, Math.min(consecutiveErrors - 1, 20));
  return jitter(Math.min(LIMITS.backoffBase * 2 ** exponent, LIMITS.backoffCap), random);
}

/** Retry-After, respected but capped; without one, the ordinary back-off. */
export function retryLaterInterval(retryAfterSeconds: number | undefined, consecutiveErrors: number, random?: Random): number {
  if (retryAfterSeconds === undefined) return errorInterval(consecutiveErrors, random);
  return Math.min(Math.max(retryAfterSeconds * 1000, MINUTE), LIMITS.retryAfterCap);
}

/** A feed turns dormant when it has failed repeatedly for longer than the grace period. */
export function shouldGoDormant(input: { consecutiveErrors: number; lastSuccessAt: Date | null; listedAt: Date; now: number }): boolean {
  const since = (input.lastSuccessAt ?? input.listedAt).getTime();
  return input.consecutiveErrors >= LIMITS.dormantAfterErrors && input.now - since >= LIMITS.dormantAfter;
}
