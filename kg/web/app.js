/* The workbench of `kg serve`: three views chosen by the address's #fragment. Map & timeline
   (events.js); Queries: the saved queries with their parameters as form fields and their SPARQL in
   an editor, results as a table of names linked to their pages, or as a graph; Graph: events with
   their actors and places. */
"use strict";

const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const NOT_DRAWN = [RDF_TYPE, "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2002/07/owl#sameAs"];
const INPUT_TYPES = {date: "date", integer: "number", boolean: "checkbox"};
const MAX_NODES = 400;          // a larger graph is cut to its best connected nodes, and says so
const NEW_QUERY = `PREFIX crisis: <https://w3id.org/crisis-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?event ?type ?date WHERE {
  ?event a ?class ; crisis:date ?date .
  ?class rdfs:subClassOf crisis:Event .
  BIND(STRAFTER(STR(?class), "#") AS ?type)
} ORDER BY ?date LIMIT 100`;

let editor = null, saved = [], current = null, resultGraph = null;

/* --- views ------------------------------------------------------------------------ */

function route() {
  const [view, name] = (location.hash.slice(1) || "events").split("/");
  const known = ["events", "queries", "graph"].includes(view) ? view : "events";
  document.querySelectorAll(".view").forEach((v) => { v.hidden = v.id !== "view-" + known; });
  document.querySelectorAll(".tabs a").forEach((a) => a.classList.toggle("active", a.dataset.view === known));
  if (known === "events") kgEvents.show().catch(fail($("event-count")));
  if (known === "queries") showQueries(name).catch(fail($("status")));
  if (known === "graph") showNetwork().catch(fail($("network-status")));
}

const fail = (where) => (err) => { where.textContent = err.message; };

/* --- saved queries and the editor ---------------------------------------------------- */

async function showQueries(name) {
  if (!editor) {
    editor = new Yasqe($("editor"), {
      value: NEW_QUERY, persistenceId: null, consumeShareLink: null, createShareableLink: null,
      showQueryButton: false, resizeable: true, editorHeight: "260px", prefixCcApi: "/prefixes",
      autocompleters: ["prefixes", "variables"],
      extraKeys: {...Yasqe.defaults.extraKeys, "Ctrl-Enter": () => run(), "Cmd-Enter": () => run()}});
    editor.on("change", () => { $("edited").hidden = !current || editor.getValue() === current.sparql; });
    $("editor-box").addEventListener("toggle", () => editor.refresh());
    $("run").addEventListener("click", () => run());
    document.querySelectorAll("#result-tabs button").forEach((b) => b.addEventListener("click", () => showResult(b.dataset.show)));
    saved = await getJSON("/queries");
    for (const q of saved) {
      $("queries").append(el("a", null, {href: "#queries/" + q.name, "data-name": q.name},
                             [q.title || q.name, el("small", q.name)]));
    }
    $("queries").append(el("a", null, {href: "#queries/sparql", "data-name": "sparql"},
                           ["Write your own SPARQL", el("small", "with the editor")]));
  }
  choose(saved.find((q) => q.name === name) || null, name === "sparql");
}

function choose(q, blank) {
  document.querySelectorAll("#queries a").forEach((a) =>
    a.classList.toggle("active", a.dataset.name === (q ? q.name : blank ? "sparql" : "")));
  current = q;
  $("title").textContent = q ? q.title || q.name : blank ? "Your own SPARQL" : "Choose a saved query";
  $("description").textContent = q ? q.description
    : blank ? "Prefixes complete as you type PREFIX; Ctrl-Enter runs the query. The default graph is the union of all graphs."
    : "Each saved query answers one question; pick one on the left. Its SPARQL is below it, to read or to change.";
  const form = $("params");
  form.textContent = "";
  for (const p of q ? q.params : []) {   // a parameter with a default is optional and starts at its default
    const input = el("input", null, {name: p.name, type: INPUT_TYPES[p.type] || "text", title: p.description,
                                     placeholder: p.description});
    if (p.default === null) input.required = true;
    else if (p.type === "boolean") input.checked = p.default.toLowerCase() === "true";
    else input.value = p.default;
    form.append(el("label", p.name + " ", {}, [input]));
  }
  form.onsubmit = (event) => { event.preventDefault(); run(); };
  editor.setValue(q ? q.sparql : NEW_QUERY);
  $("editor-box").open = blank;
  $("editor-box").hidden = $("run").hidden = !q && !blank;
  $("results").textContent = $("status").textContent = "";     // nothing left from the last query
  resultGraph = null;
  showResult("table");
  if (q && q.params.every((p) => p.default !== null)) run();
}

