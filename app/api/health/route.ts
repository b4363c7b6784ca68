import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for the dev runner, load balancers and monitoring. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: "database unreachable" }, { status: 503 });
  }
}
