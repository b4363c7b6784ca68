import type { Metadata } from "next";
import Link from "next/link";
import { Field } from "@/components/admin/fields";
import { ActionForm } from "@/components/admin/action-form";
import { card, input, primary, table } from "@/components/admin/styles";
import { formatDate } from "@/components/format";
import { requireAdmin } from "@/lib/auth/guards";
import { getCategoryOptions } from "@/lib/categories/queries";
import { listImports } from "@/lib/admin/import";
import { importAction } from "../actions";

export const metadata: Metadata = { title: "OPML import" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const admin = await requireAdmin();
  const [imports, categories] = await Promise.all([listImports(admin), getCategoryOptions()]);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">OPML import</h1>
      <p className="text-stone-600 dark:text-stone-300">
        Every feed in the file is added as a pending listing for the moderation queue. Feeds already listed are skipped as duplicates; addresses the fetch rules refuse (private networks, odd ports) are listed with the reason.
      </p>
      <ActionForm action={importAction} className={`${card} space-y-3`} label="Upload an OPML file">
        <Field label="OPML file (up to 2 MB, 5,000 feeds)" block>
          <input type="file" name="file" accept=".opml,.xml,text/x-opml,application/xml,text/xml" required className="mt-1 block text-sm" />
        </Field>
        <Field label="Category for feeds the file does not place" block>
          <select name="category" className={input} defaultValue="">
            <option value="">None (set it when approving)</option>
            {categories.map((category) => <option key={category.slug} value={category.slug}>{category.name}</option>)}
          </select>
        </Field>
        <button type="submit" className={primary}>Upload and import</button>
      </ActionForm>
      <section aria-labelledby="past" className="space-y-2">
        <h2 id="past" className="text-xl font-semibold">Recent imports</h2>
        {imports.length === 0 ? <p className="text-stone-600 dark:text-stone-300">None yet.</p> : (
          <table className={table}>
            <thead><tr><th scope="col">File</th><th scope="col">When</th><th scope="col">State</th><th scope="col">Added</th><th scope="col">Duplicates</th><th scope="col">Refused</th></tr></thead>
            <tbody>
              {imports.map((job) => (
                <tr key={job.id}>
                  <td><Link href={`/admin/import/${job.id}`} className="underline">{job.fileName}</Link></td>
                  <td>{formatDate(job.createdAt)}</td>
                  <td>{job.status.toLowerCase()}</td>
                  <td>{job.added}</td>
                  <td>{job.duplicates}</td>
                  <td>{job.refused}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
