import { describe, expect, it } from "vitest";
import { db, hotRows } from "./db";

describe("hotRows", () => {
  it("answers a prepared statement whose table changed shape under it (a migration ran) by preparing it afresh on a new pool", async () => {
    await db.$executeRawUnsafe(`CREATE TABLE hot_probe (a int)`);
    await db.$executeRawUnsafe(`INSERT INTO hot_probe VALUES (1)`);
    const statement = { name: "hot-probe", text: "SELECT * FROM hot_probe", values: [] };
    // Sequential calls reuse the same idle connection, where the statement is now prepared.
    for (let i = 0; i < 3; i++) expect(await hotRows(statement)).toEqual([{ a: 1 }]);
    const currentPool = () => (globalThis as { blogatlasHotPool?: unknown }).blogatlasHotPool;
    const stalePool = currentPool();
    await db.$executeRawUnsafe(`ALTER TABLE hot_probe ADD COLUMN b int DEFAULT 2`);
    expect(await hotRows(statement)).toEqual([{ a: 1, b: 2 }]);
    // The stale statement went with its pool: the next calls are prepared afresh and do not fail first.
    const freshPool = currentPool();
    expect(freshPool).not.toBe(stalePool);
    for (let i = 0; i < 3; i++) expect(await hotRows(statement)).toEqual([{ a: 1, b: 2 }]);
    expect(currentPool()).toBe(freshPool);
  });

  it("passes values as parameters, never into the text", async () => {
    expect(await hotRows<{ value: string }>({ text: "SELECT $1::text AS value", values: ["'; DROP TABLE \"Post\"; --"] })).toEqual([{ value: "'; DROP TABLE \"Post\"; --" }]);
  });
});

describe("the hot pool's idle connections", () => {
  it("survive the database ending one of them while it sits idle (a restart, a dropped link): the pool lets it go and the next call opens another", async () => {
    const backend = async () => (await hotRows<{ pid: number }>({ text: "SELECT pg_backend_pid() AS pid", values: [] }))[0]!.pid;
    const pid = await backend();
    await db.$queryRawUnsafe(`SELECT pg_terminate_backend(${Number(pid)})`);
    // Once the server process is gone its farewell is on the socket, and the pool hears it while
    // these queries wait on the event loop; then the next call must find a live connection.
    const deadline = Date.now() + 10_000;
    while ((await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM pg_stat_activity WHERE pid = ${Number(pid)}`)).length > 0) {
      if (Date.now() > deadline) throw new Error("the terminated connection's server process did not end");
    }
    await db.$queryRawUnsafe("SELECT 1");
    expect(await backend()).not.toBe(pid);
  });
});
