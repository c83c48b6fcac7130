// The import wizard: the common choices first (folder, AcoustID or offline, start), the parameters in groups behind
// "Advanced" with plain-language names; a rule tying several parameters together is checked when the user is done
// with their group, and an answer to an older check never replaces a newer one.
"use strict";

(function () {
  const changed = {};
  let browsePath = ".";
  let params = [];
  let keyConfigured = false;
  let checks = 0; // validations sent; an answer is applied only when it is the latest's
  let held = null; // an error of a rule across a group the user is still editing: shown once they leave it

  // ---- folder

  async function loadFolders(path) {
    try {
      const data = await wkmp.api("GET", "/folders?path=" + encodeURIComponent(path));
      browsePath = data.path || ".";
      document.getElementById("root-name").textContent = data.root;
      document.getElementById("browse-path").textContent = browsePath;
      document.getElementById("browse-up").disabled = browsePath === ".";
      const list = document.getElementById("folders");
      list.replaceChildren();
      if (data.folders.length === 0) list.append(wkmp.el("li", "(no sub-folders)", "muted"));
      for (const name of data.folders) {
        const li = document.createElement("li");
        const button = wkmp.el("button", name + "/"); // a button: reachable with Tab, chosen with Enter or Space
        button.type = "button";
        button.dataset.folder = (data.path ? data.path + "/" : "") + name;
        button.addEventListener("click", () => choose(button.dataset.folder));
        li.append(button);
        list.append(li);
      }
      wkmp.say("folder-msg", "");
    } catch (e) {
      wkmp.say("folder-msg", e.message, "error");
    }
  }

  function choose(folder) {
    document.getElementById("folder").value = folder;
    summary();
    return loadFolders(folder);
  }

  // ---- AcoustID or offline

  async function loadAcoustId() {
    const state = await wkmp.api("GET", "/acoustid/key");
    keyConfigured = state.configured;
    document.getElementById("acoustid-state").textContent = state.configured ? "key configured" : "no key set";
    if (!document.querySelector("input[name=acoustid]:checked")) {
      document.getElementById(state.configured ? "acoustid-use" : "acoustid-offline").checked = true;
    }
    summary();
  }

  async function saveKey() {
    const key = document.getElementById("acoustid-key").value.trim();
    try {
      await wkmp.api("POST", "/acoustid/key", { api_key: key });
      document.getElementById("acoustid-key").value = "";
      document.getElementById("acoustid-use").checked = true;
      wkmp.say("acoustid-msg", "The key was accepted by AcoustID and saved.", "ok");
      await loadAcoustId();
    } catch (e) {
      wkmp.say("acoustid-msg", e.message, "error");
    }
  }

  const offline = () => document.getElementById("acoustid-offline").checked;

  function summary() {
    const folder = document.getElementById("folder").value.trim() || ".";
    const n = Object.keys(changed).length;
    document.getElementById("start-summary").textContent = "Imports " + (folder === "." ? "the whole root folder" : folder)
      + (offline() ? " offline: AcoustID is not asked; the passages wait for identification by a later run."
        : keyConfigured ? " and identifies the music with AcoustID." : " with AcoustID, but no key is set yet.")
      + (n ? " " + n + " parameter(s) changed (Advanced)." : "");
  }

  // ---- parameters

  function paramRow(p) {
    const tr = document.createElement("tr");
    const name = wkmp.el("td", null, "name");
    const label = wkmp.el("label", p.label);
    label.htmlFor = "param-" + p.key;
    name.append(label, wkmp.el("div", p.description, "desc"));
    const valueCell = wkmp.el("td");
    let input;
    if (p.kind === "BOOLEAN") {
      input = document.createElement("select");
      for (const v of ["true", "false"]) input.append(new Option(v === "true" ? "yes" : "no", v, false, v === p.value));
    } else {
      input = document.createElement("input");
      input.type = "text";
      input.value = p.value;
    }
    input.id = "param-" + p.key;
    input.dataset.key = p.key;
    input.title = p.key;
    input.addEventListener("change", () => {
      changed[p.key] = input.value;
      summary();
      validate();
    });
    valueCell.append(input);
    tr.append(name, valueCell, wkmp.el("td", p.range || (p.kind === "URL" ? "http(s) URL" : p.kind === "BOOLEAN" ? "yes or no" : "text"), "muted"),
      wkmp.el("td", "default " + p.default, "muted"));
    return tr;
  }

  async function loadParams() {
    const data = await wkmp.api("GET", "/parameters");
    params = data.parameters;
    const groups = document.getElementById("groups");
    groups.replaceChildren(...data.groups.map(g => {
      const set = document.createElement("fieldset");
      set.className = "group";
      set.id = "group-" + g.id;
      set.dataset.group = g.id;
      const table = wkmp.el("table", null, "params");
      const body = document.createElement("tbody");
      body.append(...params.filter(p => p.group === g.id).map(paramRow));
      table.append(body);
      const msg = wkmp.el("div", null, "message hidden");
      msg.id = "group-msg-" + g.id;
      set.append(wkmp.el("legend", g.title), wkmp.el("p", g.description, "desc"), table, msg);
      // a rule over the group (weights summing to 1) is checked once the user is done with the group
      set.addEventListener("focusout", ev => {
        if (held && held.group === g.id && !set.contains(ev.relatedTarget)) validate();
      });
      return set;
    }));
  }

  const groupOf = key => (params.find(p => p.key === key) || {}).group;
  const labelOf = key => (params.find(p => p.key === key) || {}).label || key;

  /** The server's message with parameter keys as their plain names. */
  function plain(message) {
    let text = message.replace(/\b([a-z_]+)_\* weights/, "the weights");
    for (const p of [...params].sort((a, b) => b.key.length - a.key.length)) {
      text = text.split(p.key).join("“" + p.label + "”");
    }
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  async function validate() {
    const mine = ++checks;
    let error = null;
    try {
      await wkmp.api("POST", "/parameters/validate", { parameters: changed });
    } catch (e) {
      error = e;
    }
    const advanced = document.getElementById("advanced");
    advanced.dataset.answers = String(Number(advanced.dataset.answers || 0) + 1);
    if (mine !== checks) return; // a newer check was sent: its answer counts, not this one
    showParamError(error);
    advanced.dataset.checked = String(mine);
  }

  function showParamError(e) {
    held = null;
    document.querySelectorAll("#groups .invalid").forEach(i => i.classList.remove("invalid"));
    document.querySelectorAll("#groups .message").forEach(m => wkmp.say(m.id, ""));
    if (!e) return true;
    const keys = (e.details && (e.details.parameters || (e.details.parameter ? [e.details.parameter] : []))) || [];
    const group = keys.length ? groupOf(keys[0]) : null;
    if (!group) {
      wkmp.say("params-msg", e.message, "error");
      return false;
    }
    const set = document.getElementById("group-" + group);
    if (keys.length > 1 && set.contains(document.activeElement)) {
      held = { group }; // the user is still changing the values the rule ties together
      return false;
    }
    keys.forEach(k => document.getElementById("param-" + k).classList.add("invalid"));
    wkmp.say("group-msg-" + group, plain(e.message), "error");
    return false;
  }

  async function saveParams() {
    try {
      await wkmp.api("POST", "/parameters", { parameters: changed });
      showParamError(null);
      wkmp.say("params-msg", "Saved " + Object.keys(changed).length + " parameter(s) as defaults.", "ok");
    } catch (e) {
      showParamError(e);
      wkmp.say("params-msg", plain(e.message), "error");
    }
  }

  async function start() {
    const button = document.getElementById("start");
    button.disabled = true;
    try {
      const folder = document.getElementById("folder").value.trim();
      const s = await wkmp.api("POST", "/import/start", { folder, parameters: changed, acoustid: !offline() });
      location.href = "/import-progress?session_id=" + encodeURIComponent(s.session_id);
    } catch (e) {
      let text = e.message;
      if (e.code === "IMPORT_RUNNING") text += " — open the progress page to follow or cancel it.";
      if (e.code === "INVALID_PARAMETER") {
        document.getElementById("advanced").open = true;
        showParamError(e);
        text = plain(e.message) + " (see Advanced)";
      }
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

  document.getElementById("browse-up").addEventListener("click", () =>
    choose(browsePath.includes("/") ? browsePath.substring(0, browsePath.lastIndexOf("/")) : "."));
  document.getElementById("folder").addEventListener("change", summary);
  document.getElementById("acoustid-save").addEventListener("click", saveKey);
  document.getElementById("acoustid-skip").addEventListener("click", () => {
    document.getElementById("acoustid-offline").checked = true;
    summary();
    wkmp.say("acoustid-msg", "This import will run without AcoustID: its passages are imported with their fingerprints"
      + " and wait for identification by a later run with a key.", "info");
  });
  document.querySelectorAll("input[name=acoustid]").forEach(r => r.addEventListener("change", summary));
  document.getElementById("params-save").addEventListener("click", saveParams);
  document.getElementById("start").addEventListener("click", start);

  loadFolders(".");
  loadAcoustId().catch(e => wkmp.say("acoustid-msg", e.message, "error"));
  loadParams().catch(e => wkmp.say("params-msg", e.message, "error"));
  checkActive().catch(() => {});
})();
