// Waveform segment editor: draws server-computed peaks of the part of the file in view (zoom and scroll), lets the
// user drag passage markers, plays regions, saves ticks. Times are shown and entered as m:ss.mmm.
"use strict";

(function () {
  const TICKS = 28224000;
  const FIELDS = [
    ["start_time_ticks", "b"], ["end_time_ticks", "b"], ["lead_in_start_ticks", "l"], ["lead_out_start_ticks", "l"],
    ["fade_in_start_ticks", "f"], ["fade_in_end_ticks", "f"], ["fade_out_start_ticks", "f"]];
  const COLORS = { b: "#ffd166", l: "#06d6a0", f: "#ef476f" };
  // each kind of marker has its handle in its own band of the waveform: where markers share a position, the band
  // the pointer is in says which one to take (a boundary takes the points that coincide with it along)
  const BANDS = { b: 0, l: 1, f: 2 };
  const PAD_CSS = 12; // px left and right of the file, so markers at its very start and end can be grabbed
  const MIN_SPAN = TICKS / 2; // the closest zoom: half a second across the waveform
  const path = wkmp.query("path");
  const canvas = document.getElementById("waveform");
  const wrap = document.getElementById("canvas-wrap");
  const ctx2d = canvas.getContext("2d");
  let file = null;
  let meta = null;
  let passages = [];
  let wave = null;
  let waveLoading = null, waveAgain = false; // the waveform request in flight, and whether the view moved since
  let view = { start: 0, end: 1 };
  let drag = null;
  let selected = 0;
  let stopAt = null;

  const dpr = () => window.devicePixelRatio || 1;
  const pad = () => PAD_CSS * canvas.width / (canvas.getBoundingClientRect().width || canvas.width);
  const duration = () => file.duration_ticks || (wave ? wave.end_ticks : 1);
  const toX = t => pad() + (t - view.start) / (view.end - view.start) * (canvas.width - 2 * pad());
  const toTicks = x => Math.max(0, Math.min(duration(),
    Math.round(view.start + (x - pad()) / (canvas.width - 2 * pad()) * (view.end - view.start))));
  const copy = p => ({ guid: p.guid, title: p.title, timing: Object.assign({}, p.timing) });

  /** m:ss.mmm (h:mm:ss.mmm from an hour), as the server's messages give times. */
  function fmt(t) {
    if (t === null || t === undefined) return "";
    const ms = Math.round(t / (TICKS / 1000));
    const h = Math.floor(ms / 3600000), m = Math.floor(ms / 60000) % 60, s = Math.floor(ms / 1000) % 60;
    const rest = String(s).padStart(2, "0") + "." + String(ms % 1000).padStart(3, "0");
    return h ? h + ":" + String(m).padStart(2, "0") + ":" + rest : m + ":" + rest;
  }

  /** Ticks from m:ss.mmm, h:mm:ss.mmm or plain seconds; null for an empty text; NaN when it is not a time. */
  function parse(text) {
    const v = text.trim();
    if (v === "") return null;
    const m = /^(?:(?:(\d+):)?(\d+):)?(\d+(?:\.\d{0,3})?)$/.exec(v);
    if (!m) return NaN;
    const seconds = (Number(m[1] || 0) * 60 + Number(m[2] || 0)) * 60 + Number(m[3]);
    if (m[2] !== undefined && Number(m[3]) >= 60) return NaN;
    if (m[1] !== undefined && Number(m[2]) >= 60) return NaN;
    return Math.round(seconds * 1000) * (TICKS / 1000);
  }

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
    passages = file.passages.map(copy);
    document.getElementById("file-name").textContent = file.path;
    document.getElementById("editor").classList.remove("hidden");
    canvas.width = Math.max(600, Math.round(canvas.clientWidth * dpr()));
    view = { start: 0, end: duration() };
    await loadWave();
    meta = await wkmp.api("GET", "/metadata/file?path=" + encodeURIComponent(path));
    renderTable();
    showView();
    showDetails(0);
    wrap.dataset.ready = "true";
  }

  /**
   * Fetches the peaks of the part in view, one bucket per pixel. At most one request is in flight: views asked for
   * meanwhile (wheel, scroll, zoom) are folded into one more request for the latest view, and an answer for a view
   * since left is not drawn. Resolves when the latest view's peaks are drawn.
   */
  function loadWave() {
    if (waveLoading) {
      waveAgain = true;
      return waveLoading;
    }
    waveLoading = (async () => {
      try {
        do {
          waveAgain = false;
          const start = Math.floor(view.start), end = Math.ceil(view.end);
          const buckets = Math.max(1, Math.round(canvas.width - 2 * pad()));
          const w = await wkmp.api("GET", "/segments/waveform?path=" + encodeURIComponent(path) + "&buckets=" + buckets
            + "&start_ticks=" + start + "&end_ticks=" + end);
          if (!waveAgain) {
            wave = w;
            wrap.dataset.wave = w.start_ticks + "-" + w.end_ticks;
            draw();
          }
        } while (waveAgain);
      } finally {
        waveLoading = null;
      }
    })();
    return waveLoading;
  }

  function draw() {
    const w = canvas.width, h = canvas.height, mid = h / 2;
    ctx2d.fillStyle = "#10151f";
    ctx2d.fillRect(0, 0, w, h);
    ctx2d.fillStyle = "#1b2230"; // outside the file
    ctx2d.fillRect(0, 0, Math.max(0, toX(0)), h);
    ctx2d.fillRect(toX(duration()), 0, w, h);
    passages.forEach((p, i) => {
      ctx2d.fillStyle = i === selected ? "rgba(47,111,222,0.35)" : (i % 2 ? "rgba(255,255,255,0.08)" : "rgba(255,255,255,0.14)");
      ctx2d.fillRect(toX(p.timing.start_time_ticks), 0, toX(p.timing.end_time_ticks) - toX(p.timing.start_time_ticks), h);
    });
    if (wave && wave.buckets > 0) {
      ctx2d.strokeStyle = "#9fb3d9";
      ctx2d.lineWidth = 1;
      ctx2d.beginPath();
      const span = wave.end_ticks - wave.start_ticks;
      for (let b = 0; b < wave.buckets; b++) {
        const x = toX(wave.start_ticks + span * (b + 0.5) / wave.buckets);
        if (x < 0 || x > w) continue;
        ctx2d.moveTo(x, mid - wave.max[b] * mid * 0.95);
        ctx2d.lineTo(x, mid - wave.min[b] * mid * 0.95 + 1);
      }
      ctx2d.stroke();
    }
    const band = h / 3, handle = 10 * dpr();
    passages.forEach((p, i) => {
      for (const [field, kind] of FIELDS) {
        const t = p.timing[field];
        if (t === null || t === undefined) continue;
        const x = Math.round(toX(t)) + 0.5;
        if (x < -handle || x > w + handle) continue;
        ctx2d.strokeStyle = COLORS[kind];
        ctx2d.lineWidth = kind === "b" ? 2 : 1.5;
        ctx2d.setLineDash(kind === "b" ? [] : (kind === "l" ? [6, 4] : [2, 3]));
        ctx2d.beginPath();
        ctx2d.moveTo(x, 0);
        ctx2d.lineTo(x, h);
        ctx2d.stroke();
        // the handle in the marker's band, on the inner side of the passage
        const inward = field.startsWith("start") || field.startsWith("lead_in") || field.startsWith("fade_in") ? 1 : -1;
        ctx2d.fillStyle = COLORS[kind];
        ctx2d.fillRect(inward > 0 ? x : x - handle, BANDS[kind] * band + band / 2 - handle / 2, handle, handle);
      }
      ctx2d.setLineDash([]);
      ctx2d.fillStyle = "#fff";
      ctx2d.font = (12 * dpr()) + "px system-ui";
      ctx2d.fillText(String(i + 1), toX(p.timing.start_time_ticks) + 4, 14 * dpr());
    });
  }

  function renderTable() {
    const body = document.getElementById("passages");
    const rows = [];
    passages.forEach((p, i) => {
      const head = document.createElement("tr");
      head.className = "passage-head" + (i === selected ? " selected" : "");
      const cell = wkmp.el("td");
      cell.colSpan = FIELDS.length;
      const play = wkmp.el("button", "Play", "secondary small");
      play.type = "button";
      play.id = "play-" + i;
      play.addEventListener("click", () => playRegion(p));
      cell.append(wkmp.el("strong", (i + 1) + ". "), document.createTextNode(p.title || "(untitled)"), document.createTextNode(" "), play);
      head.append(cell);
      const tr = document.createElement("tr");
      tr.className = i === selected ? "selected" : "";
      for (const [field] of FIELDS) {
        const td = document.createElement("td");
        const input = document.createElement("input");
        input.type = "text";
        input.id = "t-" + i + "-" + field;
        input.value = fmt(p.timing[field]);
        input.placeholder = field === "start_time_ticks" || field === "end_time_ticks" ? "m:ss.mmm" : "none";
        input.setAttribute("aria-label", "Passage " + (i + 1) + " " + document.getElementById("h-" + field).textContent);
        input.addEventListener("change", () => {
          const t = parse(input.value);
          if (Number.isNaN(t)) {
            setError(i, field, "Not a time: use m:ss.mmm, e.g. 1:02.500");
            return;
          }
          setError(i, field, "");
          p.timing[field] = t;
          input.value = fmt(t);
          changed();
        });
        const err = wkmp.el("div", "", "field-error hidden");
        err.id = "e-" + i + "-" + field;
        td.append(input, err);
        tr.append(td);
      }
      const select = () => { if (selected !== i) { selected = i; renderTable(); draw(); showDetails(i); } };
      head.addEventListener("click", select);
      tr.addEventListener("click", select);
      rows.push(head, tr);
    });
    body.replaceChildren(...rows);
  }

  /** Shows (or with an empty text clears) a message under the field of passage i. */
  function setError(i, field, text) {
    const input = document.getElementById("t-" + i + "-" + field);
    const err = document.getElementById("e-" + i + "-" + field);
    if (!input || !err) return;
    input.classList.toggle("invalid", !!text);
    err.textContent = text;
    err.classList.toggle("hidden", !text);
  }

  function clearErrors() {
    document.querySelectorAll("#passages .field-error").forEach(e => { e.textContent = ""; e.classList.add("hidden"); });
    document.querySelectorAll("#passages input.invalid").forEach(e => e.classList.remove("invalid"));
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

  // ---- zoom and scroll

  function setView(start, span) {
    const dur = duration();
    span = Math.max(Math.min(MIN_SPAN, dur), Math.min(dur, span));
    start = Math.max(0, Math.min(dur - span, start));
    view = { start, end: start + span };
    showView();
    draw();
    loadWave().catch(e => wkmp.say("msg", e.message, "error"));
  }

  function zoom(factor, centerTicks) {
    const span = view.end - view.start;
    const center = centerTicks === undefined ? (view.start + view.end) / 2 : centerTicks;
    const next = span / factor;
    setView(center - (center - view.start) * next / span, next);
  }

  function showView() {
    const dur = duration(), span = view.end - view.start;
    document.getElementById("view-range").textContent = fmt(view.start) + " – " + fmt(view.end)
      + (span < dur ? " (zoomed ×" + (dur / span).toFixed(1) + ")" : " (whole file)");
    const scroll = document.getElementById("scroll");
    scroll.disabled = span >= dur;
    scroll.value = span >= dur ? 0 : Math.round(view.start / (dur - span) * 1000);
    document.getElementById("zoom-out").disabled = span >= dur;
    document.getElementById("zoom-all").disabled = span >= dur;
    document.getElementById("zoom-in").disabled = span <= MIN_SPAN;
  }

  document.getElementById("zoom-in").addEventListener("click", () => zoom(2));
  document.getElementById("zoom-out").addEventListener("click", () => zoom(0.5));
  document.getElementById("zoom-all").addEventListener("click", () => setView(0, duration()));
  document.getElementById("scroll").addEventListener("input", ev => {
    const span = view.end - view.start;
    setView(Number(ev.target.value) / 1000 * (duration() - span), span);
  });
  canvas.addEventListener("wheel", ev => {
    if (!file) return;
    ev.preventDefault();
    const span = view.end - view.start;
    if (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
      setView(view.start + (ev.deltaX || ev.deltaY) / canvas.getBoundingClientRect().width * span, span);
    } else {
      zoom(ev.deltaY < 0 ? 1.25 : 0.8, toTicks(canvasX(ev)));
    }
  }, { passive: false });

  // ---- dragging markers

  function canvasX(ev) {
    const r = canvas.getBoundingClientRect();
    return (ev.clientX - r.left) * canvas.width / r.width;
  }

  function canvasBand(ev) {
    const r = canvas.getBoundingClientRect();
    return Math.min(2, Math.max(0, Math.floor((ev.clientY - r.top) / r.height * 3)));
  }

  canvas.addEventListener("mousedown", ev => {
    if (!file) return;
    const x = canvasX(ev), band = canvasBand(ev);
    const reach = 8 * canvas.width / canvas.getBoundingClientRect().width;
    let best = null;
    passages.forEach((p, i) => {
      for (const [field, kind] of FIELDS) {
        const t = p.timing[field];
        if (t === null || t === undefined) continue;
        const d = Math.abs(toX(t) - x);
        if (d > reach) continue;
        // a marker in the pointer's band wins over a nearer one in another band
        const rank = (BANDS[kind] === band ? 0 : 1) * 1e6 + d;
        if (!best || rank < best.rank) best = { i, field, kind, rank };
      }
    });
    if (!best) return;
    const timing = passages[best.i].timing, at = timing[best.field];
    // a boundary takes the points of its passage that sit on it along (the lead-in and fade-in on the start)
    const along = best.kind === "b"
      ? FIELDS.map(([f]) => f).filter(f => f !== best.field && timing[f] === at && !(f.endsWith("time_ticks"))) : [];
    drag = { i: best.i, field: best.field, along };
    selected = best.i;
    ev.preventDefault();
  });
  canvas.addEventListener("mousemove", ev => {
    if (!file) return;
    document.getElementById("cursor").textContent = "cursor at " + fmt(toTicks(canvasX(ev)));
  });
  canvas.addEventListener("mouseleave", () => { document.getElementById("cursor").innerHTML = "&nbsp;"; });
  window.addEventListener("mousemove", ev => {
    if (!drag) return;
    const t = toTicks(canvasX(ev));
    const timing = passages[drag.i].timing;
    for (const f of [drag.field, ...drag.along]) {
      timing[f] = t;
      setError(drag.i, f, "");
      document.getElementById("t-" + drag.i + "-" + f).value = fmt(t);
    }
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
    clearErrors();
    wkmp.say("save-msg", "");
    try {
      const body = { passages: passages.map(p => Object.assign({ guid: p.guid }, p.timing)) };
      file = await wkmp.api("PUT", "/segments?path=" + encodeURIComponent(path), body);
      passages = file.passages.map(copy);
      renderTable();
      draw();
      document.getElementById("dirty").textContent = "";
      wkmp.say("save-msg", "Saved the timing of " + passages.length + " passage(s).", "ok");
    } catch (e) {
      const at = e.details && e.details.passage ? passages.findIndex(p => p.guid === e.details.passage) : -1;
      if (at >= 0 && e.details.field) setError(at, e.details.field, e.message);
      wkmp.say("save-msg", "Not saved: " + (at >= 0 ? "passage " + (at + 1) + ": " : "") + e.message, "error");
    }
  }

  /** Back to the timing last loaded or saved, at once (the waveform stays). */
  function revert() {
    if (!file) return;
    passages = file.passages.map(copy);
    clearErrors();
    renderTable();
    draw();
    document.getElementById("dirty").textContent = "";
    wkmp.say("save-msg", "");
  }

  document.getElementById("save").addEventListener("click", save);
  document.getElementById("revert").addEventListener("click", revert);
  loadFiles().catch(e => wkmp.say("msg", e.message, "error"));
  if (path) {
    load().catch(e => wkmp.say("msg", e.message, "error"));
  } else {
    wkmp.say("msg", "Choose a file to edit its passages.", "info");
  }
})();
