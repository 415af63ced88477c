// browser.cjs opens blastradius's HTML report in Debian's headless Chromium
// with playwright-core, reads what the page shows, clicks a tool, filters
// and sorts the findings, takes a screenshot, and renders Mermaid
// flowcharts with Mermaid in the same browser. It reads a request as JSON
// on standard input and writes what it saw as JSON on standard output; the
// Go tests (package report/browsertest) decide what is right. Installed by
// .ci/setup.sh into .ci/node/e2e.
//
// Request: {"html": "report.html", "click": "tool name", "click_row":
// "tool name", "screenshot":
// "out.png", "width": 1280, "height": 900, "full_page": false,
// "color_scheme": "light", "mermaid": ["flowchart LR ..."]}
//
// The README's picture, docs/report.png, is made with it:
//
//	go run ./cmd/blastradius scan --format html -o /tmp/report.html ./testdata/ops-assistant
//	echo '{"html": "/tmp/report.html", "screenshot": "docs/report.png", "height": 1000}' |
//		node .ci/e2e/browser.cjs
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const url = require("url");

const modules = path.join(__dirname, "..", "node", "e2e", "node_modules");
const { chromium } = require(path.join(modules, "playwright-core"));

const executablePath = process.env.BLASTRADIUS_CHROMIUM || "/usr/bin/chromium";
// As root, Chromium needs --no-sandbox; the networking flags keep it from
// calling Google's services, which this machine's closed network refuses.
const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function main() {
  const req = JSON.parse(fs.readFileSync(0, "utf8"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "blastradius-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args,
    viewport: { width: req.width || 1280, height: req.height || 900 },
    colorScheme: req.color_scheme || "light",
    timeout: 60000,
  });
  const out = { requests: [], errors: [] };
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.on("console", (m) => {
      if (m.type() === "error") out.errors.push("console: " + m.text());
    });
    page.on("pageerror", (e) => out.errors.push("exception: " + e.message));
    // The report must fetch nothing: record and refuse every request but
    // the page itself and data: URLs.
    await context.route("**/*", (route) => {
      const u = route.request().url();
      if (u.startsWith("file:") || u.startsWith("data:")) return route.continue();
      out.requests.push(u);
      return route.abort();
    });
    if (req.html) {
      await report(page, req, out);
    }
    if (req.mermaid && req.mermaid.length) {
      out.mermaid = await mermaid(page, req.mermaid);
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(out, null, 2) + "\n");
}

