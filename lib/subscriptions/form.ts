// The answer to a page's subscribe form (components/subscribe-box.ts), posted to the page's own
// `subscribe` route: a post's or a blog's. Its script asks for JSON and puts the answer's markup in
// place; a browser without script follows a redirect back to the page, whose address names the
// answer. A cross-site post is refused and changes nothing (security.md 15).
import "server-only";
import { htmlText } from "@/components/html";
import { subscribeBoxBody, subscribeErrorCode, type SubscribeState } from "@/components/subscribe-box";
import { isSameOrigin } from "@/lib/auth/sign-in-requests";
import { subscribe } from "./actions";
import { ZSubscribe } from "./schemas";

async function stateOf(form: FormData): Promise<SubscribeState> {
  const parsed = ZSubscribe.safeParse({ blogId: form.get("blogId"), email: form.get("email") });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // The address comes back with its error, to be mended, not retyped.
    return { status: "error", code: issue?.path[0] === "blogId" ? "gone" : subscribeErrorCode(issue?.message), email: String(form.get("email") ?? "") };
  }
  const result = await subscribe(parsed.data.blogId, parsed.data.email);
  return result.ok ? { status: "pending", email: parsed.data.email } : { status: "error", code: "gone", email: parsed.data.email };
}

/** Answers the form posted from `page`: a path of this site built from a checked parameter, or null when the parameter names no page (404). */
export async function answerSubscribeForm(request: Request, page: string | null): Promise<Response> {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  if (!isSameOrigin(request)) return wantsJson ? Response.json({ error: "cross-site request refused" }, { status: 403 }) : new Response("Cross-site request refused.", { status: 403 });
  if (page === null) return new Response("No such page.", { status: 404 });
  const form = await request.formData().catch(() => new FormData());
  const state = await stateOf(form);
  // A refused address is the form's answer, not a failed request: 200, as a server action answers.
  if (wantsJson) return Response.json({ html: htmlText(subscribeBoxBody(String(form.get("blogId") ?? ""), page, state)) });
  const answer = state.status === "pending" ? "pending" : state.status === "error" ? state.code : "";
  return new Response(null, { status: 303, headers: { location: `${page}?subscription=${answer}#subscribe` } });
}
