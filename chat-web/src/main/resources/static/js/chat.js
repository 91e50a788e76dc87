import { connectActivity, describeOutcome, el } from './activity-source.js';

const app = document.getElementById('chat-app');
const config = JSON.parse(app.dataset.config);
const chatkit = document.getElementById('chatkit');
const THEME_KEY = 'breakdown.theme';
const FEED_ROWS = 25;

// ---- notices: the page says what is wrong instead of showing an empty box; one notice per kind of problem
function showNotice(kind, title, text) {
  const notices = document.getElementById('chat-notices');
  let notice = notices.querySelector(`[data-kind="${kind}"]`);
  if (!notice) {
    notice = el('div', { class: 'notice', role: 'alert', 'data-kind': kind }, el('h2'), el('p'));
    notices.append(notice);
  }
  notice.querySelector('h2').textContent = title;
  notice.querySelector('p').textContent = text;
}

// ---- telemetry: fire and forget; a failure never reaches the chat
function report(type, fields = {}) {
  try {
    fetch('/api/telemetry', {
      method: 'POST', credentials: 'same-origin', keepalive: true,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type, ...fields }),
    }).catch(() => {});
  } catch (e) { /* ignored on purpose */ }
}

// ---- theme: light, dark or system, kept in localStorage
function storedScheme() {
  let value = null;
  try { value = localStorage.getItem(THEME_KEY); } catch (e) { /* storage blocked */ }
  return ['light', 'dark', 'system'].includes(value) ? value : config.theme.colorScheme;
}
function effective(scheme) {
  if (scheme !== 'system') return scheme;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
let scheme = storedScheme();
function setScheme(next) {
  scheme = next;
  try { localStorage.setItem(THEME_KEY, next); } catch (e) { /* storage blocked */ }
  document.documentElement.dataset.theme = effective(next);
  document.getElementById('theme-select').value = next;
  applyOptions();
}

// ---- client tools: the original front end's switch_theme and record_fact
let threadId = null;
const factsByThread = new Map();
async function onClientTool({ name, params }) {
  if (name === 'switch_theme') {
    const theme = params && params.theme;
    if (theme !== 'light' && theme !== 'dark') return { success: false, error: 'theme must be light or dark' };
    setScheme(theme);
    report('chatkit.client_tool', { name, theme });
    return { success: true };
  }
  if (name === 'record_fact') {
    const id = String((params && (params.fact_id ?? params.factId)) ?? '').trim();
    const text = String((params && (params.fact_text ?? params.factText)) ?? '').replace(/\s+/g, ' ').trim();
    if (!id || !text) return { success: false, error: 'fact_id and fact_text are required' };
    const key = threadId ?? '';
    const seen = factsByThread.get(key) ?? new Set();
    factsByThread.set(key, seen);
    if (!seen.has(id)) {
      seen.add(id);
      report('chatkit.client_tool', { name, fact_id: id, fact_text: text, thread_id: threadId });
    }
    return { success: true };
  }
  return { success: false, error: `unknown client tool ${name}` };
}

// ---- options: always the full set, because setOptions replaces rather than merges
async function getClientSecret() {
  let response;
  try {
    response = await fetch('/api/create-session', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ workflow: { id: config.workflowId },
        chatkit_configuration: { file_upload: { enabled: config.attachments } } }),
    });
  } catch (e) {
    showNotice('session', 'Could not start a chat session', `chat-web did not answer: ${e.message}`);
    throw e;
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.client_secret) {
    const message = body.error || `The session request failed with status ${response.status}`;
    showNotice('session', 'Could not start a chat session', message);
    throw new Error(message);
  }
  return body.client_secret;
}

