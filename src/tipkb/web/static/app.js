// Small enhancements of pages that work without script: focus the sentence a link points to, and send
// uploads with the token as a header. Written for tipkb; no third-party code.
"use strict";

function focusTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const el = id && document.getElementById(id);
  // Never take focus from a field the user has moved to meanwhile (the hashchange event comes late
  // on a busy machine: typing into the header's country box raced it).
  const typing = document.activeElement && document.activeElement.matches("input, textarea, select");
  if (el && el.tabIndex < 0 && !typing) el.focus({ preventScroll: false });
  // A long document is shown a page of facts at a time: a link to evidence on another page of it
  // (#ev-START-END) goes to the page holding that offset.
  const ev = !el && /^ev-(\d+)-\d+$/.exec(id);
  const params = new URLSearchParams(location.search);
  if (ev && document.querySelector("[data-paged]") && params.get("at") !== ev[1]) {
    params.delete("offset");
    params.set("at", ev[1]);
    location.replace(location.pathname + "?" + params.toString() + location.hash);
  }
}

function escapeText(text) {
  const div = document.createElement("div");
  div.textContent = text == null ? "" : String(text);
  return div.innerHTML;
}

async function upload(event) {
  event.preventDefault();
  const form = event.target;
  const out = document.getElementById("upload-results");
  const body = new FormData();
  for (const file of document.getElementById("upload-files").files) body.append("files", file);
  out.textContent = "Uploading…";
  const response = await fetch(form.action, {
    method: "POST",
    headers: { Authorization: "Bearer " + document.getElementById("upload-token").value },
    body,
  });
  const data = await response.json();
  if (!response.ok) {
    let html = "<p>" + escapeText(data.error.message) + "</p>";
    for (const r of data.error.results || []) html += "<p>" + escapeText(r.file) + ": " + escapeText(r.error || r.status) + "</p>";
    out.innerHTML = html;
    return;
  }
  let html = "<ul>";
  for (const r of data.results) {
    html += "<li>" + escapeText(r.file) + ": " + escapeText(r.status);
    if (r.error) html += " (" + escapeText(r.error) + ")";
    if (r.page) html += ' · <a href="' + escapeText(r.page) + '">' + escapeText(r.facts) + " facts</a>";
    html += "</li>";
  }
  out.innerHTML = html + "</ul>";
}

// A table with class "sortable": each column header becomes a button that sorts the rows by it
// (again: the other way). Cells may carry data-value to sort by (numbers).
function makeSortable(table) {
  const heads = Array.from(table.tHead.rows[0].cells);
  heads.forEach((th, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      heads.forEach((h) => h.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const numeric = th.dataset.type === "number";
      const key = (row) => {
        const cell = row.cells[column];
        const text = cell.dataset.value ?? cell.textContent.trim();
        return numeric ? Number(text) : text.toLocaleLowerCase();
      };
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        const order = numeric ? x - y : String(x).localeCompare(String(y));
        return ascending ? order : -order;
      });
      rows.forEach((row) => body.appendChild(row));
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  focusTarget();
  document.querySelectorAll("table.sortable").forEach(makeSortable);
  window.addEventListener("hashchange", focusTarget);
  const form = document.getElementById("upload-form");
  if (form) form.addEventListener("submit", upload);
});
