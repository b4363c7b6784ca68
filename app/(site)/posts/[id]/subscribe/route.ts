// A post page's subscribe form (lib/subscriptions/form.ts).
import { ZPostId } from "@/lib/posts/schemas";
import { answerSubscribeForm } from "@/lib/subscriptions/form";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = ZPostId.safeParse((await params).id);
  return answerSubscribeForm(request, id.success ? `/posts/${id.data}` : null);
}
