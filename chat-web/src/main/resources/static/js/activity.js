import { connectActivity, describeOutcome, el, icsLink } from './activity-source.js';

const app = document.getElementById('activity-app');
const calendarUrl = app.dataset.calendarUrl;
const MAX_ROWS = 300;          // rows kept in the DOM; older ones stay counted and charted
const MAX_ENTRIES = 20000;     // entries kept in the tab
const MAX_POINTS = 2000;       // chart points per project

const entries = new Map();     // action id -> entry, insertion order = arrival
const risk = new Map();        // project -> [[ms, cumulative]]
const filters = { project: '', action: '' };
const rows = document.getElementById('rows');
const rowById = new Map();     // action id -> <tr> currently in the DOM
const counts = new Map();      // project -> Map(action -> count), kept as entries arrive
const CHART_INTERVAL = 500;    // the chart redraws at most twice a second; rows and counts every frame
let chart = null;
let chartDue = 0;
let chartTimer = 0;
let chartProjects = '';

function matches(entry) {
  return (!filters.project || entry.action.project_id === filters.project)
    && (!filters.action || entry.action.action === filters.action);
}

// One formatter for all rows: toLocaleString builds a new one per call, the page's largest cost under load.
const TIME_FORMAT = new Intl.DateTimeFormat(undefined,
  { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
function when(iso) {
  return iso ? TIME_FORMAT.format(new Date(iso)) : '';
}

function row(entry) {
  const a = entry.action;
  const outcome = describeOutcome(entry.outcome);
  const ics = icsLink(entry, calendarUrl);
  const issue = a.source_ref ? el('a', { href: a.source_ref, target: '_blank', rel: 'noopener' }, entry.issueKey || a.source_ref)
    : (entry.issueKey || '');
  return el('tr', { 'data-action-id': a.event_id },
    el('td', { 'data-label': 'When' }, when(a.created_at)),
    el('td', { 'data-label': 'Project' }, a.project_id || ''),
    el('td', { 'data-label': 'Action' }, el('span', { class: 'tag' }, a.action)),
    el('td', { 'data-label': 'Target' }, a.target || ''),
    el('td', { 'data-label': 'Policy' }, a.policy || ''),
    el('td', { 'data-label': 'Issue' }, issue),
    el('td', { 'data-label': 'Outcome', class: outcome.cls }, outcome.text),
    el('td', { 'data-label': 'Detail', class: 'detail' },
      entry.outcome ? (entry.outcome.detail || '') : (a.rationale || ''),
      ics ? el('div', {}, el('a', { href: ics }, 'meeting (.ics)')) : null));
}

function addOption(select, value) {
  if (!value || [...select.options].some((o) => o.value === value)) return;
  select.append(el('option', { value }, value));
}

function count(entry, delta) {
  const perProject = counts.get(entry.action.project_id) ?? new Map();
  counts.set(entry.action.project_id, perProject);
  perProject.set(entry.action.action, (perProject.get(entry.action.action) ?? 0) + delta);
}

function remember(entry) {
  const previous = entries.get(entry.action.event_id);
  entries.set(entry.action.event_id, entry);
  if (!previous) count(entry, 1);
  if (entries.size > MAX_ENTRIES) {
    const eldest = entries.keys().next().value;
    count(entries.get(eldest), -1);
    entries.delete(eldest);
  }
  addOption(document.getElementById('filter-project'), entry.action.project_id);
  addOption(document.getElementById('filter-action'), entry.action.action);
  const outcome = entry.outcome;
  if (outcome && !(previous && previous.outcome) && outcome.created_at) {
    const project = outcome.project_id || 'unknown';
    const series = risk.get(project) ?? [];
    const last = series.length ? series[series.length - 1][1] : 0;
    series.push([Date.parse(outcome.created_at), Math.round((last + Number(outcome.risk_delta)) * 1000) / 1000]);
    if (series.length > MAX_POINTS) series.splice(0, series.length - MAX_POINTS);
    risk.set(project, series);
  }
}

function place(entry, fresh) {
  const id = entry.action.event_id;
  const old = rowById.get(id);
  if (!matches(entry)) { if (old) { old.remove(); rowById.delete(id); } return; }
  if (!old && !fresh) return;   // an outcome for a row already scrolled out of the DOM
  const tr = row(entry);
  if (old) old.replaceWith(tr); else rows.prepend(tr);
  rowById.set(id, tr);
}

function trimRows() {
  while (rows.children.length > MAX_ROWS) {
    rowById.delete(rows.lastElementChild.dataset.actionId);
    rows.lastElementChild.remove();
  }
}

function renderRows(batch) {
  // Only the newest MAX_ROWS of a burst can stay in the DOM: build no others.
  const fresh = batch.filter((entry) => !rowById.has(entry.action.event_id));
  const skip = new Set(fresh.slice(0, Math.max(0, fresh.length - MAX_ROWS)).map((e) => e.action.event_id));
  for (const entry of batch) if (!skip.has(entry.action.event_id)) place(entry, true);
  trimRows();
}

function renderAllRows() {
  rows.replaceChildren();
  rowById.clear();
  const shown = [...entries.values()].filter(matches)
    .sort((x, y) => String(y.action.created_at).localeCompare(String(x.action.created_at)));
  for (const entry of shown.slice(0, MAX_ROWS)) {
    const tr = row(entry);
    rows.append(tr);
    rowById.set(entry.action.event_id, tr);
  }
}

function renderCounts() {
  const totals = new Map();
  for (const [project, perProject] of counts) {
    if (filters.project && project !== filters.project) continue;
    for (const [action, n] of perProject) totals.set(action, (totals.get(action) ?? 0) + n);
  }
  const shown = filters.action ? (totals.get(filters.action) ?? 0) : [...totals.values()].reduce((a, b) => a + b, 0);
  document.getElementById('counts').replaceChildren(...[...totals.entries()].filter(([, n]) => n > 0).sort()
    .map(([action, n]) => el('span', { class: 'tag', 'data-action': action }, action, el('b', {}, String(n)))));
  document.getElementById('shown-count').textContent = `${shown} shown of ${entries.size}`;
}

function renderChart() {
  const projects = [...risk.keys()].filter((p) => !filters.project || p === filters.project).sort();
  document.getElementById('risk-empty').hidden = projects.length > 0;
  const times = [...new Set(projects.flatMap((p) => risk.get(p).map((point) => point[0])))].sort((a, b) => a - b);
  // Every project starts the window at zero, a minute before the first outcome shown.
  if (times.length) times.unshift(times[0] - 60_000);
  const data = [times.map((t) => t / 1000)];
  for (const project of projects) {
    const series = risk.get(project);
    let i = 0; let value = null;
    data.push(times.map((t, n) => {
      while (i < series.length && series[i][0] <= t) value = series[i++][1];
      return n === 0 ? 0 : value;
    }));
  }
  const container = document.getElementById('risk-chart');
  const key = projects.join('|');
  if (!chart || key !== chartProjects) {
    if (chart) chart.destroy();
    chartProjects = key;
    const palette = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4b5563'];
    chart = new uPlot({
      width: container.clientWidth || 600, height: 240,
      scales: { x: { time: true } },
      legend: { live: false },
      series: [{}, ...projects.map((p, n) => ({ label: p, stroke: palette[n % palette.length], width: 2, paths: uPlot.paths.stepped({ align: 1 }) }))],
      // Wider spacing on the time axis: at 390 px uPlot's default put two date labels on top of each other.
      axes: [{ stroke: getComputedStyle(document.body).color, space: 90 }, { stroke: getComputedStyle(document.body).color }],
    }, data, container);
  } else {
    chart.setData(data);
  }
}

function onEntries(batch) {
  batch.forEach(remember);
  renderRows(batch);
  renderCounts();
  const now = performance.now();
  if (now >= chartDue) {
    chartDue = now + CHART_INTERVAL;
    renderChart();
  } else if (!chartTimer) {
    chartTimer = setTimeout(() => { chartTimer = 0; chartDue = performance.now() + CHART_INTERVAL; renderChart(); },
      chartDue - now);
  }
}

function onSnapshot(snapshot) {
  entries.clear(); risk.clear(); counts.clear();
  for (const [project, points] of Object.entries(snapshot.risk)) risk.set(project, points.map((p) => [p[0], p[1]]));
  // the snapshot's risk series already count its outcomes; remember() must not add them twice
  snapshot.entries.slice().reverse().forEach((entry) => {
    entries.set(entry.action.event_id, entry);
    count(entry, 1);
    addOption(document.getElementById('filter-project'), entry.action.project_id);
    addOption(document.getElementById('filter-action'), entry.action.action);
  });
  renderAllRows();
  renderCounts();
  renderChart();
}

for (const [id, key] of [['filter-project', 'project'], ['filter-action', 'action']]) {
  document.getElementById(id).addEventListener('change', (event) => {
    filters[key] = event.target.value;
    renderAllRows(); renderCounts(); renderChart();
  });
}
window.addEventListener('resize', () => { if (chart) chart.setSize({ width: document.getElementById('risk-chart').clientWidth, height: 240 }); });

const status = document.getElementById('stream-status');
connectActivity({
  onSnapshot, onEntries,
  onStatus: (state) => { status.textContent = state === 'live' ? '● live' : 'reconnecting…'; },
});
