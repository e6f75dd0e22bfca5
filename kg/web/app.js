/* The page of `kg serve`: list the saved queries, run one, show a table and a graph. */
"use strict";

const $ = (id) => document.getElementById(id);
const CRISIS = "https://w3id.org/crisis-kg/ontology#";
const RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs";
const INPUT_TYPES = {date: "date", integer: "number", boolean: "checkbox"};
let cy = null;

function element(tag, text, attrs) {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  Object.entries(attrs || {}).forEach(([k, v]) => el.setAttribute(k, v));
  return el;
}

const shortName = (iri) => iri.replace(/[/#]$/, "").split(/[/#]/).pop();

async function loadQueries() {
  const queries = await (await fetch("/queries")).json();
  for (const q of queries) {
    const button = element("button", q.title || q.name, {type: "button", "data-name": q.name});
    button.appendChild(element("small", q.name));
    button.addEventListener("click", () => choose(q, button));
    $("queries").appendChild(button);
  }
}

function choose(q, button) {
  document.querySelectorAll("nav button").forEach((b) => b.classList.remove("active"));
  button.classList.add("active");
  $("title").textContent = q.title || q.name;
  $("description").textContent = q.description;
  const form = $("params");
  form.textContent = "";
  for (const p of q.params) {   // a parameter with a default is optional and starts at its default
    const label = element("label", p.name + " ");
    const input = element("input", undefined, {name: p.name, type: INPUT_TYPES[p.type] || "text",
                                               placeholder: p.description, title: p.description});
    if (p.default === null) input.required = true;
    else if (p.type === "boolean") input.checked = p.default.toLowerCase() === "true";
    else input.value = p.default;
    label.appendChild(input);
    form.appendChild(label);
  }
  form.appendChild(element("button", "Run", {type: "submit", id: "run"}));
  form.onsubmit = (event) => { event.preventDefault(); run(q); };
  if (q.params.every((p) => p.default !== null)) run(q);
}

async function run(q) {
  const args = new URLSearchParams(new FormData($("params")));
  // an unticked box is not in the form data: send false, not the default
  $("params").querySelectorAll("input[type=checkbox]").forEach((box) => args.set(box.name, String(box.checked)));
  const graph = q.kind === "CONSTRUCT" || q.kind === "DESCRIBE";
  $("status").textContent = "Running…";
  const response = await fetch("/queries/" + encodeURIComponent(q.name) + "?" + args, {
    headers: {Accept: graph ? "application/ld+json" : "application/sparql-results+json"}});
  if (!response.ok) {
    $("status").textContent = "Error " + response.status + ": " + (await response.text());
    return;
  }
  const data = await response.json();
  const shown = graph ? showTriples(data) : showSolutions(data);
  const cut = response.headers.get("X-SPARQL-MaxRows");
  $("status").textContent = shown + (cut ? " (cut at the server's limit of " + cut + ")" : "");
}

function table(header, rows) {
  const t = $("results");
  t.textContent = "";
  const head = element("tr");
  header.forEach((h) => head.appendChild(element("th", h)));
  t.appendChild(head);
  for (const row of rows) {
    const tr = element("tr");
    row.forEach((cell) => tr.appendChild(element("td", cell)));
    t.appendChild(tr);
  }
}

/* SELECT: a table; in the graph, each row links its first IRI to the row's other IRIs. */
function showSolutions(data) {
  if (data.boolean !== undefined) { table(["answer"], [[String(data.boolean)]]); draw({nodes: [], edges: []}); return "Answer: " + data.boolean; }
  const vars = data.head.vars, rows = data.results.bindings;
  table(vars, rows.map((b) => vars.map((v) => (b[v] ? b[v].value : ""))));
  const nodes = new Map(), edges = [];
  for (const b of rows) {
    const iris = vars.filter((v) => b[v] && b[v].type === "uri");
    for (const v of iris) {
      const next = vars[vars.indexOf(v) + 1];
      // a name is a plain or language-tagged literal (not a count, date or the unasserted switch)
      const label = next && b[next] && b[next].type === "literal" && !b[next].datatype ? b[next].value : shortName(b[v].value);
      if (!nodes.has(b[v].value)) nodes.set(b[v].value, {data: {id: b[v].value, label: label, weight: 1}});
      else nodes.get(b[v].value).data.weight += 1;
    }
    iris.slice(1).forEach((v) => edges.push({data: {source: b[iris[0]].value, target: b[v].value, label: v}}));
  }
  draw({nodes: [...nodes.values()], edges: edges});
  return rows.length + " row" + (rows.length === 1 ? "" : "s");
}

/* CONSTRUCT (expanded JSON-LD): a table of triples; links between resources as edges,
   types as colours, labels and Wikidata links as node data. */
function showTriples(data) {
  const nodes = new Map(), edges = [], rows = [];
  const node = (id) => nodes.get(id) || nodes.set(id, {data: {id: id, label: shortName(id), weight: 1}}).get(id);
  for (const subject of data) {
    const n = node(subject["@id"]);
    const types = (subject["@type"] || []).map((t) => ({"@id": t}));
    for (const [p, values] of Object.entries({...subject, [RDF_TYPE]: [...(subject[RDF_TYPE] || []), ...types]})) {
      if (p.startsWith("@")) continue;
      for (const v of values) {
        rows.push([subject["@id"], p, v["@id"] || v["@value"]]);
        if (p === RDFS_LABEL) n.data.label = v["@value"];
        else if (p === OWL_SAME_AS) n.data.wikidata = shortName(v["@id"]);
        else if (p === CRISIS + "evidence") n.data.category = "Event";
        else if (p === RDF_TYPE && KG_COLOURS[shortName(v["@id"])]) n.data.category = shortName(v["@id"]);
        else if (v["@id"] && p !== RDF_TYPE) edges.push({data: {source: subject["@id"], target: v["@id"], label: shortName(p)}});
      }
    }
  }
  edges.forEach((e) => node(e.data.target));
  table(["subject", "predicate", "object"], rows);
  draw({nodes: [...nodes.values()], edges: edges});
  return rows.length + " triple" + (rows.length === 1 ? "" : "s");
}

function draw(elements) {
  if (cy) cy.destroy();
  cy = kgDraw($("graph"), elements);
  window.kgGraph = cy;
}

loadQueries();
