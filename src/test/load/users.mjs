// Browser users for the load command (bin/load-benchmark load, docs/benchmarks.md): N Playwright contexts in
// one Debian Chromium, each signed in through Keycloak's real page as a developer (who may open every view the
// load touches), then, until the deadline, with 1-3 s of thinking between steps: looking an order up (Enter in
// the search field until the journey's timeline is drawn), filtering the lost list, opening the incident list
// and opening analytics until its chart is drawn. Node's async Playwright drives all of them from one process:
// Playwright for Java allows one thread per instance, and a driver per user would cost more than the users.
// Prints one JSON line per step ({"user", "action", "ms", "ok", "error"}) for the Java side to count.
//   node users.mjs <playwright-core dir> <portal base URL> <users> <seconds> <ids file> [<ramp seconds>]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const [coreDir, base, userCount, seconds, idsFile, rampSeconds = '30'] = process.argv.slice(2);
const { chromium } = createRequire(import.meta.url)(coreDir);
const deadline = Date.now() + Number(seconds) * 1000;
const TIMEOUT = 30_000;
// the share of each step in a user's day, from the issue: mostly lookups
const STEPS = [
  ['lookup', 0.6],
  ['lost', 0.15],
  ['incidents', 0.1],
  ['analytics', 0.15],
];

let ids = [];
let idsReadAt = 0;
function someOrderId(except) {
  if (Date.now() - idsReadAt > 5000) {
    const read = readFileSync(idsFile, 'utf8').split('\n').filter((line) => line.startsWith('ORD-'));
    if (read.length > 0) ids = read;
    idsReadAt = Date.now();
  }
  if (ids.length < 2) return ids.length === 0 || ids[0] === except ? null : ids[0];
  for (;;) {
    const id = ids[Math.floor(Math.random() * ids.length)];
    if (id !== except) return id;
  }
}

function report(user, action, started, ok, error) {
  process.stdout.write(
    JSON.stringify({ user, action, ms: Date.now() - started, ok, error: error ? String(error.message).split('\n')[0] : undefined }) + '\n',
  );
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function pickStep() {
  let r = Math.random();
  for (const [name, share] of STEPS) {
    if ((r -= share) < 0) return name;
  }
  return STEPS[0][0];
}

// through the side menu, as people move between views (a new page load would start a new Vaadin UI each time)
async function menu(page, path) {
  const item = page.locator(`#main-menu vaadin-side-nav-item[path$="${path}"]`).first();
  if ((await item.count()) > 0) {
    await item.click();
  } else {
    await page.goto(`${base}/${path}`);
  }
}

async function step(page, name) {
  switch (name) {
    case 'lookup': {
      // another order than the one shown, or its heading would match before anything was drawn
      const id = someOrderId(page.shownOrder);
      if (id === null) return false;
      if (!page.url().includes('/orders')) {
        await menu(page, 'orders');
        await page.locator('#order-search input').waitFor();
      }
      await page.locator('#order-search input').fill(id);
      // timed from Enter to the timeline's SVG of this order
      const started = Date.now();
      await page.locator('#order-search input').press('Enter');
      await page.locator('#order-result h3', { hasText: id }).waitFor();
      await page.locator('#journey-timeline svg').first().waitFor();
      page.shownOrder = id;
      return started;
    }
    case 'lost': {
      page.shownOrder = null;
      await menu(page, 'lost');
      await page.locator('#lost-counts').waitFor();
      await page.locator('#lost-filter-order input').fill('ORD-');
      await page.locator('#lost-filter-order input').press('Enter');
      await page.locator('#lost-grid').waitFor();
      return true;
    }
    case 'incidents': {
      await menu(page, 'incidents');
      await page.locator('#incident-grid').waitFor();
      return true;
    }
    case 'analytics': {
      await menu(page, 'analytics');
      // the chart, or the note that the range holds no measurements yet
      await page.locator('#analytics-durations svg, #analytics-empty').first().waitFor();
      return true;
    }
  }
  return false;
}

async function user(browser, index) {
  await sleep((Number(rampSeconds) * 1000 * index) / Math.max(1, Number(userCount)));
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  let started = Date.now();
  try {
    await page.goto(`${base}/orders`);
    await page.locator('#username').fill('developer');
    await page.locator('#password').fill('secret');
    await page.locator('#kc-login').click();
    await page.locator('#main-menu').waitFor();
    report(index, 'sign-in', started, true);
  } catch (error) {
    report(index, 'sign-in', started, false, error);
    await context.close();
    return;
  }
  while (Date.now() < deadline) {
    await sleep(1000 + Math.random() * 2000);
    if (Date.now() >= deadline) break;
    const name = pickStep();
    started = Date.now();
    try {
      const result = await step(page, name);
      if (result === false) continue;
      report(index, name, typeof result === 'number' ? result : started, true);
    } catch (error) {
      report(index, name, started, false, error);
      // start the next step from a known page
      await page.goto(`${base}/orders`).catch(() => {});
    }
  }
  await context.close();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
await Promise.all(Array.from({ length: Number(userCount) }, (_, i) => user(browser, i)));
await browser.close();
