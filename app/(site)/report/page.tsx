import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ReportForm } from "@/components/report-form";
import { getReportTarget } from "@/lib/reports/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Report a problem", robots: { index: false } };

const ZTarget = z.object({
  blog: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(120),
  post: z.string().regex(/^[a-z0-9]{20,40}$/).optional(),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReportPage({ searchParams }: Props) {
  const parsed = ZTarget.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const target = await getReportTarget(parsed.data.blog, parsed.data.post);
  if (!target) notFound();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Report a problem</h1>
      <p className="text-stone-700 dark:text-stone-300">
        You are reporting {target.post ? <>the post “{target.post.title}” on </> : null}
        <Link href={`/blogs/${target.blog.slug}`} className="font-semibold underline">
          {target.blog.name}
        </Link>
        . Moderators read every report; copyright holders can ask for a takedown here too.
      </p>
      <ReportForm blogId={target.blog.id} postId={target.post?.id} />
    </div>
  );
}
