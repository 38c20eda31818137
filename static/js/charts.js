// Every chart drawn in the browser, by the self-hosted Chart.js (static/vendor/chart.umd.min.js
// must load first; templates/includes/chart_scripts.html loads both). A chart is a <canvas>
// whose data attribute names a json_script element holding the chart's data, as
// samverka.lib.charts.bar_chart builds it (the colours come from there too):
//   {"labels": [...], "horizontal": bool,
//    "datasets": [{"label": "...", "colour": "#1d5c63", "data": [n | null, ...]}]}
// A null is a figure that is not shown (disclosure control): it gets no bar.
//
//   <canvas data-chart="ID">         counts as bars, upright or lying ("horizontal"), on an
//                                    axis from zero (the funder report)
//   <canvas data-survey-chart="ID">  shares of answers as lying bars on a 0–100 % axis
//                                    (data-unit="…" for another unit); each answer's row grows
//                                    with its wrapped label, so long answers stay readable on
//                                    a phone (survey results)
//   <canvas data-indicator-chart="ID">  a follow-up indicator: its values per period as bars
//                                    and its target as a line ("type": "line" in a dataset;
//                                    "unit": "%" for shares), small beside its table
//
// Every chart follows the page's language and direction (rtl) and the reader's wish for
// reduced motion. The table beside every chart holds the same figures, for screen readers,
// printing and browsers without JavaScript.
(function () {
  "use strict";

  var LINE = 15; // the height of a line of an answer's label, in pixels

  // Long labels break over lines at spaces instead of being drawn at a slant.
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

  // How each kind of chart is laid out: its labels, its height for the page's width (kept as
  // an aspect ratio when the page is resized), how long it animates, and its own options.
  var KINDS = {
    bars: function (spec, page) {
      var horizontal = Boolean(spec.horizontal);
      var valueAxis = { beginAtZero: true, ticks: { precision: 0 } };
      var categoryAxis = { ticks: { autoSkip: false, maxRotation: 0 } };
      return {
        labels: spec.labels.map(function (label) {
          var lines = wrap(label, page.narrow ? 14 : 22);
          return lines.length > 1 ? lines : label;
        }),
        height: horizontal
          ? spec.labels.length * spec.datasets.length * (page.narrow ? 18 : 14) + 90
          : Math.min(340, Math.max(240, page.width * 0.75)),
        duration: 400,
        dataset: {},
        options: {
          indexAxis: horizontal ? "y" : "x",
          scales: horizontal
            ? { x: valueAxis, y: categoryAxis }
            : { x: categoryAxis, y: valueAxis },
          plugins: {
            legend: { position: "bottom", rtl: page.rtl },
            tooltip: { rtl: page.rtl }
          }
        }
      };
    },

    indicator: function (spec, page) {
      var unit = spec.unit || "";
      return {
        labels: spec.labels,
        height: page.narrow ? 200 : 180,
        duration: 300,
        dataset: { maxBarThickness: 36 },
        options: {
          scales: {
            x: { reverse: page.rtl, ticks: { autoSkip: false, maxRotation: 0 } },
            y: {
              beginAtZero: true,
              position: page.rtl ? "right" : "left",
              ticks: { callback: function (value) { return unit ? value + " " + unit : value; } }
            }
          },
          plugins: {
            legend: { position: "bottom", rtl: page.rtl, labels: { boxWidth: 12 } },
            tooltip: { rtl: page.rtl }
          }
        }
      };
    },

    answers: function (spec, page, canvas) {
      var unit = canvas.dataset.unit || "%";
      var labels = spec.labels.map(function (label) { return wrap(label, page.narrow ? 16 : 30); });
      var perBar = page.narrow ? 12 : 14;
      var height = 60 + (spec.datasets.length > 1 ? 30 : 0);
      labels.forEach(function (lines) {
        height += Math.max(lines.length * LINE + 8, spec.datasets.length * perBar + 10);
      });
      return {
        labels: labels,
        height: height,
        duration: 300,
        dataset: { maxBarThickness: 22 },
        options: {
          indexAxis: "y",
          scales: {
            x: {
              min: 0,
              max: 100,
              reverse: page.rtl,
              ticks: { stepSize: 25, callback: function (value) { return value + " " + unit; } }
            },
            y: {
              position: page.rtl ? "right" : "left",
              ticks: { autoSkip: false, font: { size: 12 } }
            }
          },
          plugins: {
            legend: { display: spec.datasets.length > 1, position: "bottom", rtl: page.rtl },
            tooltip: {
              rtl: page.rtl,
              callbacks: {
                title: function (items) {
                  return items.length ? spec.labels[items[0].dataIndex] : "";
                },
                label: function (item) {
                  return item.dataset.label + ": " + item.formattedValue + " " + unit;
                }
              }
            }
          }
        }
      };
    }
  };

  function draw(canvas, kind, sourceId) {
    var source = document.getElementById(sourceId);
    if (!source || typeof window.Chart === "undefined") { return; }
    var spec = JSON.parse(source.textContent);
    var page = {
      narrow: window.matchMedia("(max-width: 40rem)").matches,
      rtl: document.documentElement.dir === "rtl",
      width: canvas.parentNode.clientWidth || 320
    };
    var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var layout = KINDS[kind](spec, page, canvas);
    var options = Object.assign(layout.options, {
      responsive: true,
      maintainAspectRatio: true,
      aspectRatio: page.width / layout.height,
      animation: reduceMotion ? false : { duration: layout.duration },
      locale: document.documentElement.lang || undefined
    });

    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: layout.labels,
        datasets: spec.datasets.map(function (dataset) {
          if (dataset.type === "line") {
            return {
              type: "line",
              label: dataset.label,
              data: dataset.data,
              borderColor: dataset.colour,
              backgroundColor: dataset.colour,
              borderDash: [6, 4],
              borderWidth: 2,
              pointRadius: 0
            };
          }
          return Object.assign({
            label: dataset.label,
            data: dataset.data,
            backgroundColor: dataset.colour,
            borderWidth: 0
          }, layout.dataset);
        })
      },
      options: options
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      draw(canvas, "bars", canvas.dataset.chart);
    });
    document.querySelectorAll("canvas[data-indicator-chart]").forEach(function (canvas) {
      draw(canvas, "indicator", canvas.dataset.indicatorChart);
    });
    document.querySelectorAll("canvas[data-survey-chart]").forEach(function (canvas) {
      draw(canvas, "answers", canvas.dataset.surveyChart);
    });
  });
})();
