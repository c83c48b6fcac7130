// Shared helpers of the wkmp-ai pages. Text from the server is always set with textContent, never as HTML.
"use strict";

const wkmp = {
  /** fetch JSON; throws an Error carrying the server's error code and message. */
  async api(method, path, body) {
    const init = { method, headers: { "Accept": "application/json" } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const res = await fetch(path, init);
    if (res.status === 204) return null;
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (!res.ok) {
      const err = new Error((data && data.error && data.error.message) || ("HTTP " + res.status));
      err.code = data && data.error ? data.error.code : "HTTP_" + res.status;
      err.status = res.status;
      err.details = data && data.error;
      throw err;
    }
    return data;
  },

  /** Creates an element with text content and optional class. */
  el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  },

  /** Shows a message of kind error/ok/info in the element with id, or hides it when text is empty. */
  say(id, text, kind) {
    const box = document.getElementById(id);
    if (!box) return;
    box.textContent = text || "";
    box.className = "message " + (kind || "info") + (text ? "" : " hidden");
  },

  seconds(s) {
    if (s === null || s === undefined || s < 0) return "–";
    s = Math.round(s);
    const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = s % 60;
    return (h ? h + ":" + String(m).padStart(2, "0") : m) + ":" + String(sec).padStart(2, "0");
  },

  query(name) {
    return new URLSearchParams(location.search).get(name);
  },

  /** A list item for an import problem: code, file and message, all as text. */
  issueItem(e) {
    const li = wkmp.el("li", null, "sev-" + e.severity);
    li.append(wkmp.el("span", e.error_code, "code"), document.createTextNode(" "),
      wkmp.el("strong", e.file_path || "session"), document.createTextNode(": " + e.error_message
        + (e.severity ? " (" + e.severity.toLowerCase().replace("_", " ") + ")" : "")));
    return li;
  },

  /** Fills the page header: title and navigation. */
  header() {
    const top = document.getElementById("top");
    if (!top) return;
    const nav = document.createElement("nav");
    for (const [href, text] of [["/", "Import"], ["/import-progress", "Progress"], ["/segment-editor", "Segment editor"],
      ["/review-passages", "Review"],
      ["http://localhost:5720", "wkmp-ui"]]) {
      const a = wkmp.el("a", text);
      a.href = href;
      nav.append(a);
    }
    top.replaceChildren(wkmp.el("h1", "WKMP Audio Ingest"), nav);
  },

  /** Shows {@code a} as "N passages need review", linking the review page for {@code folder}, when any do. */
  async reviewLink(a, folder) {
    const q = folder ? "?folder=" + encodeURIComponent(folder) : "";
    let r;
    try {
      r = await wkmp.api("GET", "/review" + q);
    } catch (e) {
      return;
    }
    if (!r.count) return;
    a.textContent = r.count + (r.count === 1 ? " passage needs review" : " passages need review");
    a.href = "/review-passages" + q;
    a.classList.remove("hidden");
  },

  setState(el, state) {
    el.textContent = state || "UNKNOWN";
    el.className = "state " + (state || "");
  },
};

wkmp.header();
