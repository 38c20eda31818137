// Draws the actor map from the JSON in #actor-map-data with the vendored cytoscape.
(function () {
  "use strict";
  function draw() {
    var container = document.getElementById("actor-map");
    var source = document.getElementById("actor-map-data");
    if (!container || !source || typeof window.cytoscape !== "function") return;
    var data = JSON.parse(source.textContent);
    var elements = data.nodes.map(function (n) {
      return { data: { id: n.id, label: n.label }, classes: n.member ? "member" : "" };
    }).concat(data.edges.map(function (e) {
      return { data: { id: e.id, source: e.source, target: e.target, label: e.label } };
    }));
    // On a phone the relation names would cover the map; the table beside it lists them.
    var narrow = container.clientWidth < 600;
    var cy = window.cytoscape({
      container: container,
      elements: elements,
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": narrow ? 12 : 15,
          "text-wrap": "wrap", "text-max-width": narrow ? 90 : 140, "text-valign": "bottom",
          "text-margin-y": 3, "text-background-color": "#ffffff", "text-background-opacity": 0.85,
          "text-background-padding": 2, "background-color": "#6b7280", width: 16, height: 16 } },
        { selector: "node.member", style: { "background-color": "#1d5c63", width: 24, height: 24 } },
        { selector: "edge", style: { label: narrow ? "" : "data(label)", "font-size": 11, width: 1.5,
          "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": "#9ca3af",
          "target-arrow-color": "#9ca3af", "text-rotation": "autorotate",
          "text-background-color": "#ffffff", "text-background-opacity": 1,
          "text-background-padding": 1, color: "#4b5563" } }
      ],
      layout: { name: "concentric", concentric: function (node) {
        return node.hasClass("member") ? 2 : 1;
      }, levelWidth: function () { return 1; }, minNodeSpacing: narrow ? 24 : 40,
        // Labels are part of a node's size, so names never lie on top of each other.
        nodeDimensionsIncludeLabels: true, avoidOverlap: true, padding: 24 }
    });
    container.dataset.nodes = String(cy.nodes().length);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
