// Waveform segment editor: draws server-computed peaks, lets the user drag passage markers, plays regions, saves ticks.
"use strict";

(function () {
  const TICKS = 28224000;
  const FIELDS = [
    ["start_time_ticks", "b"], ["end_time_ticks", "b"], ["lead_in_start_ticks", "l"], ["lead_out_start_ticks", "l"],
    ["fade_in_start_ticks", "f"], ["fade_in_end_ticks", "f"], ["fade_out_start_ticks", "f"]];
  const COLORS = { b: "#ffd166", l: "#06d6a0", f: "#ef476f" };
  const path = wkmp.query("path");
  const canvas = document.getElementById("waveform");
  const ctx2d = canvas.getContext("2d");
  let file = null;
  let meta = null;
  let passages = [];
  let wave = null;
  let drag = null;
  let selected = 0;
  let stopAt = null;

  const duration = () => file.duration_ticks || (wave ? wave.end_ticks : 1);
  const toX = t => t / duration() * canvas.width;
  const toTicks = x => Math.max(0, Math.min(duration(), Math.round(x / canvas.width * duration())));
  const seconds = t => (t === null || t === undefined) ? "" : (t / TICKS).toFixed(3);

  async function loadFiles() {
    const data = await wkmp.api("GET", "/metadata/files?limit=5000");
    const select = document.getElementById("file-select");
    for (const f of data.files) {
      if (f.passage_count > 0) select.append(new Option(f.path + " (" + f.passage_count + ")", f.path, false, f.path === path));
    }
    select.addEventListener("change", () => {
      if (select.value) location.href = "/segment-editor?path=" + encodeURIComponent(select.value);
    });
  }

  async function load() {
    file = await wkmp.api("GET", "/segments?path=" + encodeURIComponent(path));
    passages = file.passages.map(p => ({ guid: p.guid, title: p.title, timing: Object.assign({}, p.timing) }));
    document.getElementById("file-name").textContent = file.path;
    document.getElementById("editor").classList.remove("hidden");
    canvas.width = Math.max(600, Math.round(canvas.clientWidth * (window.devicePixelRatio || 1)));
    wave = await wkmp.api("GET", "/segments/waveform?path=" + encodeURIComponent(path) + "&buckets=" + canvas.width);
    meta = await wkmp.api("GET", "/metadata/file?path=" + encodeURIComponent(path));
    renderTable();
    draw();
    showDetails(0);
    document.getElementById("canvas-wrap").dataset.ready = "true";
  }

  function draw() {
    const w = canvas.width, h = canvas.height, mid = h / 2;
    ctx2d.fillStyle = "#10151f";
    ctx2d.fillRect(0, 0, w, h);
    passages.forEach((p, i) => {
      ctx2d.fillStyle = i === selected ? "rgba(47,111,222,0.35)" : (i % 2 ? "rgba(255,255,255,0.08)" : "rgba(255,255,255,0.14)");
      ctx2d.fillRect(toX(p.timing.start_time_ticks), 0, toX(p.timing.end_time_ticks) - toX(p.timing.start_time_ticks), h);
    });
    if (wave && wave.buckets > 0) {
      ctx2d.strokeStyle = "#9fb3d9";
      ctx2d.beginPath();
      const span = wave.end_ticks - wave.start_ticks;
      for (let b = 0; b < wave.buckets; b++) {
        const x = toX(wave.start_ticks + span * (b + 0.5) / wave.buckets);
        ctx2d.moveTo(x, mid - wave.max[b] * mid * 0.95);
        ctx2d.lineTo(x, mid - wave.min[b] * mid * 0.95 + 1);
      }
      ctx2d.stroke();
    }
    passages.forEach((p, i) => {
      for (const [field, kind] of FIELDS) {
        const t = p.timing[field];
        if (t === null || t === undefined) continue;
        const x = Math.round(toX(t)) + 0.5;
        ctx2d.strokeStyle = COLORS[kind];
        ctx2d.lineWidth = kind === "b" ? 2 : 1.5;
        ctx2d.setLineDash(kind === "b" ? [] : (kind === "l" ? [6, 4] : [2, 3]));
        ctx2d.beginPath();
        ctx2d.moveTo(x, 0);
        ctx2d.lineTo(x, h);
        ctx2d.stroke();
      }
      ctx2d.setLineDash([]);
      ctx2d.fillStyle = "#fff";
      ctx2d.font = (12 * (window.devicePixelRatio || 1)) + "px system-ui";
      ctx2d.fillText(String(i + 1), toX(p.timing.start_time_ticks) + 4, 14 * (window.devicePixelRatio || 1));
    });
  }

  function renderTable() {
    const body = document.getElementById("passages");
    body.replaceChildren(...passages.map((p, i) => {
      const tr = document.createElement("tr");
      tr.className = i === selected ? "selected" : "";
      tr.append(wkmp.el("td", i + 1), wkmp.el("td", p.title || "(untitled)"));
      for (const [field] of FIELDS) {
        const td = document.createElement("td");
        const input = document.createElement("input");
        input.type = "text";
        input.id = "t-" + i + "-" + field;
        input.value = seconds(p.timing[field]);
        input.addEventListener("change", () => {
          const v = input.value.trim();
          p.timing[field] = v === "" ? null : Math.round(parseFloat(v) * TICKS);
          if (v !== "" && isNaN(p.timing[field])) { input.classList.add("invalid"); return; }
          input.classList.remove("invalid");
          changed();
        });
        td.append(input);
        tr.append(td);
      }
      const play = wkmp.el("button", "Play", "secondary");
      play.type = "button";
      play.id = "play-" + i;
      play.addEventListener("click", () => playRegion(p));
      const td = document.createElement("td");
      td.append(play);
      tr.append(td);
      tr.addEventListener("click", () => { if (selected !== i) { selected = i; renderTable(); draw(); showDetails(i); } });
      return tr;
    }));
  }

  function changed() {
    document.getElementById("dirty").textContent = "unsaved changes";
    draw();
  }

  function showDetails(i) {
    const p = meta && meta.passages.find(m => m.guid === passages[i].guid);
    if (!p) return;
    document.getElementById("details").classList.remove("hidden");
    document.getElementById("d-index").textContent = i + 1;
    document.getElementById("d-title").textContent = p.title || "(untitled)";
    document.getElementById("d-artist").textContent = p.artist || "–";
    document.getElementById("d-album").textContent = p.album || "–";
    document.getElementById("d-decision").textContent = p.identification.decision || "not assessed";
    document.getElementById("d-confidence").textContent = p.identification.confidence === null ? "–" : p.identification.confidence.toFixed(2);
    document.getElementById("d-mbid").textContent = p.recording_mbid || "–";
    document.getElementById("d-evidence").textContent = p.identification.evidence === null ? "no evidence stored"
      : JSON.stringify(p.identification.evidence, null, 2);
  }

  function canvasX(ev) {
    const r = canvas.getBoundingClientRect();
    return (ev.clientX - r.left) * canvas.width / r.width;
  }

  canvas.addEventListener("mousedown", ev => {
    const x = canvasX(ev);
    const reach = 8 * canvas.width / canvas.getBoundingClientRect().width;
    let best = null;
    passages.forEach((p, i) => {
      for (const [field] of FIELDS) {
        const t = p.timing[field];
        if (t === null || t === undefined) continue;
        const d = Math.abs(toX(t) - x);
        if (d <= reach && (!best || d < best.d)) best = { i, field, d };
      }
    });
    drag = best;
    if (best) { selected = best.i; ev.preventDefault(); }
  });
  canvas.addEventListener("mousemove", ev => {
    document.getElementById("cursor").textContent = "cursor at " + seconds(toTicks(canvasX(ev))) + " s";
  });
  canvas.addEventListener("mouseleave", () => { document.getElementById("cursor").innerHTML = "&nbsp;"; });
  window.addEventListener("mousemove", ev => {
    if (!drag) return;
    const x = canvasX(ev);
    passages[drag.i].timing[drag.field] = toTicks(x);
    document.getElementById("t-" + drag.i + "-" + drag.field).value = seconds(passages[drag.i].timing[drag.field]);
    changed();
  });
  window.addEventListener("mouseup", () => {
    if (drag) { const i = drag.i; drag = null; renderTable(); showDetails(i); draw(); }
  });

  function playRegion(p) {
    const player = document.getElementById("player");
    const src = "/segments/audio?path=" + encodeURIComponent(path);
    if (!player.src.endsWith(src)) player.src = src;
    stopAt = p.timing.end_time_ticks / TICKS;
    player.currentTime = p.timing.start_time_ticks / TICKS;
    player.play().catch(e => wkmp.say("save-msg", "Playback failed: " + e.message, "error"));
  }
  document.getElementById("player").addEventListener("timeupdate", ev => {
    if (stopAt !== null && ev.target.currentTime >= stopAt) { ev.target.pause(); stopAt = null; }
  });

  async function save() {
    try {
      const body = { passages: passages.map(p => Object.assign({ guid: p.guid }, p.timing)) };
      file = await wkmp.api("PUT", "/segments?path=" + encodeURIComponent(path), body);
      passages = file.passages.map(p => ({ guid: p.guid, title: p.title, timing: Object.assign({}, p.timing) }));
      renderTable();
      draw();
      document.getElementById("dirty").textContent = "";
      wkmp.say("save-msg", "Saved the timing of " + passages.length + " passage(s).", "ok");
    } catch (e) {
      wkmp.say("save-msg", "Not saved: " + e.message, "error");
    }
  }

  document.getElementById("save").addEventListener("click", save);
  document.getElementById("revert").addEventListener("click", () => { wkmp.say("save-msg", ""); load(); });
  loadFiles().catch(e => wkmp.say("msg", e.message, "error"));
  if (path) {
    load().catch(e => wkmp.say("msg", e.message, "error"));
  } else {
    wkmp.say("msg", "Choose a file to edit its passages.", "info");
  }
})();
