// npm run worker: reads every listed blog's feed when it falls due, until Ctrl-C or SIGTERM.
// Uses DATABASE_URL, or the embedded database of `npm run dev` when it is unset.
import { createPrismaClient, db as appDb } from "@/lib/db";
import { loadWorkerSettings } from "@/lib/env";
import { FeedWorker } from "@/lib/ingest/feed-worker";
import { checkUrl, policyOf } from "@/lib/ingest/url-policy";
import { recheckVerifiedClaims } from "@/lib/claims/claims";
import { pruneRateLimits } from "@/lib/rate-limit";
import { endExpiredGrace } from "@/lib/billing/subscriptions";
import { resumeStaleImports } from "@/lib/admin/import";
import { withDatabase } from "./support/with-database";

await withDatabase(async (databaseUrl) => {
  const settings = loadWorkerSettings();
  const db = createPrismaClient(databaseUrl);
  const controller = new AbortController();
  const stop = () => {
    if (!controller.signal.aborted) console.log("feed worker: finishing the feeds in hand, then stopping");
    controller.abort();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // Hubs must be able to call us back: WebSub is used only when APP_URL is a public address.
  const publicUrl = checkUrl(settings.APP_URL);
  const websubCallbackBase = publicUrl.ok ? settings.APP_URL : undefined;
  if (!websubCallbackBase) console.log(`feed worker: WebSub is off because APP_URL (${settings.APP_URL}) is not reachable by hubs`);
  const policy = policyOf(settings.INGEST_ALLOW_HOSTS);
  const worker = new FeedWorker(db, {
    concurrency: settings.INGEST_CONCURRENCY,
    websubCallbackBase,
    policy,
    log: (line) => console.log(`feed worker: ${line}`),
  });
  console.log(`feed worker: started (${settings.INGEST_CONCURRENCY} feeds at a time)`);
  // Housekeeping every hour, beside the feeds: ownership re-checks (monthly per claim) and old
  // rate-limit windows. The domain modules use the app's database client, named by DATABASE_URL.
  process.env.DATABASE_URL = databaseUrl;
  const housekeeping = async () => {
    try {
      const claims = await recheckVerifiedClaims(policy);
      if (claims.checked) console.log(`feed worker: re-checked ${claims.checked} verified claims, ${claims.lapsed} lapsed`);
      await pruneRateLimits();
    } catch (error) {
      console.error(`feed worker: housekeeping failed, tried again in an hour: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(() => void housekeeping(), 3_600_000);
  void housekeeping();
  // Every minute: a Business Listing whose payment failed and whose grace period ran out goes back
  // to free (no webhook marks that moment); an OPML import whose web process stopped is resumed.
  const graceTimer = setInterval(() => {
    endExpiredGrace()
      .then((changes) => changes.forEach((change) => console.log(`feed worker: ${change.slug} is a free listing again (payment grace period over)`)))
      .catch((error: unknown) => console.error(`feed worker: grace check failed, tried again in a minute: ${(error as Error).message}`));
    resumeStaleImports()
      .then((count) => count && console.log(`feed worker: resumed ${count} interrupted OPML imports`))
      .catch((error: unknown) => console.error(`feed worker: import resume failed, tried again in a minute: ${(error as Error).message}`));
  }, 60_000);
  try {
    await worker.run(databaseUrl, controller.signal);
  } finally {
    clearInterval(timer);
    clearInterval(graceTimer);
    await db.$disconnect();
    await appDb.$disconnect();
  }
  console.log("feed worker: stopped");
});
