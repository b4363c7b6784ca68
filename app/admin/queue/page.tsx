import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { SubmissionQueue, type TSubmissionItem } from "@/components/admin/submission-queue";
import { button, card, danger, input, primary } from "@/components/admin/styles";
import { formatDate } from "@/components/format";
import { requireAdmin } from "@/lib/auth/guards";
import { getQueue, REJECTION_REASONS } from "@/lib/admin/moderation";
import { REPORT_REASONS } from "@/lib/reports/schemas";
import { claimAction, reportAction } from "../actions";

export const metadata: Metadata = { title: "Moderation queue" };
export const dynamic = "force-dynamic";

export default async function QueuePage() {
  const admin = await requireAdmin();
  const queue = await getQueue(admin);
  const items: TSubmissionItem[] = queue.submissions.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    siteUrl: row.siteUrl,
    feedUrl: row.feedUrl,
    description: row.description,
    language: row.language,
    submittedAt: formatDate(row.createdAt),
    submittedBy: row.submittedBy?.email ?? null,
    deferred: Boolean(row.reviewDeferredAt),
    categories: row.categories.map((item) => item.category.name),
    spamScore: row.spamScore,
    signals: Array.isArray(row.spamSignals) ? (row.spamSignals as Array<{ detail: string }>) : [],
    preview: Array.isArray(row.submissionPreview) ? (row.submissionPreview as TSubmissionItem["preview"]) : [],
    duplicates: row.duplicates,
  }));
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Moderation queue</h1>
      <p className="text-stone-600 dark:text-stone-300">
        {queue.counts.submissions} submissions, {queue.counts.claims} claims and {queue.counts.reports} reports waiting. Oldest first; deferred items last.
      </p>

      <section aria-labelledby="submissions" className="space-y-3">
        <h2 id="submissions" className="text-xl font-semibold">New submissions</h2>
        <SubmissionQueue items={items} reasons={Object.entries(REJECTION_REASONS).map(([key, label]) => ({ key, label }))} />
      </section>

      <section aria-labelledby="reports" className="space-y-3">
        <h2 id="reports" className="text-xl font-semibold">Reports</h2>
        {queue.reports.length === 0 ? (
          <p className="text-stone-600 dark:text-stone-300">No open reports.</p>
        ) : (
          <ol className="space-y-4">
            {queue.reports.map((report) => (
              <li key={report.id} className={`${card} space-y-2`}>
                <h3 className="font-semibold">
                  {REPORT_REASONS[report.reason as keyof typeof REPORT_REASONS] ?? report.reason}: {report.post ? <a href={`/posts/${report.post.id}`} className="underline">{report.post.title}</a> : "the whole listing"} on{" "}
                  <Link href={`/admin/listings/${report.blog.slug}`} className="underline">{report.blog.name}</Link>
                </h3>
                <p className="text-sm text-stone-600 dark:text-stone-300">
                  Reported {formatDate(report.createdAt)} by {report.reporter?.email ?? report.reporterEmail ?? "a visitor"}{report.deferredAt ? " · deferred" : ""}{report.post?.hiddenAt ? " · the post is already hidden" : ""}
                </p>
                {report.details && <blockquote className="border-l-4 border-stone-300 pl-3 text-sm dark:border-stone-600">{report.details}</blockquote>}
                <ActionForm action={reportAction} className="flex flex-wrap items-end gap-2" label={`Handle the report about ${report.post?.title ?? report.blog.name}`}>
                  <input type="hidden" name="report" value={report.id} />
                  <label className="text-sm">
                    <span className="sr-only">Note</span>
                    <input name="note" placeholder="Note (kept in the audit log)" className={input} maxLength={1000} />
                  </label>
                  {report.post && <button type="submit" name="intent" value="hide-post" className={danger}>Hide the post</button>}
                  <button type="submit" name="intent" value="suspend-listing" className={danger}>Suspend the listing</button>
                  <button type="submit" name="intent" value="dismiss" className={button}>Dismiss</button>
                  <button type="submit" name="intent" value="defer" className={button}>Defer</button>
                </ActionForm>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="claims" className="space-y-3">
        <h2 id="claims" className="text-xl font-semibold">Claims that need a look</h2>
        {queue.claims.length === 0 ? (
          <p className="text-stone-600 dark:text-stone-300">No contested or lapsed claims.</p>
        ) : (
          <ol className="space-y-4">
            {queue.claims.map((claim) => (
              <li key={claim.id} className={`${card} space-y-2`}>
                <h3 className="font-semibold">
                  {claim.status === "CONTESTED" ? "Contested" : "Lapsed"}: <Link href={`/admin/listings/${claim.blog.slug}`} className="underline">{claim.blog.name}</Link> by {claim.user.email}
                </h3>
                <p className="text-sm text-stone-600 dark:text-stone-300">
                  {claim.status === "CONTESTED"
                    ? `${claim.user.email} proved control (${claim.method.toLowerCase().replace(/_/g, " ")}) ${claim.verifiedAt ? formatDate(claim.verifiedAt) : ""}, but the listing has owners: ${claim.blog.members.map((member) => member.user.email).join(", ") || "none"}. Approving makes the claimant the owner and the others editors.`
                    : `The monthly re-check ${claim.checkedAt ? `on ${formatDate(claim.checkedAt)} ` : ""}failed: ${claim.lastError ?? "the proof is gone"}. Keeping it leaves the ownership as it is; ending it removes this owner.`}
                </p>
                <ActionForm action={claimAction} className="flex flex-wrap items-end gap-2" label={`Decide the claim of ${claim.blog.name}`}>
                  <input type="hidden" name="claim" value={claim.id} />
                  <label className="text-sm">
                    <span className="sr-only">Note</span>
                    <input name="note" placeholder="Note to the claimant (optional)" className={input} maxLength={1000} />
                  </label>
                  <button type="submit" name="intent" value="approve" className={primary}>{claim.status === "CONTESTED" ? "Approve the claim" : "Keep the ownership"}</button>
                  <button type="submit" name="intent" value="reject" className={danger}>{claim.status === "CONTESTED" ? "Decline the claim" : "End the ownership"}</button>
                </ActionForm>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
