import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { button, card, table } from "@/components/admin/styles";
import { AutoRefresh } from "@/components/auto-refresh";
import { requireAdmin } from "@/lib/auth/guards";
import { getImport } from "@/lib/admin/import";
import { resumeImportAction } from "../../actions";

export const metadata: Metadata = { title: "Import" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const OUTCOME = { added: "added (pending)", duplicate: "skipped: duplicate", refused: "refused" } as const;

export default async function ImportJobPage({ params }: Props) {
  const { id } = await params;
  const admin = await requireAdmin();
  const job = await getImport(admin, id);
  if (!job) notFound();
  const percent = job.total ? Math.round((job.processed / job.total) * 100) : 100;
  const running = job.status === "RUNNING" && !job.stale;
  const progress = (
    <div className={`${card} space-y-2`}>
      <label htmlFor="import-progress" className="block font-medium">
        {job.status === "DONE" ? "Finished" : job.status === "FAILED" ? "Stopped by an error" : job.stale ? "Interrupted" : "Importing…"}: {job.processed} of {job.total} feeds ({percent}%)
      </label>
      <progress id="import-progress" value={job.processed} max={job.total} className="h-3 w-full accent-teal-700" />
      <p role="status" aria-live="polite" className="text-sm">
        {job.added} added as pending, {job.duplicates} skipped as duplicates, {job.refused} refused.
      </p>
      {job.error && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{job.error}</p>}
      {(job.status === "FAILED" || job.stale) && (
        <ActionForm action={resumeImportAction}>
          <input type="hidden" name="job" value={job.id} />
          <button type="submit" className={button}>Resume from feed {job.processed + 1}</button>
        </ActionForm>
      )}
    </div>
  );
  return (
    <>
      <p><Link href="/admin/import" className="underline">← OPML import</Link></p>
      <h1 className="text-3xl font-bold tracking-tight">Import of {job.fileName}</h1>
      {running ? (
        <AutoRefresh everyMs={1000} forMs={30 * 60_000} late={<p role="alert">Still running; reload the page to see the latest progress.</p>}>
          {progress}
        </AutoRefresh>
      ) : (
        progress
      )}
      {job.status === "DONE" && job.added > 0 && <p><Link href="/admin/queue" className="underline">Review the added listings in the moderation queue</Link></p>}
      {job.results.length > 0 && (
        <div className="overflow-x-auto">
          <table className={table}>
            <thead><tr><th scope="col">Feed</th><th scope="col">Outcome</th><th scope="col">Detail</th></tr></thead>
            <tbody>
              {job.results.map((result, index) => (
                <tr key={`${index}-${result.feedUrl}`}>
                  <td className="break-all">{result.feedUrl}</td>
                  <td>{OUTCOME[result.outcome]}</td>
                  <td>{result.outcome === "added" ? <Link href={`/admin/listings/${result.detail}`} className="underline">{result.detail}</Link> : result.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
