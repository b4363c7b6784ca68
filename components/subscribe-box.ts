// "Subscribe to <Blog>: Get updates delivered right to your inbox!" on a post or blog page, as
// markup. The form posts to the page's own `subscribe` route handler (lib/subscriptions/form.ts).
// With JavaScript, the page's small script sends it with fetch and puts the answer in place: the
// address stays in the field next to its error, or "Almost done" names it. Without JavaScript, the
// answer is a redirect back to the page, whose address then says how it went
// (`?subscription=pending`, or an error code).
import { SUBSCRIBER_EMAIL_ERRORS } from "@/lib/subscriptions/schemas";
import { html, type Html, trustedHtml } from "./html";

/** The errors the box can show, by the code the no-script redirect carries: the schema's, and a blog gone. */
export const SUBSCRIBE_ERRORS = { ...SUBSCRIBER_EMAIL_ERRORS, gone: "This blog is not listed any more." } as const;
export type SubscribeErrorCode = keyof typeof SUBSCRIBE_ERRORS;

/** How the box stands: untouched, recorded, or refused; the address when it is known. */
export type SubscribeState = { status: "idle" } | { status: "pending"; email?: string } | { status: "error"; code: SubscribeErrorCode; email?: string };

/** The state a post page's `subscription` query parameter names (the no-script answer); idle for anything else. */
export function subscribeStateOf(value: string | string[] | null | undefined): SubscribeState {
  if (value === "pending") return { status: "pending" };
  if (typeof value === "string" && Object.hasOwn(SUBSCRIBE_ERRORS, value)) return { status: "error", code: value as SubscribeErrorCode };
  return { status: "idle" };
}

/** The code of a refusal, from the schema's message (SUBSCRIBER_EMAIL_ERRORS, which the schema uses). */
export const subscribeErrorCode = (message: string | undefined): SubscribeErrorCode =>
  (Object.keys(SUBSCRIBE_ERRORS) as SubscribeErrorCode[]).find((code) => SUBSCRIBE_ERRORS[code] === message) ?? "invalid";

/** What the box shows under its title: the answer, or the form (with its error and the address to mend). */
export function subscribeBoxBody(blogId: string, page: string, state: SubscribeState): Html {
  if (state.status === "pending") {
    const whose = state.email ? html` for ${state.email}` : "";
    return html`<p role="status" tabindex="-1" class="mt-3 text-emerald-800 dark:text-emerald-300">Almost done: your subscription${whose} is recorded and starts once you confirm it from the e-mail we send you.</p>`;
  }
  const error = state.status === "error" ? SUBSCRIBE_ERRORS[state.code] : undefined;
  const described = error ? html` aria-describedby="subscribe-error"` : "";
  return html`<form method="post" action="${page}/subscribe" class="mt-3 flex flex-wrap gap-2" novalidate><input type="hidden" name="blogId" value="${blogId}"/><label for="subscribe-email" class="sr-only">Your e-mail address</label><input id="subscribe-email" name="email" type="email" autocomplete="email" required placeholder="you@example.com" aria-invalid="${error ? "true" : "false"}"${described} value="${state.status === "error" ? (state.email ?? "") : ""}" class="rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950 min-w-0 flex-1"/><button type="submit" class="rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 disabled:opacity-60">Subscribe</button>${error && html`<p id="subscribe-error" class="w-full text-sm text-red-700 dark:text-red-300">${error}</p>`}</form>`;
}

/**
 * Sends the form with fetch and puts the answer (`{ html }`, what goes under the title) in place; when
 * no answer comes (a refusal, no network), says so next to the field and leaves the address there.
 */
const SUBSCRIBE_SCRIPT = `addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("subscribe");
  if (!box) return;
  box.addEventListener("submit", function (event) {
    var form = event.target, button = form.querySelector("button");
    event.preventDefault();
    button.disabled = true;
    button.textContent = "Subscribing\\u2026";
    fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)), headers: { accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (typeof answer.html !== "string") throw new Error("no answer");
        var rest = document.createElement("template");
        rest.innerHTML = answer.html;
        box.replaceChildren(box.querySelector("h2"), rest.content);
        var next = box.querySelector("[aria-invalid=true], [role=status]");
        if (next) next.focus();
      })
      .catch(function () {
        button.disabled = false;
        button.textContent = "Subscribe";
        var note = form.querySelector("#subscribe-error") || form.appendChild(document.createElement("p"));
        note.id = "subscribe-error";
        note.className = "w-full text-sm text-red-700 dark:text-red-300";
        note.textContent = "Your subscription did not go through. Please try again.";
        form.querySelector("[name=email]").setAttribute("aria-describedby", "subscribe-error");
      });
  });
});`;

/** The subscribe box of a page (`page`: its path, under which its `subscribe` route is), with its script. */
export function subscribeBox(blog: { id: string; name: string }, page: string, state: SubscribeState, nonce: string): Html {
  return html`<section id="subscribe" aria-labelledby="subscribe-title" class="mt-8 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-700 dark:bg-stone-900"><h2 id="subscribe-title" class="text-lg font-semibold">Subscribe to ${blog.name}: Get updates delivered right to your inbox!</h2>${subscribeBoxBody(blog.id, page, state)}</section><script nonce="${nonce}">${trustedHtml(SUBSCRIBE_SCRIPT)}</script>`;
}
