/* Draws a crisis-kg graph (Cytoscape.js elements) in a container.
   Shared by the page `kg serve` shows and the page `kg export --format html` writes. With
   cytoscape-fcose loaded (the served page) connected groups are laid out apart from each other;
   the exported page inlines Cytoscape alone and uses its built-in force layout. */
"use strict";

const KG_COLOURS = {Person: "#3b6fb6", Organization: "#2e8b57", Place: "#c0392b", Group: "#8e44ad", Event: "#e67e22"};

function kgDraw(container, elements) {
  const fcose = typeof cytoscapeFcose !== "undefined";
  if (fcose && !kgDraw.registered) {
    cytoscape.use(cytoscapeFcose);
    kgDraw.registered = true;
  }
  const size = (n) => 14 + 5 * Math.sqrt(n.data("weight") || 1);
  const cy = cytoscape({
    container: container,
    elements: elements,
    minZoom: 0.05,
    style: [
      {selector: "node", style: {
        "label": "data(label)", "font-size": 12, "text-wrap": "wrap", "text-max-width": 130,
        "text-valign": "bottom", "text-margin-y": 3, "min-zoomed-font-size": 7,
        "text-outline-color": "#fff", "text-outline-width": 2, "color": "#222",
        "background-color": (n) => KG_COLOURS[n.data("category")] || "#7f8c8d",
        "width": size, "height": size}},
      {selector: "node[kind = 'event']", style: {"shape": "round-rectangle", "font-size": 10}},
      {selector: "node.hit", style: {"border-width": 3, "border-color": "#222"}},
      {selector: "edge", style: {
        "label": "data(label)", "font-size": 8, "min-zoomed-font-size": 9, "color": "#667",
        "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.7,
        "width": (e) => Math.min(1 + (e.data("weight") || 1), 6), "line-color": "#bbc", "target-arrow-color": "#bbc"}},
    ],
    layout: fcose
      ? {name: "fcose", quality: "default", animate: false, randomize: true, nodeDimensionsIncludeLabels: true,
         nodeRepulsion: 6000, idealEdgeLength: 60, nodeSeparation: 60, packComponents: true}
      : {name: elements.nodes.length > 400 ? "grid" : "cose", animate: false, nodeDimensionsIncludeLabels: true},
  });
  // entities' names stay readable however far out one zooms; events' show when zoomed in
  const names = cy.style().selector("node[kind != 'event']");
  const readable = () => {
    const size = Math.max(12, 13 / cy.zoom());
    names.style({"font-size": size, "text-max-width": 11 * size}).update();
  };
  cy.on("zoom", readable);
  readable();
  return cy;
}