function options() {
  const dark = effective(scheme) === 'dark';
  const api = config.mode === 'hosted'
    ? { getClientSecret }
    : { url: config.apiUrl, domainKey: config.domainKey };
  return {
    api,
    theme: {
      colorScheme: dark ? 'dark' : 'light',
      color: {
        grayscale: { hue: config.theme.grayscaleHue, tint: config.theme.grayscaleTint, shade: dark ? -1 : -4 },
        accent: { primary: dark ? config.theme.accentDark : config.theme.accentLight, level: 1 },
      },
      radius: config.theme.radius,
    },
    startScreen: { greeting: config.greeting, prompts: config.prompts },
    composer: { placeholder: config.placeholder, attachments: { enabled: config.attachments } },
    threadItemActions: { feedback: false },
    onClientTool,
  };
}

let mounted = false;
function applyOptions() {
  if (mounted) chatkit.setOptions(options());
}

function mount() {
  mounted = true;
  chatkit.addEventListener('chatkit.response.start', () => report('chatkit.response.start', { thread_id: threadId }));
  chatkit.addEventListener('chatkit.response.end', () => report('chatkit.response.end', { thread_id: threadId }));
  chatkit.addEventListener('chatkit.thread.change', (event) => {
    threadId = (event.detail && event.detail.threadId) ?? null;
    report('chatkit.thread.change', { thread_id: threadId });
  });
  chatkit.addEventListener('chatkit.error', (event) => {
    const error = event.detail && event.detail.error;
    const message = (error && (error.message || String(error))) || 'unknown error';
    report('chatkit.error', { message, thread_id: threadId });
  });
  applyOptions();
}

document.getElementById('theme-select').value = scheme;
document.getElementById('theme-select').addEventListener('change', (event) => setScheme(event.target.value));
window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
  if (scheme === 'system') setScheme('system');
});

if (config.problem) {
  showNotice('configuration', config.mode === 'hosted' ? 'Hosted chat is not configured' : 'The assistant has no model yet', config.problem);
}
if (!(config.mode === 'hosted' && config.problem)) {
  const script = document.getElementById('chatkit-script');
  const unloaded = () => showNotice('script', 'The chat could not load',
    `The ChatKit script could not be loaded from ${config.scriptUrl}. Check the network or CHATKIT_SCRIPT_URL.`);
  const timer = setTimeout(() => { if (!customElements.get('openai-chatkit')) unloaded(); }, config.scriptTimeoutMs);
  script.addEventListener('error', () => { clearTimeout(timer); unloaded(); });
  customElements.whenDefined('openai-chatkit').then(() => { clearTimeout(timer); mount(); });
}

// ---- the latest actions beside the chat
const feed = document.getElementById('feed');
const feedStatus = document.getElementById('feed-status');
function feedRow(entry) {
  const a = entry.action;
  const outcome = describeOutcome(entry.outcome);
  const issue = a.source_ref ? el('a', { href: a.source_ref, target: '_blank', rel: 'noopener' }, entry.issueKey || a.source_ref)
    : (entry.issueKey || '');
  return el('li', { 'data-action-id': a.event_id },
    el('div', {}, el('span', { class: 'tag' }, a.action), ' → ', a.target || ''),
    el('div', { class: 'meta' }, issue, ' · ', el('span', { class: outcome.cls }, outcome.text)));
}
function renderFeed(entries) {
  for (const entry of entries) {
    const old = feed.querySelector(`[data-action-id="${CSS.escape(entry.action.event_id)}"]`);
    if (old) old.replaceWith(feedRow(entry)); else feed.prepend(feedRow(entry));
  }
  while (feed.children.length > FEED_ROWS) feed.lastElementChild.remove();
}
connectActivity({
  onSnapshot: (snapshot) => { feed.replaceChildren(); renderFeed(snapshot.entries.slice(0, FEED_ROWS).reverse()); },
  onEntries: renderFeed,
  onStatus: (state) => {
    feedStatus.textContent = state === 'live' ? (feed.children.length ? '' : 'No actions yet in the look-back window.')
      : 'The activity stream is reconnecting…';
  },
});
