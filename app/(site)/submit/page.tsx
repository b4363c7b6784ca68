import type { Metadata } from "next";
import { SubmitBlogForm } from "@/components/submit-blog-form";
import { requireUser } from "@/lib/auth/guards";
import { getCategoryOptions } from "@/lib/categories/queries";

export const metadata: Metadata = { title: "List your blog", robots: { index: false } };

export default async function SubmitPage() {
  await requireUser("/submit");
  const categories = await getCategoryOptions();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">List your blog</h1>
      <p className="text-stone-600 dark:text-stone-300">
        Give us your blog&apos;s address (or its feed&apos;s). We read its feed, show you what we would list, and a moderator looks at it before it
        goes live. Every post we mirror credits you and links to the original.
      </p>
      <SubmitBlogForm categories={categories} />
    </div>
  );
}
