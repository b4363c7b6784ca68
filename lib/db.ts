// The one Prisma client of a process, created on first use (so that importing it costs nothing at
// build time) and cached on globalThis in development, where modules reload on every edit.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { loadDatabaseUrl } from "@/lib/env";

const holder = globalThis as unknown as { blogatlasPrisma?: PrismaClient };

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

function client(): PrismaClient {
  holder.blogatlasPrisma ??= createPrismaClient(loadDatabaseUrl());
  return holder.blogatlasPrisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = client();
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});
