import { headers } from "next/headers";
import { ShareActions } from "./share-actions";
import { SHARE_STYLE } from "./share-style";

/**
 * "Copy link" and the share sheet for a post page served as a document, without React on the
 * client (lib/page-cache/document-mode.ts): the same controls as ShareActions, built by hand. It
 * stands aside when React is on the page (a member's page, a client-side navigation), where
 * ShareActions does the work.
 */
const DOCUMENT_SHARE_SCRIPT = `addEventListener("DOMContentLoaded", function () {
  if (self.__next_f) return;
  var section = document.querySelector("[data-share-url]");
  if (!section) return;
  var url = section.getAttribute("data-share-url"), title = section.getAttribute("data-share-title");
  var row = document.createElement("div");
  row.className = ${JSON.stringify(SHARE_STYLE.row)};
  var status = document.createElement("span");
  status.setAttribute("role", "status");
  status.className = ${JSON.stringify(SHARE_STYLE.status)};
  function add(label, onClick) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = ${JSON.stringify(SHARE_STYLE.button)};
    button.textContent = label;
    button.addEventListener("click", onClick);
    row.appendChild(button);
  }
  add("Copy link", function () {
    Promise.resolve().then(function () { return navigator.clipboard.writeText(url); }).then(function () {
      status.textContent = "Link copied.";
    }, function () {
      var label = document.createElement("label");
      var input = document.createElement("input");
      label.textContent = "Copy this address: ";
      input.readOnly = true;
      input.value = url;
      input.className = ${JSON.stringify(SHARE_STYLE.input)};
      input.addEventListener("focus", function () { input.select(); });
      label.appendChild(input);
      status.replaceChildren(label);
    });
  });
  if (typeof navigator.share === "function") add("Share\\u2026", function () { navigator.share({ title: title, url: url }).catch(function () {}); });
  row.appendChild(status);
  section.appendChild(row);
});`;

/** "Share the post": links that work without JavaScript, then copy link and the share sheet where there is JavaScript. */
export async function ShareLinks({ url, title }: { url: string; title: string }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const targets = [
    { label: "E-mail", href: `mailto:?subject=${t}&body=${u}` },
    { label: "X", href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { label: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { label: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
  ];
  return (
    <section aria-labelledby="share" className="mt-8" data-share-url={url} data-share-title={title}>
      <h2 id="share" className="text-lg font-semibold">
        Share the post
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {targets.map((target) => (
          <li key={target.label}>
            <a href={target.href} rel="noopener" target="_blank" className={SHARE_STYLE.button}>
              {target.label}
            </a>
          </li>
        ))}
      </ul>
      <ShareActions url={url} title={title} />
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: DOCUMENT_SHARE_SCRIPT }} />
    </section>
  );
}
