// Data that every visitor's page shows alike (the home page's lists), kept per web process for a
// few seconds and dropped together with the cached pages that show it: the page cache tells this
// memo of every drop (the same tags, the same coalescing of "lists", "lists:now" at once). The home
// page under distinct query strings (tracking parameters, which no page cache can share) then costs
// a render, not a render plus six queries.
//
// The memo is used only while the page cache is live (production, its LISTEN connection up): then
// nothing it holds can outlive an announcement. Otherwise every call loads afresh.

type Entry = { at: number; tags: string[]; value: Promise<unknown> };
type MemoState = { entries: Map<string, Entry>; live: boolean };

/** Past this age an entry is loaded again even if no announcement dropped it. */
export const MEMO_MAX_AGE_MS = 15_000;

// The door (scripts/web-server.ts, which holds the page cache) and the pages are loaded apart (tsx and
// Next's bundle) but run in one process.
const holder = globalThis as unknown as { blogatlasDataMemo?: MemoState };
const state: MemoState = (holder.blogatlasDataMemo ??= { entries: new Map(), live: false });

export function setMemoLive(live: boolean): void {
  if (state.live && !live) state.entries.clear();
  state.live = live;
}

/** Drops entries carrying any of these tags (null: all). */
export function dropMemo(tags: Set<string> | null): void {
  if (!tags) return state.entries.clear();
  for (const [key, entry] of state.entries) if (entry.tags.some((tag) => tags.has(tag))) state.entries.delete(key);
}

export function memoized<T>(key: string, tags: string[], load: () => Promise<T>, now = Date.now()): Promise<T> {
  if (!state.live) return load();
  const hit = state.entries.get(key);
  if (hit && now - hit.at < MEMO_MAX_AGE_MS) return hit.value as Promise<T>;
  const value = load();
  state.entries.set(key, { at: now, tags, value });
  value.catch(() => {
    if (state.entries.get(key)?.value === value) state.entries.delete(key); // a failure is not kept
  });
  return value;
}
