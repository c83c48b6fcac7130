// The completion summary of an import session.
"use strict";

(async function () {
  const id = wkmp.query("session_id");
  if (!id) {
    wkmp.say("msg", "No session given; open this page from the progress page.", "error");
    return;
  }
  try {
    const s = await wkmp.api("GET", "/import/status/" + encodeURIComponent(id));
    const c = s.counts;
    document.getElementById("title").textContent = s.state === "COMPLETED" ? "Import complete" : "Import " + s.state.toLowerCase();
    wkmp.setState(document.getElementById("state"), s.state);
    document.getElementById("folder").textContent = s.folder || "the root folder";
    document.getElementById("duration").textContent = wkmp.seconds(s.elapsed_seconds);
    document.getElementById("found").textContent = s.progress.total;
    document.getElementById("processed").textContent = s.progress.current;
    document.getElementById("imported").textContent = c.imported;
    document.getElementById("unchanged").textContent = c.unchanged;
    document.getElementById("duplicate").textContent = c.duplicate;
    document.getElementById("failed").textContent = c.failed;
    document.getElementById("passages").textContent = c.passages_created;
    for (const k of ["accepted", "review", "rejected", "pending"]) document.getElementById(k).textContent = c[k];
    const list = document.getElementById("errors");
    s.errors.forEach(e => list.append(wkmp.issueItem(e)));
    document.getElementById("error-count").textContent = s.errors.length;
    await wkmp.reviewLink(document.getElementById("review-link"), s.folder);
  } catch (e) {
    wkmp.say("msg", e.message, "error");
  }
})();
