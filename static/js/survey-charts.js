// Horizontal bar charts of survey answers for <canvas data-survey-chart="ID">, where ID is a
// json_script element holding {"labels": [...], "datasets": [{"label": "...", "data":
// [percent | null, ...]}]}. A null is a figure that is not shown (disclosure control): it
// gets no bar. Unlike static/js/charts.js, each answer's row grows with its wrapped label, so
// long answer texts stay readable on a phone, and the value axis is 0–100 %.
// Chart.js (static/vendor/chart.umd.min.js) must load first. The table beside every chart
// holds the same figures, for screen readers, printing and browsers without JavaScript.
(function () {
  "use strict";

  var COLOURS = ["#1d5c63", "#f2c14e", "#8a4f7d", "#4f5d63", "#5b9bd5", "#1e6b3a"];
  var LINE = 15;

  function wrap(label, width) {
    var lines = [];
    String(label).split(/\s+/).forEach(function (word) {
      var last = lines.length - 1;
      if (last >= 0 && (lines[last] + " " + word).length <= width) {
        lines[last] += " " + word;
      } else {
        lines.push(word);
      }
    });
    return lines;
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.surveyChart);
    if (!source || typeof window.Chart === "undefined") { return; }
    var spec = JSON.parse(source.textContent);
    var narrow = window.matchMedia("(max-width: 40rem)").matches;
    var rtl = document.documentElement.dir === "rtl";
    var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var labels = spec.labels.map(function (label) { return wrap(label, narrow ? 16 : 30); });
    var perBar = narrow ? 12 : 14;
    var height = 60 + (spec.datasets.length > 1 ? 30 : 0);
    labels.forEach(function (lines) {
      height += Math.max(lines.length * LINE + 8, spec.datasets.length * perBar + 10);
    });
    var width = canvas.parentNode.clientWidth || 320;
    var unit = canvas.dataset.unit || "%";

    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: labels,
        datasets: spec.datasets.map(function (dataset, index) {
          return {
            label: dataset.label,
            data: dataset.data,
            backgroundColor: COLOURS[index % COLOURS.length],
            borderWidth: 0,
            maxBarThickness: 22
          };
        })
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: true,
        aspectRatio: width / height,
        animation: reduceMotion ? false : { duration: 300 },
        locale: document.documentElement.lang || undefined,
        scales: {
          x: {
            min: 0,
            max: 100,
            reverse: rtl,
            ticks: { stepSize: 25, callback: function (value) { return value + " " + unit; } }
          },
          y: { position: rtl ? "right" : "left", ticks: { autoSkip: false, font: { size: 12 } } }
        },
        plugins: {
          legend: { display: spec.datasets.length > 1, position: "bottom", rtl: rtl },
          tooltip: {
            rtl: rtl,
            callbacks: {
              title: function (items) { return items.length ? spec.labels[items[0].dataIndex] : ""; },
              label: function (item) {
                return item.dataset.label + ": " + item.formattedValue + " " + unit;
              }
            }
          }
        }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-survey-chart]").forEach(draw);
  });
})();
