/* The front view: where and when the events were. A map drawn from the country outlines shipped
   in the package (Natural Earth via world-atlas; no tile server) and a timeline, both read from
   saved queries (event_map, timeline) and filtered together by type and date. A click on a point
   or an item shows the event with a sentence that reports it, and links to its page. */
"use strict";

const kgEvents = (() => {
  let map = null, points = null, timeline = null;
  let when = [], where = [];                      // rows of the timeline and event_map queries

  const rows = (data) => data.results.bindings.map((b) => Object.fromEntries(
    Object.entries(b).map(([k, v]) => [k, v.value])));

  async function show() {
    if (map) { map.invalidateSize(); return; }
    map = L.map("map", {worldCopyJump: true, zoomSnap: 0.5, minZoom: 1}).setView([30, 40], 2);
    map.attributionControl.setPrefix(false).addAttribution("Outlines: Natural Earth (public domain)");
    const [world, timed, placed] = await Promise.all([
      getJSON("/static/vendor/countries-50m.json"), getJSON("/queries/timeline"), getJSON("/queries/event_map")]);
    L.geoJSON(topojson.feature(world, world.objects.countries), {interactive: false,
      style: {color: "#999", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1}}).addTo(map);
    points = L.featureGroup().addTo(map);
    when = rows(timed);
    where = rows(placed);
    const types = new Map();
    when.forEach((r) => types.set(r.type, (types.get(r.type) || 0) + 1));
    [...types].sort().forEach(([t, n]) => $("type-filter").append(el("option", `${prettyType(t)} (${n})`, {value: t})));
    $("filters").addEventListener("input", draw);
    timeline = new vis.Timeline($("timeline"), new vis.DataSet(), {
      stack: true, maxHeight: 380, minHeight: 150, zoomKey: "ctrlKey", orientation: "top", margin: {item: 4}});
    timeline.on("select", (e) => e.items.length && detail(e.items[0]));
    draw();
  }

  function shown(row) {
    const type = $("type-filter").value, since = $("since").value, until = $("until").value;
    return (!type || row.type === type) && (!since || (row.date && row.date >= since))
      && (!until || (row.date && row.date <= until));
  }

  function draw() {
    const onTimeline = when.filter((r) => r.date && shown(r)), onMap = where.filter(shown);
    timeline.setItems(new vis.DataSet(onTimeline.map((r) => ({
      id: r.event, start: r.date, end: r.endDate > r.date ? r.endDate : undefined, className: "type-" + r.type,
      content: el("span", prettyType(r.type) + (r.places ? " · " + r.places : ""))}))));
    if (onTimeline.length) timeline.fit({animation: false});
    points.clearLayers();
    const atPlace = new Map();
    onMap.forEach((r) => atPlace.set(r.wkt, [...(atPlace.get(r.wkt) || []), r]));
    for (const [wkt, here] of atPlace) {   // events at one place are spread on a small ring around it
      const [lon, lat] = wkt.match(/-?[\d.]+(?:[eE][-+]?\d+)?/g).map(Number);
      here.forEach((r, i) => {
        const angle = 2 * Math.PI * i / here.length, spread = here.length > 1 ? 0.15 + 0.02 * here.length : 0;
        L.circleMarker([lat + spread * Math.sin(angle), lon + spread * Math.cos(angle)], {
          radius: 5 + 4 * Math.log10(1 + Number(r.largest || 0)), color: "#8e2c1f", weight: 1,
          fillColor: "#e74c3c", fillOpacity: 0.55, className: "event-point"})
          .bindTooltip(`${prettyType(r.type)} · ${r.placeName} · ${r.date || "undated"}` + (r.figures ? ` · ${r.figures}` : ""))
          .on("click", () => { timeline.setSelection(r.event, {focus: true}); detail(r.event); })
          .addTo(points);
      });
    }
    if (onMap.length) map.fitBounds(points.getBounds().pad(0.3), {maxZoom: 6, animate: false});
    const undated = when.filter((r) => !r.date && shown(r)).length;
    $("event-count").textContent = `${onTimeline.length} events on the timeline, ${onMap.length} on the map`
      + (undated ? `, ${undated} undated` : "");
  }

  /* The event: its name, what it reports, the first sentence that reports it (the words marked),
     and a link to its page. */
  async function detail(event) {
    const r = when.find((x) => x.event === event) || where.find((x) => x.event === event);
    const name = (await nameIRIs([event])).get(event);
    const about = await getJSON("/about" + name.href);     // /about/event/…
    const first = about.facts.flatMap((f) => f.sources)[0];
    const box = $("event-detail");
    box.textContent = "";
    box.append(el("h3", null, {}, [el("a", name.label, {href: name.href})]),
               el("p", [r.actors, r.places || r.placeName, r.figures, `${about.sentences} sentence(s) in ${about.documents.length} article(s)`]
                 .filter(Boolean).join(" · ")));
    if (first) {
      box.append(el("blockquote", null, {}, [markedText(first.text, first.marks)]),
                 el("p", [first.claimant && first.claimant + " says", first.document, first.publisher, first.issued]
                   .filter(Boolean).join(" · "), {class: "note"}));
    }
    box.append(el("a", "Open the event: every sentence, its source and claimant →", {href: name.href, class: "button"}));
    box.scrollIntoView({block: "nearest"});
  }

  return {show};
})();
