import type { Metadata } from "next";
import Link from "next/link";
import { Field } from "@/components/admin/fields";
import { input, primary, table } from "@/components/admin/styles";
import { requireAdmin } from "@/lib/auth/guards";
import { auditActions, listAudit } from "@/lib/admin/audit";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const time = (date: Date) => date.toISOString().replace("T", " ").slice(0, 19) + " UTC";

export default async function AuditPage({ searchParams }: Props) {
  const admin = await requireAdmin();
  const query = await searchParams;
  const filter = { action: query.action || undefined, actor: query.actor || undefined, target: query.target || undefined, before: query.before || undefined };
  const [{ rows, next }, actions] = await Promise.all([listAudit(admin, filter), auditActions(admin)]);
  const older = next ? `/admin/audit?${new URLSearchParams(Object.entries({ ...filter, before: next }).filter((entry): entry is [string, string] => Boolean(entry[1])))}` : null;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Audit log</h1>
      <p className="text-stone-600 dark:text-stone-300">Every admin action: who, what, when and why. Entries are never edited or removed.</p>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
        <Field label="Action">
          <select name="action" defaultValue={filter.action ?? ""} className={input}>
            <option value="">Any</option>
            {actions.map((action) => <option key={action} value={action}>{action}</option>)}
          </select>
        </Field>
        <Field label="By (e-mail)">
          <input name="actor" defaultValue={filter.actor ?? ""} className={input} />
        </Field>
        <Field label="Target id">
          <input name="target" defaultValue={filter.target ?? ""} className={input} />
        </Field>
        <button type="submit" className={primary}>Filter</button>
      </form>
      {rows.length === 0 ? <p>No entries match.</p> : (
        <div className="overflow-x-auto">
          <table className={table}>
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Target</th><th scope="col">Why</th></tr></thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="whitespace-nowrap">{time(row.createdAt)}</td>
                  <td>{row.actor?.email ?? "command line"}</td>
                  <td>{row.action}</td>
                  <td>{row.targetType} <Link href={`/admin/audit?target=${row.targetId}`} className="underline">{row.targetId}</Link></td>
                  <td>{row.reason ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {older && <p><Link href={older} className="underline">Older entries →</Link></p>}
    </>
  );
}
