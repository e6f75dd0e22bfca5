/* Helpers shared by the workbench (index.html) and the entity and event pages (item.html). */
"use strict";

const $ = (id) => document.getElementById(id);

/* An element with text and attributes; children may be elements or strings. */
function el(tag, text, attrs, children) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== undefined && v !== null) node.setAttribute(k, v); });
  (children || []).forEach((c) => node.append(c));
  return node;
}

/* JSON from the server, or an Error carrying the server's one-line reason. */
async function getJSON(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error("Error " + response.status + ": " + (await response.text()).trim());
  const data = await response.json();
  data._cut = response.headers.get("X-SPARQL-MaxRows");
  return data;
}

/* Names for IRIs, as `kg explain` names them ({label, href, category}), asked once each. */
const KG_NAMES = new Map();
async function nameIRIs(iris) {
  const wanted = [...new Set(iris)].filter((i) => !KG_NAMES.has(i)).slice(0, 5000);
  if (wanted.length) {
    const found = await getJSON("/labels", {method: "POST", body: JSON.stringify(wanted),
                                            headers: {"Content-Type": "application/json"}});
    wanted.forEach((i) => KG_NAMES.set(i, found[i] || {label: shortName(i), href: "", category: ""}));
  }
  return KG_NAMES;
}

const shortName = (iri) => iri.replace(/[/#]$/, "").split(/[/#]/).pop();

/* "MilitaryDeployment" -> "Military deployment" */
const prettyType = (name) => (name || "").replace(/([a-z])([A-Z])/g, "$1 $2").replace(/ [A-Z](?=[a-z])/g, (s) => s.toLowerCase());

/* A link to an IRI's page when it has one (an entity, an event), its name otherwise; the IRI on hover. */
function iriLink(iri) {
  const name = KG_NAMES.get(iri) || {label: shortName(iri)};
  if (name.href) return el("a", name.label, {href: name.href, title: iri});
  if (iri.startsWith("http://www.wikidata.org/entity/"))
    return el("a", name.label, {href: iri.replace("/entity/", "/wiki/"), title: iri, rel: "noopener", target: "_blank"});
  return el("span", name.label, {title: iri});
}

/* A sentence with its marked spans ([start, end) in code points, as Python counts them). */
function markedText(text, marks) {
  const chars = Array.from(text), out = document.createDocumentFragment();
  let at = 0;
  for (const [begin, end] of marks || []) {
    out.append(chars.slice(at, begin).join(""), el("mark", chars.slice(begin, end).join("")));
    at = end;
  }
  out.append(chars.slice(at).join(""));
  return out;
}
