// The completion summary of an import session.
"use strict";

/** "5 passages need review", linking the review page for the imported folder, when any do. */
async function reviewLink(folder) {
  const q = folder ? "?folder=" + encodeURIComponent(folder) : "";
  let r;
  try {
    r = await wkmp.api("GET", "/review" + q);
  } catch (e) {
    return;
  }
  if (!r.count) return;
  const a = document.getElementById("review-link");
  a.textContent = r.count + (r.count === 1 ? " passage needs review" : " passages need review");
  a.href = "/review-passages" + q;
  a.classList.remove("hidden");
}

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
    await reviewLink(s.folder);
  } catch (e) {
    wkmp.say("msg", e.message, "error");
  }
})();
