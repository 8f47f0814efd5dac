/* Marsad explorer: filters, map, timeline, network, event table and evidence view.
 *
 * Safety rule for this file: text from the store (titles, article text, names, evidence) is
 * untrusted. It is only ever put in the page with textContent / createTextNode / attributes,
 * never with innerHTML, and the server's CSP (default-src 'self') forbids inline script anyway.
 */
"use strict";

(function () {
  const QUAD_COLOURS = {
    verbal_cooperation: "#3b82c4",
    material_cooperation: "#2e9e5b",
    verbal_conflict: "#e09a2d",
    material_conflict: "#d04343",
  };
  // One colour per PLOVER type for the stacked timeline: hues of its quad class, light to dark.
  const TYPE_COLOURS = {
    AGREE: "#9cc3e6", CONSULT: "#5f9fd6", SUPPORT: "#3b82c4", CONCEDE: "#1f5f99", REQUEST: "#163f66",
    COOPERATE: "#82cfa0", AID: "#2e9e5b", RETREAT: "#1c6b3c",
    ACCUSE: "#f3c57f", REJECT: "#e09a2d", THREATEN: "#a86b12",
    PROTEST: "#f0a0a0", SANCTION: "#e06c6c", MOBILIZE: "#d04343", COERCE: "#a52c2c", ASSAULT: "#6e1717",
  };
  const PAGE = 50;

  const state = {
    lang: "ar", i18n: null, meta: null, offset: 0, total: 0, rows: [], selected: null, detail: null,
    actor: null, actorNames: {}, filters: {}, loads: 0,
  };
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };

  // -- i18n -----------------------------------------------------------------------------------
  function t(key, vars) {
    const table = state.i18n.labels[state.lang] || {};
    let s = table[key] !== undefined ? table[key] : key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.split("{" + k + "}").join(String(v));
    return s;
  }
  const typeLabel = (ty) => (state.i18n.types[ty] || {})[state.lang] || ty || "";
  const statusLabel = (st) => (state.i18n.statuses[st] || {})[state.lang] || st || "";
  const quadLabel = (q) => (state.i18n.quads[q] || {})[state.lang] || q || "";
  function actorName(a) {
    if (!a) return "";
    if (state.lang === "en") return a.name_en || a.name_ar || a.text || a.id || "";
    return a.name_ar || a.text || a.name_en || a.id || "";
  }
  const placeName = (p) => p ? (state.lang === "en" ? (p.name_en || p.name_ar) : (p.name_ar || p.name_en)) || "" : "";

  function applyI18n() {
    const html = document.documentElement;
    html.lang = state.lang;
    html.dir = state.lang === "ar" ? "rtl" : "ltr";
    document.title = t("title") + " — " + t("subtitle");
    document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
    document.querySelectorAll("[data-i18n-ph]").forEach((n) => { n.placeholder = t(n.dataset.i18nPh); });
    document.querySelectorAll("[data-i18n-title]").forEach((n) => { n.title = t(n.dataset.i18nTitle); });
    const toggle = $("lang-toggle");
    toggle.textContent = state.lang === "ar" ? "English" : "العربية";
    toggle.lang = state.lang === "ar" ? "en" : "ar";
    fillSelects();
    renderLegend();
    if (state.meta) $("summary").textContent = t("summary", { docs: state.meta.documents, events: state.meta.events });
  }

  function fillSelects() {
    const typeSel = $("f-type");
    const keepType = typeSel.value;
    typeSel.replaceChildren(new Option(t("all"), ""));
    for (const ty of (state.meta ? state.meta.types : [])) {
      typeSel.append(new Option(typeLabel(ty.type) + " (" + ty.n + ")", ty.type));
    }
    typeSel.value = keepType;
    const stSel = $("f-status");
    const keepSt = stSel.value;
    stSel.replaceChildren(new Option(t("all"), ""));
    for (const st of (state.meta ? state.meta.statuses : [])) stSel.append(new Option(statusLabel(st), st));
    stSel.value = keepSt;
  }

  function renderLegend() {
    const ul = $("quad-legend");
    ul.replaceChildren();
    for (const q of Object.keys(QUAD_COLOURS)) {
      const li = el("li");
      li.append(el("span", "swatch q-" + q), el("span", null, quadLabel(q)));
      ul.append(li);
    }
  }

  // -- API ------------------------------------------------------------------------------------
  async function api(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
    }
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      const msg = body.message || (typeof body.detail === "string" ? body.detail : res.statusText);
      throw new Error(msg);
    }
    return body;
  }

  function showError(err) {
    const p = $("error");
    if (!err) { p.hidden = true; p.textContent = ""; return; }
    p.hidden = false;
    p.textContent = String(err.message || err);
  }

  function readFilters() {
    return {
      actor: state.actor ? state.actor.id : "",
      type: $("f-type").value,
      from: $("f-from").value,
      to: $("f-to").value,
      place: $("f-place").value.trim(),
      status: $("f-status").value,
      q: $("f-q").value.trim(),
    };
  }

  // -- table ----------------------------------------------------------------------------------
  async function loadTable() {
    const data = await api("/api/events", { ...state.filters, limit: PAGE, offset: state.offset });
    state.rows = data.items;
    state.total = data.total;
    renderTable();
  }

  function renderTable() {
    const tbody = $("events").tBodies[0];
    tbody.replaceChildren();
    $("count").textContent = t("count", { total: state.total });
    if (!state.rows.length) {
      const tr = el("tr", "empty");
      const td = el("td", null, t("no_events"));
      td.colSpan = 7;
      tr.append(td);
      tbody.append(tr);
    }
    for (const ev of state.rows) {
      const tr = el("tr", "q-row-" + (ev.quad || "none"));
      tr.dataset.eventId = ev.event_id;
      tr.tabIndex = 0;
      if (state.selected === ev.event_id) tr.classList.add("selected");
      const typeCell = el("td", "nowrap");
      typeCell.append(el("span", "dot q-" + (ev.quad || "none")), el("span", null, typeLabel(ev.type)));
      tr.append(
        el("td", "nowrap", ev.date || t("undated")),
        typeCell,
        el("td", null, (ev.actor || []).map(actorName).join("، ")),
        el("td", null, (ev.recipient || []).map(actorName).join("، ")),
        el("td", null, placeName(ev.location)),
        el("td", "status-" + ev.status, statusLabel(ev.status)),
        el("td", "evidence-cell", ((ev.evidence || {}).text || "")),
      );
      tr.lastChild.dir = "rtl";
      tr.addEventListener("click", () => selectEvent(ev.event_id));
      tr.addEventListener("keydown", (e) => { if (e.key === "Enter") selectEvent(ev.event_id); });
      tbody.append(tr);
    }
    const from = state.total ? state.offset + 1 : 0;
    $("page").textContent = t("page", { from, to: state.offset + state.rows.length, total: state.total });
    $("prev").disabled = state.offset === 0;
    $("next").disabled = state.offset + PAGE >= state.total;
  }

  // -- map ------------------------------------------------------------------------------------
  let map = null;
  let cluster = null;

  async function initMap() {
    map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 11, zoomSnap: 0.5 }).setView([31, 40], 4);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth · Leaflet");
    cluster = L.markerClusterGroup({
      showCoverageOnHover: false, maxClusterRadius: 36, spiderfyOnMaxZoom: true,
      iconCreateFunction(c) {
        // Cluster colour = the quad class most of its events belong to.
        const counts = {};
        for (const m of c.getAllChildMarkers()) counts[m.options.quad] = (counts[m.options.quad] || 0) + 1;
        const top = Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
        const inner = el("div", null);
        inner.append(el("span", null, c.getChildCount()));
        return L.divIcon({ html: inner, className: "cluster q-" + top, iconSize: L.point(34, 34) });
      },
    });
    map.addLayer(cluster);
    try {
      const res = await fetch("/static/vendor/world-atlas/countries-50m.json");
      const topo = await res.json();
      L.geoJSON(topojson.feature(topo, topo.objects.countries), {
        interactive: false,
        style: { color: "#9aa7b5", weight: 0.7, fillColor: "#f6f3ec", fillOpacity: 1 },
      }).addTo(map).bringToBack();
    } catch (err) {
      showError(err);
    }
  }

  async function loadMap() {
    const data = await api("/api/map", state.filters);
    cluster.clearLayers();
    const markers = [];
    for (const p of data.items) {
      const icon = L.divIcon({ className: "ev-dot q-" + (p.quad || "none"), iconSize: L.point(14, 14) });
      const m = L.marker([p.lat, p.lon], { icon, quad: p.quad, keyboard: false });
      const tip = el("div", "tip");
      tip.append(el("strong", null, typeLabel(p.type)), document.createTextNode(" · " +
        (state.lang === "en" ? (p.place_en || p.place_ar) : (p.place_ar || p.place_en)) + " · " + (p.date || "")));
      m.bindTooltip(tip, { direction: "top" });
      m.on("click", () => selectEvent(p.event_id));
      markers.push(m);
    }
    cluster.addLayers(markers);
    const mapEl = $("map");
    mapEl.dataset.points = String(data.items.length);
    $("map-note").textContent = data.truncated ? t("map_truncated", { n: data.items.length, total: data.total })
      : t("map_note", { n: data.total });
    if (markers.length) map.fitBounds(cluster.getBounds().pad(0.3), { maxZoom: 6, animate: false });
  }

  // -- timeline -------------------------------------------------------------------------------
  let chart = null;
  let timelineData = null;

  async function loadTimeline() {
    timelineData = await api("/api/timeline", { ...state.filters, granularity: $("granularity").value });
    renderTimeline();
  }

  function renderTimeline() {
    const d = timelineData;
    if (!d) return;
    const order = state.meta ? state.meta.types.map((x) => x.type) : Object.keys(d.series);
    const datasets = order.filter((ty) => d.series[ty]).map((ty) => ({
      label: typeLabel(ty), data: d.series[ty], backgroundColor: TYPE_COLOURS[ty] || "#888", stack: "all", maxBarThickness: 48,
    }));
    let total = 0;
    for (const ds of datasets) for (const v of ds.data) total += v;
    const canvas = $("timeline");
    canvas.dataset.total = String(total);
    canvas.dataset.periods = String(d.periods.length);
    $("timeline-note").textContent = t("timeline_note", { imprecise: d.imprecise, undated: d.undated });
    const rtl = state.lang === "ar";
    if (chart) chart.destroy();
    chart = new Chart(canvas, {
      type: "bar",
      data: { labels: d.periods, datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: {
          legend: { position: "bottom", rtl, labels: { boxWidth: 10, font: { size: 11 } } },
          tooltip: { rtl },
        },
      },
    });
  }

  // -- network --------------------------------------------------------------------------------
  let cy = null;
  let graphData = null;

  async function loadGraph() {
    const f = { ...state.filters };
    graphData = await api("/api/graph", f);
    renderGraph();
  }

  function edgeColour(e) {
    const n = e.cooperation + e.conflict;
    if (!n) return "#9aa3ad";
    const share = e.cooperation / n;
    if (share >= 0.67) return "#2e9e5b";
    if (share <= 0.33) return "#d04343";
    return "#9a8f3c";
  }

  function renderGraph() {
    const d = graphData;
    if (!d) return;
    const box = $("network");
    box.dataset.nodes = String(d.nodes.length);
    box.dataset.edges = String(d.edges.length);
    $("network-note").textContent = t("network_note", { nodes: d.nodes.length, edges: d.edges.length });
    for (const n of d.nodes) state.actorNames[n.id] = n;
    const maxW = Math.max(1, ...d.nodes.map((n) => n.n_events));
    const elements = [
      ...d.nodes.map((n) => ({ data: {
        id: n.id, label: actorName(n), size: 14 + 26 * Math.sqrt(n.n_events / maxW),
        selected: state.actor && state.actor.id === n.id ? 1 : 0,
      } })),
      ...d.edges.map((e, i) => ({ data: {
        id: "e" + i, source: e.source, target: e.target, colour: edgeColour(e),
        width: 1 + Math.min(6, Math.log2(1 + e.n_events) * 1.5),
      } })),
    ];
    if (cy) cy.destroy();
    cy = cytoscape({
      container: box, elements, minZoom: 0.2, maxZoom: 3,
      style: [
        { selector: "node", style: {
          label: "data(label)", width: "data(size)", height: "data(size)", "background-color": "#51606f",
          "font-size": 11, color: "#1d2733", "text-valign": "bottom", "text-margin-y": 3,
          "text-outline-color": "#ffffff", "text-outline-width": 2 } },
        { selector: "node[selected = 1]", style: { "background-color": "#c2410c" } },
        { selector: "edge", style: {
          width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.8, "arrow-scale": 0.8 } },
      ],
      layout: { name: d.nodes.length > 1 ? "cose" : "grid", animate: false, randomize: false,
                nodeRepulsion: 9000, idealEdgeLength: 70, padding: 12 },
    });
    cy.on("tap", "node", (evt) => {
      const n = state.actorNames[evt.target.id()];
      if (n) setActor(n);
    });
  }

  // -- evidence -------------------------------------------------------------------------------
  async function selectEvent(id) {
    state.selected = id;
    document.querySelectorAll("#events tbody tr").forEach((tr) => {
      tr.classList.toggle("selected", tr.dataset.eventId === id);
    });
    try {
      state.detail = await api("/api/events/" + encodeURIComponent(id));
      renderDetail();
      showError(null);
    } catch (err) {
      showError(err);
    }
  }

  /* Render the article as text nodes and <mark> elements: the text is cut at every span boundary
     and each piece is marked with the roles covering it, so overlapping spans (the evidence
     sentence around an actor, say) both show. */
  function renderArticle(box, text, spans) {
    box.replaceChildren();
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const piece = text.slice(a, b);
      const roles = spans.filter((s) => s.start <= a && s.end >= b && s.start < s.end).map((s) => s.role);
      if (!roles.length) { box.append(document.createTextNode(piece)); continue; }
      const mark = el("mark", roles.map((r) => "m-" + r).join(" "), piece);
      mark.dataset.roles = roles.join(" ");
      const named = spans.find((s) => s.start <= a && s.end >= b && s.role !== "evidence" && (s.name_en || s.name_ar));
      if (named) mark.title = t(named.role) + ": " + (state.lang === "en" ? (named.name_en || named.name_ar) : (named.name_ar || named.name_en));
      box.append(mark);
    }
  }

  function fact(dl, key, value) {
    if (value === undefined || value === null || value === "") return;
    dl.append(el("dt", null, t(key)), el("dd", null, value));
  }

  function renderDetail() {
    const d = state.detail;
    if (!d) return;
    $("evidence-empty").hidden = true;
    const box = $("evidence");
    box.hidden = false;
    box.dataset.eventId = d.event.event_id;
    const ev = d.event;
    const dl = $("event-facts");
    dl.replaceChildren();
    fact(dl, "type", typeLabel(ev.type) + " (" + ev.type + (d.quad ? " · " + quadLabel(d.quad) : "") + ")");
    fact(dl, "mode", ev.mode);
    fact(dl, "actor", (ev.actor || []).map(actorName).join("، "));
    fact(dl, "recipient", (ev.recipient || []).map(actorName).join("، "));
    fact(dl, "date", ev.date ? ev.date + (ev.date_precision ? " (" + ev.date_precision + ")" : "") +
      (ev.date_text ? " — " + ev.date_text : "") : t("undated"));
    fact(dl, "place", placeName(ev.location));
    fact(dl, "status", statusLabel(ev.status));
    fact(dl, "source", ev.source);
    if (ev.quantities && Object.keys(ev.quantities).length) {
      fact(dl, "quantities", Object.entries(ev.quantities).map(([k, v]) => k + ": " + v).join("، "));
    }
    fact(dl, "confidence", typeof ev.confidence === "number" ? ev.confidence.toFixed(2) : null);
    fact(dl, "cameo", ev.cameo);
    const doc = d.document;
    $("doc-title").textContent = doc.title || doc.doc_id;
    const metaBits = [doc.outlet, doc.published, doc.doc_id].filter(Boolean);
    const notes = [];
    if (d.evidence.check === "relocated") notes.push(t("evidence_moved"));
    if (d.evidence.check === "not_in_text") notes.push(t("evidence_missing"));
    if (d.evidence.unplaced && d.evidence.unplaced.length) {
      notes.push(t("unplaced", { parts: d.evidence.unplaced.map((u) => t(u.role)).join("، ") }));
    }
    $("doc-meta").textContent = metaBits.concat(notes).join(" · ");
    const article = $("article");
    renderArticle(article, doc.text || "", d.spans);
    const first = article.querySelector("mark.m-evidence");
    if (first) article.scrollTop = Math.max(0, first.offsetTop - article.clientHeight / 3);
  }

  // -- actor autocomplete ---------------------------------------------------------------------
  let suggestTimer = null;
  let suggestSeq = 0;

  function setActor(a) {
    state.actor = a ? { id: a.id, name_en: a.name_en, name_ar: a.name_ar } : null;
    renderActorChip();
    $("f-actor").value = "";
    hideSuggest();
    refresh();
  }

  function renderActorChip() {
    const chip = $("actor-chip");
    chip.hidden = !state.actor;
    $("actor-chip-name").textContent = state.actor ? actorName(state.actor) : "";
    $("f-actor").hidden = !!state.actor;
  }

  function hideSuggest() { $("actor-suggest").hidden = true; $("actor-suggest").replaceChildren(); }

  async function suggest() {
    const q = $("f-actor").value.trim();
    const seq = ++suggestSeq;
    if (!q) { hideSuggest(); return; }
    try {
      const data = await api("/api/actors", { search: q, limit: 10 });
      if (seq !== suggestSeq) return; // a newer keystroke already asked
      const ul = $("actor-suggest");
      ul.replaceChildren();
      for (const a of data.items) {
        const li = el("li");
        const b = el("button", "suggestion");
        b.type = "button";
        b.dataset.actorId = a.id;
        b.append(el("span", null, actorName(a)),
          el("small", null, " " + (state.lang === "en" ? (a.name_ar || "") : (a.name_en || "")) + " · " +
            t("events_n", { n: a.n_events })));
        b.addEventListener("click", () => setActor(a));
        li.append(b);
        ul.append(li);
      }
      ul.hidden = !data.items.length;
    } catch (err) {
      showError(err);
    }
  }

  // -- wiring ---------------------------------------------------------------------------------
  async function refresh(resetPage = true) {
    state.filters = readFilters();
    if (resetPage) state.offset = 0;
    document.body.dataset.busy = "1";
    try {
      await Promise.all([loadTable(), loadMap(), loadTimeline(), loadGraph()]);
      showError(null);
    } catch (err) {
      showError(err);
    } finally {
      state.loads += 1;
      document.body.dataset.loads = String(state.loads);
      document.body.dataset.busy = "0";
    }
  }

  async function main() {
    state.i18n = await (await fetch("/static/i18n.json")).json();
    state.meta = await api("/api/meta");
    applyI18n();
    await initMap();
    $("filters").addEventListener("submit", (e) => { e.preventDefault(); hideSuggest(); refresh(); });
    $("filters").addEventListener("reset", () => {
      state.actor = null;
      renderActorChip();
      setTimeout(() => refresh(), 0); // after the browser has cleared the inputs
    });
    $("f-actor").addEventListener("input", () => {
      clearTimeout(suggestTimer);
      suggestTimer = setTimeout(suggest, 150);
    });
    $("f-actor").addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        const first = document.querySelector("#actor-suggest button");
        if (first) { e.preventDefault(); first.click(); }
      } else if (e.key === "Escape") hideSuggest();
    });
    $("actor-clear").addEventListener("click", () => setActor(null));
    $("granularity").addEventListener("change", () => loadTimeline().catch(showError));
    $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadTable().catch(showError); });
    $("next").addEventListener("click", () => { state.offset += PAGE; loadTable().catch(showError); });
    $("lang-toggle").addEventListener("click", () => {
      state.lang = state.lang === "ar" ? "en" : "ar";
      applyI18n();
      renderActorChip();
      renderTable();
      renderTimeline();
      renderGraph();
      renderDetail();
      loadMap().catch(showError);
    });
    await refresh();
  }

  document.addEventListener("DOMContentLoaded", () => { main().catch(showError); });
})();