async function run() {
  if (!$("params").reportValidity()) return;
  const text = editor.getValue(), asSaved = current && text === current.sparql;
  const graph = /^\s*(CONSTRUCT|DESCRIBE)\b/im.test(text.replace(/^\s*(#.*|PREFIX\s.*|BASE\s.*)$/gim, ""));
  const accept = graph ? "application/ld+json" : "application/sparql-results+json";
  $("status").textContent = "Running…";
  let data;
  try {
    if (asSaved) {
      const args = new URLSearchParams(new FormData($("params")));
      // an unticked box is not in the form data: send false, not the default
      $("params").querySelectorAll("input[type=checkbox]").forEach((box) => args.set(box.name, String(box.checked)));
      data = await getJSON("/queries/" + encodeURIComponent(current.name) + "?" + args, {headers: {Accept: accept}});
    } else {
      data = await getJSON("/sparql", {method: "POST", headers: {Accept: accept},
                                       body: new URLSearchParams({query: text})});
    }
  } catch (err) {
    $("status").textContent = err.message;
    return;
  }
  const shown = graph ? await showTriples(data) : await showSolutions(data);
  $("status").textContent = shown + (data._cut ? ` (cut at the server's limit of ${data._cut})` : "");
}

/* --- results -------------------------------------------------------------------------- */

function table(header, rows) {
  const t = $("results");
  t.textContent = "";
  t.append(el("thead", null, {}, [el("tr", null, {}, header.map((h) => el("th", h)))]));
  t.append(el("tbody", null, {}, rows.map((row) => el("tr", null, {}, row.map((cell) =>   // sentences get room to read
    el("td", null, {class: cell.length > 60 ? "long" : undefined}, [cell]))))));
}

const cell = (term) => !term ? "" : term.type === "uri" ? iriLink(term.value) : term.value;

/* SELECT: a table; as a graph, each row links its first IRI to the row's other IRIs. */
async function showSolutions(data) {
  if (data.boolean !== undefined) { table(["answer"], [[String(data.boolean)]]); resultGraph = null; return "Answer: " + data.boolean; }
  const vars = data.head.vars, rows = data.results.bindings;
  await nameIRIs(rows.flatMap((b) => vars.filter((v) => b[v] && b[v].type === "uri").map((v) => b[v].value)));
  table(vars, rows.map((b) => vars.map((v) => cell(b[v]))));
  const nodes = new Set(), edges = [];
  for (const b of rows) {
    const linked = vars.filter((v) => b[v] && b[v].type === "uri");
    linked.forEach((v) => nodes.add(b[v].value));
    linked.slice(1).forEach((v) => edges.push([b[linked[0]].value, b[v].value, v]));
  }
  resultGraph = {nodes: [...nodes], edges: edges};
  showResult("table");
  return rows.length + " row" + (rows.length === 1 ? "" : "s");
}

/* Expanded JSON-LD as statements, and as a graph of the links between resources (not types,
   names, Wikidata items or sentences). */
function statements(data) {
  const rows = [], nodes = new Set(), edges = [];
  for (const subject of data) {
    nodes.add(subject["@id"]);
    const types = (subject["@type"] || []).map((t) => ({"@id": t}));
    for (const [p, values] of Object.entries({...subject, [RDF_TYPE]: [...(subject[RDF_TYPE] || []), ...types]})) {
      if (p.startsWith("@")) continue;
      for (const v of values) {
        rows.push([subject["@id"], p, v]);
        if (v["@id"] && !NOT_DRAWN.includes(p) && !v["@id"].includes("#char=")) {
          nodes.add(v["@id"]);
          edges.push([subject["@id"], v["@id"], p]);
        }
      }
    }
  }
  return {rows: rows, graph: {nodes: [...nodes], edges: edges}};
}

/* CONSTRUCT: a table of statements, and the graph they draw. */
async function showTriples(data) {
  const {rows, graph} = statements(data);
  await nameIRIs([...graph.nodes, ...rows.flatMap(([s, p, v]) => [s, p, v["@id"]].filter(Boolean))]);
  table(["subject", "property", "value"], rows.map(([s, p, v]) => [iriLink(s), iriLink(p), v["@id"] ? iriLink(v["@id"]) : v["@value"]]));
  resultGraph = graph;
  showResult("table");
  return rows.length + " statement" + (rows.length === 1 ? "" : "s");
}

function showResult(which) {
  $("result-tabs").hidden = !resultGraph;
  document.querySelectorAll("#result-tabs button").forEach((b) => b.classList.toggle("active", b.dataset.show === which));
  $("table-wrap").hidden = which !== "table";
  $("graph").hidden = which !== "graph";
  if (which === "graph") {
    if (window.kgGraph) window.kgGraph.destroy();
    window.kgGraph = draw($("graph"), resultGraph, $("status"));
  }
}

/* --- graphs ----------------------------------------------------------------------------- */

/* Nodes and edges (IRI pairs) drawn with names, colours by kind and links to pages; past
   MAX_NODES only the best connected nodes are drawn, and the status line says so. */
function draw(container, graph, status) {
  const degree = new Map(graph.nodes.map((n) => [n, 0]));
  graph.edges.forEach(([s, t]) => { degree.set(s, degree.get(s) + 1); degree.set(t, degree.get(t) + 1); });
  const kept = new Set([...graph.nodes].sort((a, b) => degree.get(b) - degree.get(a)).slice(0, MAX_NODES));
  if (graph.nodes.length > MAX_NODES) {
    status.textContent = `The graph has ${graph.nodes.length} nodes: drawn are the ${MAX_NODES} with the most links. `
      + "Narrow the query (a type, a date range, one entity) to see all of it.";
  }
  const nodes = [...kept].map((id) => {
    const name = KG_NAMES.get(id) || {label: shortName(id)};
    return {data: {id: id, label: name.label, href: name.href || undefined, category: name.category,
                   kind: name.category === "Event" ? "event" : "entity", weight: degree.get(id)}};
  });
  const edges = graph.edges.filter(([s, t]) => kept.has(s) && kept.has(t) && s !== t)
    .map(([s, t, p], i) => ({data: {id: "e" + i, source: s, target: t, label: shortName(p)}}));
  const cy = kgDraw(container, {nodes: nodes, edges: edges});
  cy.on("tap", "node", (event) => { if (event.target.data("href")) location.href = event.target.data("href"); });
  return cy;
}

let network = null;
const showNetwork = () => network || (network = drawNetwork());

async function drawNetwork() {
  $("network-status").textContent = "Drawing…";
  const {graph} = statements(await getJSON("/queries/actor_network", {headers: {Accept: "application/ld+json"}}));
  await nameIRIs(graph.nodes);
  $("network-status").textContent = `${graph.nodes.length} events, actors and places; ${graph.edges.length} links.`;
  window.kgNetwork = draw($("network"), graph, $("network-status"));
}

window.addEventListener("hashchange", route);
route();
