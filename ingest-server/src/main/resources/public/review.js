// The review page: the passages that need a person, their evidence and candidates, and the person's decisions.
"use strict";

(function () {
  const folder = document.getElementById("folder");
  const reason = document.getElementById("reason");
  const decided = document.getElementById("decided");
  const by = document.getElementById("by");
  const list = document.getElementById("passages");
  let audio = null;

  folder.value = wkmp.query("folder") || "";
  by.value = localStorage.getItem("wkmp-review-by") || "";
  by.addEventListener("change", () => localStorage.setItem("wkmp-review-by", by.value.trim()));

  function fmt(v, digits) {
    return v === null || v === undefined ? "–" : Number(v).toFixed(digits);
  }

  function table(head, rows) {
    const t = wkmp.el("table");
    const tr = wkmp.el("tr");
    head.forEach(h => tr.append(wkmp.el("th", h)));
    t.append(wkmp.el("thead"));
    t.tHead.append(tr);
    const body = wkmp.el("tbody");
    rows.forEach(r => body.append(r));
    t.append(body);
    return t;
  }

  function row(cells) {
    const tr = wkmp.el("tr");
    cells.forEach(c => {
      const td = wkmp.el("td");
      if (c instanceof Node) td.append(c); else td.textContent = c === null || c === undefined ? "" : String(c);
      tr.append(td);
    });
    return tr;
  }

  /**
   * Plays the passage's part of its file through the audio route: a media fragment (#t=start,end) names the range,
   * so the browser fetches and plays only that part; the element sits beside the button.
   */
  function play(p, button) {
    if (audio) { audio.pause(); audio.remove(); }
    const start = p.start_ticks / 28224000, end = p.end_ticks / 28224000;
    audio = new Audio("/segments/audio?path=" + encodeURIComponent(p.file) + "#t=" + start + "," + end);
    audio.hidden = true;
    button.after(audio);
    audio.addEventListener("loadedmetadata", () => { audio.currentTime = start; audio.play(); });
    audio.addEventListener("timeupdate", () => { if (audio.currentTime >= end) audio.pause(); });
    audio.addEventListener("play", () => { button.dataset.playing = "true"; });
    audio.addEventListener("pause", () => { button.dataset.playing = "false"; });
  }

  async function decide(p, action, body, box) {
    body.by = by.value.trim() || undefined;
    try {
      const after = await wkmp.api("POST", "/review/" + encodeURIComponent(p.passage) + "/" + action, body);
      box.replaceWith(card(after));
      wkmp.say("msg", "Decided: " + (after.title || after.file) + " – " + label(after.user_decision), "ok");
      recount();
    } catch (e) {
      const err = box.querySelector(".decide-error");
      wkmp.say(err.id, e.message, "error");
    }
  }

  function label(u) {
    return { ACCEPT: "accepted", CHOOSE: "recording chosen", UNIDENTIFIABLE: "not identifiable" }[u.action]
      + (u.recording_mbid ? " (" + u.recording_mbid + ")" : "");
  }

  function card(p) {
    const box = wkmp.el("section", null, "panel passage");
    box.dataset.passage = p.passage;
    const h = wkmp.el("h2");
    h.append(wkmp.el("span", p.decision, "state " + p.decision), document.createTextNode(" "),
      wkmp.el("span", p.title || "(no title)"), document.createTextNode(p.artist ? " – " + p.artist : ""));
    box.append(h);
    const where = wkmp.el("p");
    where.append(wkmp.el("strong", p.file), document.createTextNode(" " + p.start + " – " + p.end
      + (p.confidence === null || !p.breakdown.length ? "" : " · confidence " + fmt(p.confidence, 2))
      + (p.album ? " · album " + p.album : "")
      + (p.recording_mbid ? " · recording " + p.recording_mbid : "")));
    box.append(where);
    const controls = wkmp.el("div", null, "row");
    const playButton = wkmp.el("button", "▶ Play", "secondary small play");
    playButton.type = "button";
    playButton.addEventListener("click", () => play(p, playButton));
    controls.append(playButton);
    if (p.user_decision) {
      controls.append(wkmp.el("span", "Decided by " + p.user_decision.by + " at "
        + p.user_decision.at.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC") + ": " + label(p.user_decision), "decided"));
    }
    box.append(controls);

    if (p.breakdown.length) {
      box.append(wkmp.el("h3", "Evidence"));
      box.append(table(["Component", "Weight", "Value", "Reason"], p.breakdown.map(c =>
        row([c.name, c.weight === null ? "rule" : fmt(c.weight, 2), fmt(c.value, 2), c.reason]))));
    }
    if (p.reasons.length) {
      const ul = wkmp.el("ul", null, "reasons");
      p.reasons.forEach(r => ul.append(wkmp.el("li", r)));
      box.append(wkmp.el("h3", "Why"), ul);
    }
    if (p.candidates.length) {
      box.append(wkmp.el("h3", "Candidates"));
      box.append(table(["Recording", "Title", "Release, track", "Fingerprint", "Length difference (s)", ""],
        p.candidates.map(c => {
          const b = wkmp.el("button", "Accept", "small accept-candidate");
          b.type = "button";
          b.addEventListener("click", () => decide(p, "accept", { recording_mbid: c.recording_mbid }, box));
          return row([c.recording_mbid, c.title, [c.release_mbid, c.track_number ? "track " + c.track_number : null].filter(x => x).join(", ") || "–",
            fmt(c.fingerprint_score, 2), c.duration_delta_seconds === null ? "–" : (c.duration_delta_seconds > 0 ? "+" : "")
              + fmt(c.duration_delta_seconds, 1), b]);
        })));
    }

    const acts = wkmp.el("div", null, "row actions");
    if (p.recording_mbid) {
      const accept = wkmp.el("button", "Accept the proposed recording", "accept");
      accept.type = "button";
      accept.addEventListener("click", () => decide(p, "accept", {}, box));
      acts.append(accept);
    }
    const mbid = wkmp.el("input");
    mbid.placeholder = "MusicBrainz recording id";
    mbid.size = 38;
    mbid.className = "choose-mbid";
    mbid.setAttribute("aria-label", "MusicBrainz recording id to choose");
    const choose = wkmp.el("button", "Choose this recording", "secondary choose");
    choose.type = "button";
    choose.addEventListener("click", () => decide(p, "choose", { recording_mbid: mbid.value.trim() }, box));
    const none = wkmp.el("button", "Not identifiable", "danger unidentifiable");
    none.type = "button";
    none.addEventListener("click", () => decide(p, "unidentifiable", {}, box));
    acts.append(mbid, choose, none);
    box.append(acts);
    const err = wkmp.el("div", null, "message hidden decide-error");
    err.id = "err-" + p.passage;
    box.append(err);
    return box;
  }

  function query() {
    const q = new URLSearchParams();
    const f = folder.value.trim();
    if (f) q.set("folder", f);
    const ds = [...document.querySelectorAll("input[name=decision]:checked")].map(i => i.value);
    if (ds.length) q.set("decision", ds.join(","));
    if (reason.value.trim()) q.set("reason", reason.value.trim());
    if (decided.checked) q.set("decided", "true");
    return "/review?" + q.toString();
  }

  async function load() {
    wkmp.say("msg", "");
    try {
      const r = await wkmp.api("GET", query());
      document.getElementById("count").textContent = r.count;
      list.replaceChildren(...r.passages.map(card));
      if (!r.count) wkmp.say("msg", "Nothing needs review here.", "ok");
    } catch (e) {
      wkmp.say("msg", e.message, "error");
    }
  }

  /** The count of what still needs a person (a decided passage no longer does). */
  async function recount() {
    try {
      const q = new URL(query(), location.origin);
      q.searchParams.delete("decided");
      const r = await wkmp.api("GET", q.pathname + q.search);
      document.getElementById("count").textContent = r.count;
    } catch (e) { /* the list stays as it is */ }
  }

  document.getElementById("filters").addEventListener("submit", ev => { ev.preventDefault(); load(); });
  load();
})();
