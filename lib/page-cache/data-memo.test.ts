import { afterEach, describe, expect, it } from "vitest";
import { dropMemo, memoized, MEMO_MAX_AGE_MS, setMemoLive } from "./data-memo";
import { LISTS_COALESCE_MS, PageCache } from "./page-cache";

afterEach(() => setMemoLive(false));

describe("the data memo beside the page cache", () => {
  it("loads every time unless the page cache is live", async () => {
    let loads = 0;
    const load = async () => ++loads;
    expect([await memoized("k", ["lists"], load), await memoized("k", ["lists"], load)]).toEqual([1, 2]);
    setMemoLive(true);
    expect([await memoized("k", ["lists"], load), await memoized("k", ["lists"], load)]).toEqual([3, 3]);
    expect(await memoized("k", ["lists"], load, Date.now() + MEMO_MAX_AGE_MS)).toBe(4); // too old: loaded again
  });

  it("drops with the cached pages: by tag, with lists coalesced and lists:now at once, and all when the cache is cleared", async () => {
    setMemoLive(true);
    let clock = 1_000_000;
    const cache = new PageCache(64 * 1024 * 1024, () => clock);
    cache.onDrop = dropMemo;
    let loads = 0;
    const home = () => memoized("home", ["lists"], async () => ++loads, clock);
    expect(await home()).toBe(1);
    cache.invalidate(["blog:x"]);
    expect(await home()).toBe(1); // another tag
    cache.invalidate(["lists"]); // the first "lists" in a window flushes at once
    expect(await home()).toBe(2);
    clock += 1000;
    cache.invalidate(["lists"]); // coalesced: pages and data stay until the window ends
    expect(await home()).toBe(2);
    cache.invalidate(["lists:now"]);
    expect(await home()).toBe(3);
    cache.clear();
    expect(await home()).toBe(4);
    expect(LISTS_COALESCE_MS).toBeGreaterThan(1000);
  });

  it("keeps no failure, and forgets everything when the page cache goes down", async () => {
    setMemoLive(true);
    await expect(memoized("f", [], async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await memoized("f", [], async () => "ok")).toBe("ok");
    setMemoLive(false);
    setMemoLive(true);
    expect(await memoized("f", [], async () => "fresh")).toBe("fresh");
  });
});
