// A blog page's subscribe form (lib/subscriptions/form.ts).
import { ZListingSlug } from "@/lib/listings/schemas";
import { answerSubscribeForm } from "@/lib/subscriptions/form";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = ZListingSlug.safeParse((await params).slug);
  return answerSubscribeForm(request, slug.success ? `/blogs/${slug.data}` : null);
}
