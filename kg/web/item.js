/* The page of one entity or event (/entity/…, /event/…): what `kg explain` says about it, each
   fact with the sentences that state it (the words marked), their article, publisher, date and
   claimant. A sentence is shown in full once and numbered; facts it states again refer to it. */
"use strict";

const numbers = new Map();      // sentence IRI: its number on this page

function source(s) {
  numbers.set(s.sentence, numbers.size + 1);
  const n = numbers.size, credit = [s.document, s.publisher, s.issued].filter(Boolean).join(" · ");
  return el("figure", null, {class: "source", id: "s" + n}, [
    el("blockquote", null, {}, [markedText(s.text, s.marks)]),
    el("figcaption", null, {}, [`[${n}] `, s.claimant ? `${s.claimant} says · ` : "", credit,
      s.url ? el("a", " · article", {href: s.url, rel: "noopener", target: "_blank"}) : ""])]);
}

function sources(list) {
  const refs = list.filter((s) => numbers.has(s.sentence)).map((s) => el("a", `[${numbers.get(s.sentence)}]`, {href: "#s" + numbers.get(s.sentence)}));
  return [el("span", null, {class: "refs"}, refs), ...list.filter((s) => !numbers.has(s.sentence)).map(source)];
}

function fact(f) {
  const value = f.link ? el("a", f.value, {href: f.link}) : el("span", f.value);
  return el("li", null, {class: "fact"}, [value, f.note ? el("span", ` (${f.note})`, {class: "note"}) : "",
    ...sources(f.sources), f.more ? el("p", `and ${f.more} more sentence${f.more === 1 ? "" : "s"}`, {class: "note"}) : ""]);
}

async function showItem() {
  const box = $("item"), path = location.pathname;
  let d;
  try {
    d = await getJSON("/about/" + (path.startsWith("/entity/") ? path.slice(8) : path.slice(1)));
  } catch (err) {
    box.append(el("h1", "Nothing known here"), el("p", err.message));
    return;
  }
  document.title = d.name + " · crisis-kg";
  box.append(el("h1", d.name), el("p", d.iri, {class: "iri"}));
  const about = [d.kind === "entity" ? d.types.join(", ") : d.types.join(", ").replace(/^./, (c) => c.toUpperCase())];
  if (d.names.length) about.push("also called " + d.names.join(", "));
  about.push(`${d.kind === "entity" ? "named in" : "reported in"} ${d.sentences} sentence(s) of ${d.documents.length} article(s): ${d.documents.join(", ")}`);
  box.append(el("p", about.join(" · "), {class: "about"}));
  if (d.wikidata.length) {
    box.append(el("p", "Wikidata: ", {class: "about"}, d.wikidata.map((q) =>
      el("a", q + " ", {href: "https://www.wikidata.org/wiki/" + q, rel: "noopener", target: "_blank"}))));
  }
  if (d.status) box.append(el("p", `The text does not assert this event as having happened: ${d.status}.`, {class: "warning"}));
  if (d.merges.length) {
    box.append(el("h2", "Why these reports are one event"), el("ul", null, {class: "merges"}, d.merges.map((m) => el("li",
      `${m.documents.join(" and ") || "Two reports"} share ${m.shared.join(", ")}` +
      (m.date ? `, on ${m.date} (${m.stated ? "stated in the texts" : "publication date standing in"})` : "") +
      ` — score ${m.score}`))));
  }
  const groups = new Map();
  d.facts.forEach((f) => groups.set(f.relation, [...(groups.get(f.relation) || []), f]));
  for (const [relation, facts] of groups) {
    const more = d.more_facts[relation];
    box.append(el("h2", relation), el("ul", null, {class: "facts"}, facts.map(fact)),
               more ? el("p", `and ${more} more`, {class: "note"}) : "");
  }
  if (d.mentions.length) {
    box.append(el("details", null, {}, [el("summary", `Every sentence that names it (${d.sentences})`), ...sources(d.mentions)]));
  }
  if (d.related.length) {
    box.append(el("h2", "Related events"), el("ul", null, {class: "related"},
      d.related.map(([href, name]) => el("li", null, {}, [el("a", name, {href: href})]))));
  }
}

showItem();
