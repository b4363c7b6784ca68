import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { button, card } from "@/components/admin/styles";
import { formatDate } from "@/components/format";
import { requireAdmin } from "@/lib/auth/guards";
import { getSystemFigures } from "@/lib/admin/system";
import { resumeImportAction } from "./actions";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

function Figure({ label, value, href }: { label: string; value: string | number; href?: string }) {
  return (
    <div className={card}>
      <dt className="text-sm text-stone-600 dark:text-stone-300">{label}</dt>
      <dd className="text-2xl font-bold">{href ? <Link href={href} className="hover:underline">{value}</Link> : value}</dd>
    </div>
  );
}

export default async function AdminHome() {
  const admin = await requireAdmin();
  const figures = await getSystemFigures(admin);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Overview</h1>
      <section aria-labelledby="work" className="space-y-3">
        <h2 id="work" className="text-xl font-semibold">Waiting for you</h2>
        <dl className="grid gap-3 sm:grid-cols-3">
          <Figure label="Submissions to review" value={figures.queue.pendingReview} href="/admin/queue" />
          <Figure label="Failing feeds" value={figures.queue.failing} href="/admin/feeds?show=failing" />
          <Figure label="Dormant feeds" value={figures.queue.dormant} href="/admin/feeds?show=dormant" />
        </dl>
      </section>
      <section aria-labelledby="ingest" className="space-y-3">
        <h2 id="ingest" className="text-xl font-semibold">Ingest and queue</h2>
        <dl className="grid gap-3 sm:grid-cols-3">
          <Figure label="New posts, last hour" value={figures.ingest.postsLastHour} />
          <Figure label="New posts, last 24 hours" value={figures.ingest.postsLastDay} />
          <Figure label="Feeds read, last hour" value={figures.ingest.feedsReadLastHour} />
          <Figure label="Feed failures, last hour" value={figures.ingest.failuresLastHour} />
          <Figure label="Feeds due now (queue depth)" value={figures.queue.due} />
          <Figure label="Feeds being read now" value={figures.queue.beingRead} />
        </dl>
      </section>
      <section aria-labelledby="jobs" className="space-y-3">
        <h2 id="jobs" className="text-xl font-semibold">Imports that failed or stopped</h2>
        {figures.imports.length === 0 ? (
          <p className="text-stone-600 dark:text-stone-300">None: every OPML import finished.</p>
        ) : (
          <ul className="space-y-2">
            {figures.imports.map((job) => (
              <li key={job.id} className={card}>
                <Link href={`/admin/import/${job.id}`} className="font-semibold underline">{job.fileName}</Link>: {job.status === "FAILED" ? `failed after ${job.processed} of ${job.total}: ${job.error}` : `running, ${job.processed} of ${job.total}, last progress ${formatDate(job.heartbeat)}`}
                {job.status === "FAILED" && (
                  <ActionForm action={resumeImportAction} className="mt-2">
                    <input type="hidden" name="job" value={job.id} />
                    <button type="submit" className={button}>Retry from where it stopped</button>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm text-stone-600 dark:text-stone-300">Failing feeds, with their errors and a retry, are under <Link href="/admin/feeds" className="underline">Feed health</Link>.</p>
      </section>
      <section aria-labelledby="database" className="space-y-3">
        <h2 id="database" className="text-xl font-semibold">Database</h2>
        <p>
          {figures.database.size} in all. Largest tables: {figures.database.tables.map((table) => `${table.name} (${table.pretty})`).join(", ")}.
        </p>
      </section>
    </>
  );
}
