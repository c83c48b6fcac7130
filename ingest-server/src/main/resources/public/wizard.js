// The import wizard: folder, AcoustID key, parameters, start.
"use strict";

(function () {
  const changed = {};
  let browsePath = ".";

  async function loadFolders(path) {
    try {
      const data = await wkmp.api("GET", "/folders?path=" + encodeURIComponent(path));
      browsePath = data.path || ".";
      document.getElementById("root-name").textContent = data.root;
      document.getElementById("browse-path").textContent = browsePath || ".";
      const list = document.getElementById("folders");
      list.replaceChildren();
      if (data.folders.length === 0) list.append(wkmp.el("li", "(no sub-folders)", "muted"));
      for (const name of data.folders) {
        const li = wkmp.el("li", name + "/");
        li.dataset.folder = (data.path ? data.path + "/" : "") + name;
        li.addEventListener("click", () => {
          document.getElementById("folder").value = li.dataset.folder;
          loadFolders(li.dataset.folder);
        });
        list.append(li);
      }
      wkmp.say("folder-msg", "");
    } catch (e) {
      wkmp.say("folder-msg", e.message, "error");
    }
  }

  async function loadAcoustId() {
    const state = await wkmp.api("GET", "/acoustid/key");
    document.getElementById("acoustid-state").textContent = state.configured ? "key configured" : "no key set";
  }

  async function saveKey() {
    const key = document.getElementById("acoustid-key").value.trim();
    try {
      await wkmp.api("POST", "/acoustid/key", { api_key: key });
      document.getElementById("acoustid-key").value = "";
      wkmp.say("acoustid-msg", "The key was accepted by AcoustID and saved.", "ok");
      loadAcoustId();
    } catch (e) {
      wkmp.say("acoustid-msg", e.message, "error");
    }
  }

  function paramRow(p) {
    const tr = document.createElement("tr");
    const name = wkmp.el("td");
    name.append(wkmp.el("div", p.key), wkmp.el("div", p.description, "desc"));
    const valueCell = wkmp.el("td");
    let input;
    if (p.kind === "BOOLEAN") {
      input = document.createElement("select");
      for (const v of ["true", "false"]) input.append(new Option(v, v, false, v === p.value));
    } else {
      input = document.createElement("input");
      input.type = "text";
      input.value = p.value;
    }
    input.id = "param-" + p.key;
    input.dataset.key = p.key;
    input.addEventListener("change", () => validate(input));
    valueCell.append(input);
    tr.append(name, valueCell, wkmp.el("td", p.range || (p.kind === "URL" ? "http(s) URL" : p.kind.toLowerCase())),
      wkmp.el("td", p.default));
    return tr;
  }

  async function loadParams() {
    const data = await wkmp.api("GET", "/parameters");
    const body = document.getElementById("params");
    body.replaceChildren(...data.parameters.map(paramRow));
  }

  async function validate(input) {
    changed[input.dataset.key] = input.value;
    try {
      await wkmp.api("POST", "/parameters/validate", { parameters: changed });
      document.querySelectorAll(".params input.invalid").forEach(i => i.classList.remove("invalid"));
      wkmp.say("params-msg", "");
      return true;
    } catch (e) {
      const key = e.details && e.details.parameter;
      const bad = key ? document.getElementById("param-" + key) : input;
      if (bad) bad.classList.add("invalid");
      wkmp.say("params-msg", e.message, "error");
      return false;
    }
  }

  async function saveParams() {
    try {
      await wkmp.api("POST", "/parameters", { parameters: changed });
      wkmp.say("params-msg", "Saved " + Object.keys(changed).length + " parameter(s) as defaults.", "ok");
    } catch (e) {
      wkmp.say("params-msg", e.message, "error");
    }
  }

  async function start() {
    const button = document.getElementById("start");
    button.disabled = true;
    try {
      const folder = document.getElementById("folder").value.trim();
      const s = await wkmp.api("POST", "/import/start", { folder, parameters: changed });
      location.href = "/import-progress?session_id=" + encodeURIComponent(s.session_id);
    } catch (e) {
      let text = e.message;
      if (e.code === "IMPORT_RUNNING") text += " — open the progress page to follow or cancel it.";
      wkmp.say("start-msg", text, "error");
      button.disabled = false;
    }
  }

  async function checkActive() {
    const active = await wkmp.api("GET", "/import/active");
    if (active) {
      document.getElementById("active-link").href = "/import-progress?session_id=" + encodeURIComponent(active.session_id);
      document.getElementById("active-banner").classList.remove("hidden");
    }
  }

  document.getElementById("browse-up").addEventListener("click", () => {
    const up = browsePath.includes("/") ? browsePath.substring(0, browsePath.lastIndexOf("/")) : ".";
    loadFolders(up);
  });
  document.getElementById("acoustid-save").addEventListener("click", saveKey);
  document.getElementById("acoustid-skip").addEventListener("click", () =>
    wkmp.say("acoustid-msg", "This import will run without AcoustID; identification of its passages stays pending.", "info"));
  document.getElementById("params-save").addEventListener("click", saveParams);
  document.getElementById("start").addEventListener("click", start);

  loadFolders(".");
  loadAcoustId().catch(e => wkmp.say("acoustid-msg", e.message, "error"));
  loadParams().catch(e => wkmp.say("params-msg", e.message, "error"));
  checkActive().catch(() => {});
})();
