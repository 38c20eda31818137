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
    var cy = window.cytoscape({
      container: container,
      elements: elements,
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 10, "text-wrap": "wrap",
          "text-max-width": 90, "background-color": "#6b7280", width: 18, height: 18 } },
        { selector: "node.member", style: { "background-color": "#1d4ed8", width: 30, height: 30 } },
        { selector: "edge", style: { label: "data(label)", "font-size": 8, width: 1.5,
          "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": "#9ca3af",
          "target-arrow-color": "#9ca3af" } }
      ],
      layout: { name: "concentric", concentric: function (node) {
        return node.hasClass("member") ? 2 : 1;
      }, levelWidth: function () { return 1; }, padding: 20 }
    });
    container.dataset.nodes = String(cy.nodes().length);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
