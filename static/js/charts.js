// Bar charts for <canvas data-chart="ID">, where ID is a json_script element holding
// {"labels": [...], "datasets": [{"label": "...", "data": [n | null, ...]}], "horizontal": bool}.
// Chart.js (static/vendor/chart.umd.min.js) must load first. The table beside every chart
// holds the same figures, for screen readers, printing and browsers without JavaScript.
(function () {
  "use strict";

  var COLOURS = ["#1d5c63", "#f2c14e", "#8a4f7d", "#4f5d63", "#5b9bd5", "#1e6b3a"];

  // Long category names break over lines instead of being drawn at a slant.
  function wrap(label, width) {
    var lines = [];
    String(label).split(" ").forEach(function (word) {
      var last = lines.length - 1;
      if (last >= 0 && (lines[last] + " " + word).length <= width) {
        lines[last] += " " + word;
      } else {
        lines.push(word);
      }
    });
    return lines.length > 1 ? lines : label;
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof window.Chart === "undefined") { return; }
    var spec = JSON.parse(source.textContent);
    var horizontal = Boolean(spec.horizontal);
    var narrow = window.matchMedia("(max-width: 40rem)").matches;
    var rtl = document.documentElement.dir === "rtl";
    var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var valueAxis = { beginAtZero: true, ticks: { precision: 0 } };
    var categoryAxis = { ticks: { autoSkip: false, maxRotation: 0 } };
    // A height that suits the data, kept as an aspect ratio when the page is resized.
    var width = canvas.parentNode.clientWidth || 320;
    var height = horizontal
      ? spec.labels.length * spec.datasets.length * (narrow ? 18 : 14) + 90
      : Math.min(340, Math.max(240, width * 0.75));
    var aspectRatio = width / height;

    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: spec.labels.map(function (label) { return wrap(label, narrow ? 14 : 22); }),
        datasets: spec.datasets.map(function (dataset, index) {
          return {
            label: dataset.label,
            data: dataset.data,
            backgroundColor: COLOURS[index % COLOURS.length],
            borderWidth: 0
          };
        })
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: true,
        aspectRatio: aspectRatio,
        animation: reduceMotion ? false : { duration: 400 },
        locale: document.documentElement.lang || undefined,
        scales: horizontal
          ? { x: valueAxis, y: categoryAxis }
          : { x: categoryAxis, y: valueAxis },
        plugins: {
          legend: { position: "bottom", rtl: rtl },
          tooltip: { rtl: rtl }
        }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  });
})();
