// The live activity stream (/activity/stream): a snapshot, then batches. Updates are handed to the page once per
// animation frame, however many arrive, so hundreds of events a second do not freeze the tab.
export function connectActivity({ onSnapshot, onEntries, onStatus }) {
  let queued = [];
  let frame = 0;
  const flush = () => {
    frame = 0;
    const batch = queued;
    queued = [];
    if (batch.length) onEntries(batch);
  };
  const source = new EventSource('/activity/stream');
  source.addEventListener('snapshot', (event) => {
    onSnapshot(JSON.parse(event.data));
    onStatus('live');
  });
  source.addEventListener('entries', (event) => {
    queued.push(...JSON.parse(event.data).entries);
    if (!frame) frame = requestAnimationFrame(flush);
  });
  source.onerror = () => onStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
  return source;
}

// Where a meeting's iCalendar file is, from an unblocker's outcome detail (the meeting id or its .ics URL).
export function icsLink(entry, calendarPublicUrl) {
  const outcome = entry.outcome;
  if (!outcome || !outcome.ack || entry.action.action !== 'schedule_unblocker' || !outcome.detail) return null;
  const url = outcome.detail.match(/https?:\/\/\S+\.ics\b/);
  if (url) return url[0];
  const id = outcome.detail.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  return id ? `${calendarPublicUrl}/api/meetings/${id[0]}.ics` : null;
}

export function describeOutcome(outcome) {
  if (!outcome) return { text: 'pending', cls: 'muted' };
  const delta = Number(outcome.risk_delta);
  const sign = delta > 0 ? '+' : '';
  return { text: `${outcome.ack ? 'done' : 'failed'} · risk ${sign}${delta.toFixed(2)}`, cls: outcome.ack ? 'ok' : 'bad' };
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key === 'class') node.className = value; else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}
