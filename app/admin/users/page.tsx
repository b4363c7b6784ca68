import type { Metadata } from "next";
import Link from "next/link";
import { Field } from "@/components/admin/fields";
import { input, primary, table } from "@/components/admin/styles";
import { formatDate } from "@/components/format";
import { requireAdmin } from "@/lib/auth/guards";
import { searchUsers } from "@/lib/admin/users";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ q?: string; show?: string }> };

export default async function AdminUsersPage({ searchParams }: Props) {
  const admin = await requireAdmin();
  const { q = "", show = "all" } = await searchParams;
  const users = await searchUsers(admin, q, show);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Users</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Find users">
        <Field label="E-mail or name">
          <input type="search" name="q" defaultValue={typeof q === "string" ? q : ""} className={input} />
        </Field>
        <Field label="Show">
          <select name="show" defaultValue={show} className={input}>
            <option value="all">Everyone</option>
            <option value="admins">Administrators</option>
            <option value="banned">Banned</option>
          </select>
        </Field>
        <button type="submit" className={primary}>Find</button>
      </form>
      <div className="overflow-x-auto">
        <table className={table}>
          <thead><tr><th scope="col">User</th><th scope="col">Role</th><th scope="col">Listings</th><th scope="col">Joined</th><th scope="col">State</th></tr></thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td><Link href={`/admin/users/${user.id}`} className="font-medium underline">{user.email}</Link>{user.name ? ` (${user.name})` : ""}</td>
                <td>{user.role === "ADMIN" ? "admin" : "member"}</td>
                <td>{user._count.memberships}</td>
                <td>{formatDate(user.createdAt)}</td>
                <td>{user.bannedAt ? `banned ${formatDate(user.bannedAt)}` : "active"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {users.length === 0 && <p className="text-stone-600 dark:text-stone-300">Nobody matches.</p>}
    </>
  );
}
