import { html, type Html, trustedHtml } from "./html";
import { SHARE_STYLE } from "./share-style";

/**
 * "Copy link" and the share sheet, drawn by the page's own small script: they need JavaScript, so
 * neither is in the server's HTML (no dead buttons before or without it), and the share sheet only
 * where the browser has one (navigator.share: phones, Safari, Edge). The same script serves the
 * post page with React (members) and without it (visitors' documents, decision 010).
 */
const SHARE_SCRIPT = `addEventListener("DOMContentLoaded", function () {
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
export function shareSection(url: string, title: string, nonce: string): Html {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const targets = [
    { label: "E-mail", href: `mailto:?subject=${t}&body=${u}` },
    { label: "X", href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { label: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { label: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
  ];
  const links = targets.map((target) => html`<li><a href="${target.href}" rel="noopener" target="_blank" class="${SHARE_STYLE.button}">${target.label}</a></li>`);
  return html`<section aria-labelledby="share" class="mt-8" data-share-url="${url}" data-share-title="${title}"><h2 id="share" class="text-lg font-semibold">Share the post</h2><ul class="mt-2 flex flex-wrap gap-2">${links}</ul><script nonce="${nonce}">${trustedHtml(SHARE_SCRIPT)}</script></section>`;
}