// report opens the HTML report and records what it shows before and after
// clicking req.click.
async function report(page, req, out) {
  await page.goto(url.pathToFileURL(path.resolve(req.html)).href, { waitUntil: "load" });
  out.title = await page.title();
  out.graph = await page.evaluate(() => {
    const svg = document.querySelector("svg#graph");
    if (!svg) return null;
    const box = svg.getBoundingClientRect();
    const labels = (kind) =>
      Array.from(svg.querySelectorAll(".node." + kind + " .label")).map((t) => t.textContent);
    return {
      width: box.width,
      height: box.height,
      inputs: labels("input"),
      tools: labels("tool"),
      capabilities: labels("capability"),
      sinks: labels("sink"),
      edges: svg.querySelectorAll(".edge").length,
      tainted_edges: svg.querySelectorAll(".edge.tainted").length,
      open_edges: svg.querySelectorAll(".edge.open").length,
      // Every node's box must hold its text.
      overflowing: Array.from(svg.querySelectorAll(".node")).filter((g) => {
        const r = g.querySelector("rect").getBBox();
        return Array.from(g.querySelectorAll("text")).some((t) => {
          const b = t.getBBox();
          return b.x < r.x || b.x + b.width > r.x + r.width || b.y < r.y || b.y + b.height > r.y + r.height;
        });
      }).map((g) => g.querySelector(".label").textContent),
    };
  });
  out.matrix = await page.evaluate(() => {
    const table = document.getElementById("matrix");
    if (!table) return null;
    const graph = document.getElementById("graph-section");
    const rows = Array.from(table.querySelectorAll("tr.matrix-row"));
    return {
      columns: Array.from(table.querySelectorAll("thead th.cap-col")).map((th) => th.textContent.trim()),
      groups: Array.from(table.querySelectorAll("tbody.agent-group")).map((g) => g.getAttribute("data-agent")),
      group_rows: Array.from(table.querySelectorAll("tbody.agent-group")).map((g) => g.querySelectorAll("tr.matrix-row").length),
      rows: rows.map((r) => r.getAttribute("data-name")),
      worst: rows.map((r) => r.cells[1].textContent.trim()),
      cells: rows.map((r) => Array.from(r.querySelectorAll("td.cell")).map((c) => c.getAttribute("data-state"))),
      toxic: Array.from(document.querySelectorAll("#toxic li.toxic")).map((li) =>
        li.querySelector("strong").textContent + " " + li.getAttribute("data-agent")),
      legs: Array.from(document.querySelectorAll("#toxic li.toxic")).map((li) =>
        Array.from(li.querySelectorAll("li.leg")).map((l) => l.getAttribute("data-role") + " " + l.querySelector("a, .tool-ref").textContent)),
      above_graph: !!graph && !!(table.compareDocumentPosition(graph) & Node.DOCUMENT_POSITION_FOLLOWING),
    };
  });
  out.tool_list = await page.$$eval(".tool-list a.tool-ref", (as) => as.map((a) => a.textContent));
  out.findings = await findingsState(page);
  out.panels_visible_before = await visiblePanels(page);

  if (req.click) {
    const node = page.locator("svg#graph .node.tool", { has: page.locator(".label", { hasText: req.click }) }).first();
    await node.click();
    out.click = await clickState(page);
  }
  if (req.click_row) {
    // A click on the row's last cell, away from the tool's link.
    const row = page.locator("#matrix tr.matrix-row[data-name='" + req.click_row.replace(/'/g, "\\'") + "']").first();
    await row.locator("td").last().click();
    out.row_click = await clickState(page);
  }
  if (req.screenshot) {
    // The picture starts at the top: the graph, with the clicked tool
    // highlighted, then its panel.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: req.screenshot, fullPage: !!req.full_page });
    out.screenshot = req.screenshot;
  }

  // Filter the findings by the first severity, then by the clicked tool,
  // then sort by tool.
  const sev = await page.$$eval("#filter-severity option", (os) => os.map((o) => o.value).filter((v) => v));
  if (sev.length) {
    await page.selectOption("#filter-severity", sev[0]);
    out.filter_severity = { value: sev[0], ...(await findingsState(page)) };
    await page.selectOption("#filter-severity", "");
  }
  if (req.click && (await page.locator("#filter-tool option[value='" + req.click.replace(/'/g, "\\'") + "']").count())) {
    await page.selectOption("#filter-tool", req.click);
    out.filter_tool = { value: req.click, ...(await findingsState(page)) };
    await page.selectOption("#filter-tool", "");
  }
  if (await page.locator("#findings").count()) {
    await page.click("#findings th button[data-col='2']");
    out.sorted_by_tool = await findingsState(page);
    await page.click("#findings th button[data-col='2']");
    out.sorted_by_tool_descending = await findingsState(page);
  }
}

// clickState is what the page shows after a tool was clicked: its panel,
// the graph's highlighted nodes and the matrix's selected rows.
async function clickState(page) {
  const panel = page.locator(".tool-panel.shown");
  const shown = await panel.count();
  const out = { panels_visible: await visiblePanels(page) };
  if (shown === 1) {
    out.title = (await panel.locator("h3").textContent()).trim();
    out.capabilities = await panel.locator("table.caps tbody tr td:first-child").allTextContents();
    out.sinks = await panel.locator("table.caps tbody tr td:nth-child(2)").allTextContents();
    out.missing_guards = await panel.locator("table.caps .badge.missing").allTextContents();
    out.witness_frames = await panel.locator("ol.witnesses ol.path li").allTextContents();
    out.findings = await panel.locator("table.tool-findings tbody tr").count();
    out.in_viewport = await panel.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top < window.innerHeight && r.bottom > 0;
    });
  }
  out.highlighted = await page.$$eval("svg#graph .node.hl", (ns) =>
    ns.map((n) => n.querySelector(".label").textContent));
  out.selected_rows = await page.$$eval("#matrix tr.matrix-row.selected", (rs) => rs.map((r) => r.getAttribute("data-name")));
  return out;
}

// findingsState is what the findings table shows: its visible rows' tool
// and severity, and the count line.
async function findingsState(page) {
  return page.evaluate(() => {
    const rows = Array.from(document.querySelectorAll("#findings tbody tr")).filter((r) => !r.hidden);
    const count = document.getElementById("findings-count");
    return {
      rows: rows.length,
      tools: rows.map((r) => r.cells[2].textContent.trim()),
      severities: rows.map((r) => r.getAttribute("data-severity")),
      count: count ? count.textContent : "",
    };
  });
}

async function visiblePanels(page) {
  return page.$$eval(".tool-panel", (ps) => ps.filter((p) => getComputedStyle(p).display !== "none").length);
}

// mermaid renders each flowchart with Mermaid, strict as GitHub runs it,
// and records its error or the nodes' labels.
async function mermaid(page, charts) {
  await page.setContent("<!DOCTYPE html><html><body></body></html>");
  await page.addScriptTag({ path: path.join(modules, "mermaid", "dist", "mermaid.min.js") });
  return page.evaluate(async (charts) => {
    window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
    const results = [];
    for (let i = 0; i < charts.length; i++) {
      try {
        const { svg } = await window.mermaid.render("chart" + i, charts[i]);
        // Mermaid's labels are HTML (<br> and all): parse them as such.
        const doc = document.createElement("div");
        doc.innerHTML = svg;
        results.push({
          nodes: Array.from(doc.querySelectorAll("g.node")).map((n) => n.textContent.trim()),
          edges: doc.querySelectorAll("path.flowchart-link, .edgePaths path").length,
          svg,
        });
      } catch (e) {
        results.push({ error: String(e && e.message ? e.message : e) });
      }
    }
    return results;
  }, charts);
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
