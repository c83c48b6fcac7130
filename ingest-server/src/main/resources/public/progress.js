// Live import progress: SSE with catch-up (Last-Event-ID), polling fallback, cancel, AcoustID prompt.
"use strict";

(function () {
  let sessionId = wkmp.query("session_id");
  let source = null;
  let pollTimer = null;
  let finished = false;
  const seenErrors = new Set();

  function render(s) {
    document.getElementById("folder").textContent = s.folder || "the root folder";
    wkmp.setState(document.getElementById("state"), s.state);
    document.getElementById("bar").value = s.progress.percentage;
    document.getElementById("files").textContent = s.progress.current + " of " + s.progress.total + " files done ("
      + s.progress.percentage.toFixed(1) + " %)";
    document.getElementById("operation").textContent = s.current_operation || "";
    document.getElementById("rate").textContent = s.rate_per_second.toFixed(2);
    document.getElementById("eta").textContent = s.terminal || s.state === "PAUSED" ? "–" : wkmp.seconds(s.estimated_remaining_seconds);
    document.getElementById("elapsed").textContent = wkmp.seconds(s.elapsed_seconds);
    // the file counts add up to the files done; the passage counts to the passages this import decided on
    for (const id of ["imported", "unchanged", "duplicate", "failed", "accepted", "review", "rejected", "pending"]) {
      document.getElementById(id).textContent = s.counts[id];
    }
    document.getElementById("passages").textContent = s.counts.passages_created;
    const still = s.counts.still_pending;
    document.getElementById("still-pending").textContent = still === null || still === undefined ? ""
      : still + " passage(s) of this folder still wait for identification (a later import with AcoustID finishes them).";
    renderWorkers(s.workers || []);
    (s.errors || []).forEach(addError);
    const paused = s.state === "PAUSED";
    document.getElementById("paused").classList.toggle("hidden", !paused);
    if (paused) document.getElementById("pause-reason").textContent = s.pause_reason || "";
    if (s.terminal) done(s.state);
  }

  function renderWorkers(workers) {
    const body = document.getElementById("workers");
    body.replaceChildren(...workers.map(w => {
      const tr = document.createElement("tr");
      tr.append(wkmp.el("td", "#" + w.worker_id), wkmp.el("td", w.file_path || "idle"), wkmp.el("td", w.stage || "–"),
        wkmp.el("td", w.elapsed_ms === null || !w.file_path ? "–" : (w.elapsed_ms / 1000).toFixed(1) + " s", "num"));
      return tr;
    }));
  }

  function addError(e) {
    const key = [e.file_path, e.error_code, e.error_message, e.occurred_at || e.timestamp].join("|");
    if (seenErrors.has(key)) return;
    seenErrors.add(key);
    document.getElementById("errors").append(wkmp.issueItem(e));
    document.getElementById("error-count").textContent = seenErrors.size;
  }

  function done(state) {
    if (finished) return;
    finished = true;
    if (source) source.close();
    if (pollTimer) clearInterval(pollTimer);
    document.getElementById("cancel").disabled = true;
    document.getElementById("connection").textContent = "Import " + state.toLowerCase() + ".";
    const link = document.getElementById("summary-link");
    link.href = "/import-complete?session_id=" + encodeURIComponent(sessionId);
    link.classList.remove("hidden");
  }

  async function poll() {
    try {
      render(await wkmp.api("GET", "/import/status/" + encodeURIComponent(sessionId)));
    } catch (e) {
      if (e.code === "UNKNOWN_SESSION") unknown();
      else wkmp.say("msg", e.message, "error");
    }
  }

  /** The server does not know this session (a mistyped link, or a server restarted since): say so and stop. */
  function unknown() {
    finished = true;
    if (source) source.close();
    if (pollTimer) clearInterval(pollTimer);
    pollTimer = null;
    document.getElementById("cancel").disabled = true;
    wkmp.setState(document.getElementById("state"), "UNKNOWN");
    document.getElementById("connection").textContent = "";
    wkmp.say("msg", "This server knows no import session " + sessionId
      + " (it may have run before the server was restarted). Its results, if any, are in the database.", "error");
    document.getElementById("start-link").classList.remove("hidden");
  }

  function connect() {
    // EventSource resends Last-Event-ID on its own reconnects; the server replays what was missed.
    source = new EventSource("/events?session_id=" + encodeURIComponent(sessionId));
    source.addEventListener("open", () => {
      document.getElementById("connection").textContent = "live";
      if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
    });
    source.addEventListener("progress", ev => render(JSON.parse(ev.data).status));
    source.addEventListener("state_changed", ev => {
      const d = JSON.parse(ev.data);
      wkmp.setState(document.getElementById("state"), d.new_state);
      if (d.new_state === "PAUSED") poll();
    });
    // file problems: never named "error", which is how EventSource reports a broken connection (below)
    source.addEventListener("file_problem", ev => addError(JSON.parse(ev.data)));
    source.addEventListener("completed", ev => render(JSON.parse(ev.data).status));
    source.onerror = () => {
      if (finished) return;
      document.getElementById("connection").textContent = "reconnecting…";
      if (!pollTimer) pollTimer = setInterval(poll, 2000);
    };
  }

  async function cancel() {
    if (!confirm("Cancel this import? Files already imported stay imported.")) return;
    try {
      render(await wkmp.api("POST", "/import/cancel/" + encodeURIComponent(sessionId)));
    } catch (e) {
      wkmp.say("msg", e.message, "error");
    }
  }

  async function submitKey() {
    try {
      await wkmp.api("POST", "/acoustid/key", { api_key: document.getElementById("pause-key").value.trim(), session_id: sessionId });
      document.getElementById("pause-key").value = "";
      wkmp.say("pause-msg", "Key accepted; the import goes on.", "ok");
      poll();
    } catch (e) {
      wkmp.say("pause-msg", e.message, "error");
    }
  }

  async function skip() {
    try {
      await wkmp.api("POST", "/acoustid/skip", { session_id: sessionId });
      wkmp.say("pause-msg", "AcoustID skipped for this import.", "info");
      poll();
    } catch (e) {
      wkmp.say("pause-msg", e.message, "error");
    }
  }

  async function init() {
    if (!sessionId) {
      const active = await wkmp.api("GET", "/import/active");
      if (!active) {
        document.getElementById("none").classList.remove("hidden");
        document.getElementById("session").classList.add("hidden");
        return;
      }
      sessionId = active.session_id;
      history.replaceState(null, "", "/import-progress?session_id=" + encodeURIComponent(sessionId));
    }
    await poll();
    if (!finished) connect();
  }

  document.getElementById("cancel").addEventListener("click", cancel);
  document.getElementById("pause-submit").addEventListener("click", submitKey);
  document.getElementById("pause-skip").addEventListener("click", skip);
  init().catch(e => wkmp.say("msg", e.message, "error"));
})();
