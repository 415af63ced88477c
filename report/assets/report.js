// blastradius HTML report: opens a tool's panel when the tool is clicked
// (in the graph or the tool list) and dims the rest of the graph, and
// sorts and filters the findings table. No library, no fetch.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  var graph = document.getElementById("graph");
  var panels = Array.prototype.slice.call(document.querySelectorAll(".tool-panel"));
  var hint = document.getElementById("tool-hint");

  // select shows the panel with the given id (or none) and highlights its
  // tool's part of the graph.
  function select(id, scroll) {
    var shown = null;
    panels.forEach(function (p) {
      var on = p.id === id;
      p.classList.toggle("shown", on);
      if (on) {
        shown = p;
      }
    });
    if (hint) {
      hint.hidden = shown !== null;
    }
    var tool = shown ? shown.getAttribute("data-tool") : null;
    if (graph) {
      graph.classList.toggle("focused", tool !== null);
      graph.querySelectorAll("[data-tools]").forEach(function (el) {
        var tools = el.getAttribute("data-tools").split(" ");
        el.classList.toggle("hl", tool !== null && tools.indexOf(tool) >= 0);
      });
      graph.querySelectorAll(".tool").forEach(function (el) {
        el.classList.toggle("selected", tool !== null && el.getAttribute("data-tools") === tool);
      });
    }
    document.querySelectorAll("a.tool-ref").forEach(function (a) {
      a.setAttribute("aria-current", shown && a.getAttribute("href") === "#" + id ? "true" : "false");
    });
    document.querySelectorAll("#matrix .matrix-row").forEach(function (r) {
      r.classList.toggle("selected", tool !== null && r.getAttribute("data-tool") === tool);
    });
    if (shown && scroll) {
      // The tool's part of the graph, then its panel.
      var node = graph ? graph.querySelector(".node.tool[data-tools='" + tool + "']") : null;
      if (node && node.scrollIntoView) {
        node.scrollIntoView({ block: "nearest", inline: "nearest" });
      }
      shown.scrollIntoView({ block: "nearest" });
    }
  }

  // A click anywhere on a row of the matrix opens its tool.
  document.addEventListener("click", function (ev) {
    var row = ev.target.closest ? ev.target.closest("#matrix .matrix-row") : null;
    if (!row || ev.target.closest("a")) {
      return;
    }
    var a = row.querySelector("a.tool-ref");
    if (a) {
      a.click();
    }
  });

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a[href^='#tool-']") : null;
    if (!a) {
      return;
    }
    ev.preventDefault();
    var id = a.getAttribute("href").slice(1);
    var current = panels.filter(function (p) { return p.classList.contains("shown"); })[0];
    if (current && current.id === id) {
      id = ""; // a second click closes the panel
    }
    try {
      history.replaceState(null, "", id ? "#" + id : location.pathname + location.search);
    } catch (e) {
      // Some browsers refuse history changes on file:// pages.
    }
    select(id, true);
  });
  if (location.hash.indexOf("#tool-") === 0) {
    select(location.hash.slice(1), false);
  }

  // Printing shows every panel (CSS) and opens every data flow.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) {
      d.setAttribute("data-was-open", d.open ? "1" : "");
      d.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-was-open]").forEach(function (d) {
      d.open = d.getAttribute("data-was-open") === "1";
      d.removeAttribute("data-was-open");
    });
  });

  var table = document.getElementById("findings");
  if (!table) {
    return;
  }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filters = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var count = document.getElementById("findings-count");

  function filter() {
    var shown = 0;
    rows.forEach(function (r) {
      var ok = filters.every(function (s) {
        return s.value === "" || r.getAttribute("data-" + s.getAttribute("data-filter")) === s.value;
      });
      r.hidden = !ok;
      if (ok) {
        shown++;
      }
    });
    var noun = rows.length === 1 ? " finding" : " findings";
    count.textContent = shown === rows.length ? rows.length + noun : shown + " of " + rows.length + noun;
  }
  filters.forEach(function (s) {
    s.addEventListener("change", filter);
  });

  // key is what a cell sorts by: its data-sort, else its text.
  function key(row, col) {
    var cell = row.cells[col];
    if (!cell) {
      return "";
    }
    var k = cell.getAttribute("data-sort");
    return k !== null ? k : cell.textContent.trim().toLowerCase();
  }
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th) {
    var button = th.querySelector("button");
    if (!button) {
      return;
    }
    button.addEventListener("click", function () {
      var col = Number(button.getAttribute("data-col"));
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      headers.forEach(function (h) {
        h.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var ka = key(a, col);
        var kb = key(b, col);
        var c = ka < kb ? -1 : ka > kb ? 1 : 0;
        // Ties keep the report's order: most severe first.
        return dir * c || Number(a.getAttribute("data-index")) - Number(b.getAttribute("data-index"));
      });
      rows.forEach(function (r) {
        body.appendChild(r);
      });
    });
  });
})();
