// Used by scripts/bench-activity-view.sh: publishes N action+outcome pairs at RATE/s while /activity is open in
// headless Chromium, then prints frame gaps, long-task time and the page functions that took the most CPU.

const { chromium } = require('playwright-core');
const { Kafka, logLevel } = require('kafkajs');
const crypto = require('crypto');
(async () => {
  const [url, broker, n, rate] = [process.argv[2], process.argv[3], +process.argv[4], +process.argv[5]];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('stream-status').textContent.includes('live'));
  await page.evaluate(() => { window.__long = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ entryTypes: ['longtask'] });
    window.__gaps = []; let last = performance.now();
    const tick = (t) => { window.__gaps.push(t - last); last = t; requestAnimationFrame(tick); }; requestAnimationFrame(tick); });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.start');
  const producer = new Kafka({ brokers: [broker], logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  const projects = ['alpha', 'beta', 'gamma', 'delta'];
  const kinds = ['assign_owner', 'post_nudge', 'escalate_owner', 'schedule_unblocker'];
  const start = Date.now();
  const batch = Math.max(1, Math.round(rate / 20));
  for (let i = 0; i < n; i += batch) {
    const actions = [], outcomes = [];
    for (let j = i; j < Math.min(n, i + batch); j++) {
      const id = crypto.randomUUID(); const p = projects[j % 4]; const k = kinds[j % 4]; const now = new Date().toISOString();
      actions.push({ key: `github:acme/${p}#${j}`, value: JSON.stringify({ event_id: id, project_id: p, action: k, target: 'team:triage', rationale: 'load', source_ref: `https://github.com/acme/${p}/issues/${j}`, policy: 'load', created_at: now }) });
      outcomes.push({ key: `github:acme/${p}#${j}`, value: JSON.stringify({ event_id: crypto.randomUUID(), project_id: p, risk_delta: -0.05, ack: true, action_event_id: id, action: k, detail: 'ok', created_at: now }) });
    }
    await producer.sendBatch({ topicMessages: [{ topic: 'actions', messages: actions }, { topic: 'outcomes', messages: outcomes }] });
    const due = start + ((i + batch) / rate) * 1000; const wait = due - Date.now(); if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  const sent = (Date.now() - start) / 1000;
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map(); const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); });
  console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${(v / 1000).toFixed(0)}ms ${k}`).join('\n'));
  await page.waitForTimeout(1500);
  const stats = await page.evaluate(() => { const g = window.__gaps.slice(1).sort((a, b) => a - b);
    const q = (p) => g[Math.min(g.length - 1, Math.floor(p * g.length))];
    return { frames: g.length, p50: q(0.5).toFixed(1), p99: q(0.99).toFixed(1), max: g[g.length - 1].toFixed(1),
      longTasks: window.__long.length, longTaskMs: Math.round(window.__long.reduce((a, b) => a + b, 0)),
      rows: document.querySelectorAll('#rows tr').length, shown: document.getElementById('shown-count').textContent }; });
  console.log(JSON.stringify({ pairs: n, ratePerSec: (n / sent).toFixed(0), seconds: sent.toFixed(1), ...stats }));
  if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT });
  await producer.disconnect(); await browser.close();
})();
