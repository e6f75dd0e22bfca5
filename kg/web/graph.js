/* Draws a crisis-kg graph (Cytoscape.js elements) in a container.
   Shared by the page `kg serve` shows and the page `kg export --format html` writes. */
"use strict";

const KG_COLOURS = {Person: "#3b6fb6", Organization: "#2e8b57", Place: "#c0392b", Group: "#8e44ad", Event: "#e67e22"};

function kgDraw(container, elements) {
  const big = elements.nodes.length > 400;
  return cytoscape({
    container: container,
    elements: elements,
    wheelSensitivity: 0.3,
    style: [
      {selector: "node", style: {
        "label": "data(label)", "font-size": 9, "text-wrap": "ellipsis", "text-max-width": 120,
        "background-color": (n) => KG_COLOURS[n.data("category")] || "#7f8c8d",
        "width": (n) => 12 + 4 * Math.sqrt(n.data("weight") || 1),
        "height": (n) => 12 + 4 * Math.sqrt(n.data("weight") || 1)}},
      {selector: "node[kind = 'event']", style: {"shape": "round-rectangle"}},
      {selector: "node.hit", style: {"border-width": 3, "border-color": "#222"}},
      {selector: "edge", style: {
        "label": "data(label)", "font-size": 7, "curve-style": "bezier", "target-arrow-shape": "triangle",
        "width": (e) => Math.min(1 + (e.data("weight") || 1), 6), "line-color": "#aab", "target-arrow-color": "#aab"}},
    ],
    layout: {name: big ? "grid" : "cose", animate: false, nodeDimensionsIncludeLabels: true},
  });
}
