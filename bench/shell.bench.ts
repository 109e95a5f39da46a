// Size of the JavaScript, time to first render online and offline, and Lighthouse on the home page.
import { describe, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync, spawn } from 'node:child_process';
import { DIST, assertBuilt, launch, openApp, waitForServiceWorker, CHROMIUM } from '../tests/e2e/support/browser';
import { serveDirectory } from '../tests/e2e/support/static-server';
import { median, printMeasures, type Measure } from './report';

const gzipKb = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024;

function initialScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
}

const RUNS = 5;
// Five runs: TBT of one run swings by a factor of two or three with the host's load (see "TBT per run").
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);

interface LighthouseReport {
  configSettings: { formFactor: string; throttlingMethod: string; throttling: { cpuSlowdownMultiplier: number } };
  environment: { benchmarkIndex: number };
  categories: Record<string, { score: number }>;
  audits: Record<string, { numericValue: number; details?: { items?: Array<Record<string, unknown>> } }>;
}

/** Each run's TBT, and where the main thread went in the median run (what to cut to lower TBT). */
function lighthouseDiagnosis(scores: Array<{ tbt: number; report: LighthouseReport }>): string {
  const sorted = [...scores].sort((a, b) => a.tbt - b.tbt);
  const { report } = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const ms = (n: unknown) => `${Math.round(Number(n))} ms`;
  const lines = [
    `Lighthouse TBT per run: ${scores.map((s) => ms(s.tbt)).join(', ')} (host benchmarkIndex ${scores.map((s) => Math.round(s.report.environment.benchmarkIndex)).join(', ')})`,
    'median run, main thread by category (simulated 4×):',
    ...(report.audits['mainthread-work-breakdown']?.details?.items ?? []).slice(0, 6).map((i) => `  ${String(i.groupLabel ?? i.group).padEnd(32)} ${ms(i.duration)}`),
    'median run, JavaScript by script (simulated 4×: total, evaluation, parse/compile):',
    ...(report.audits['bootup-time']?.details?.items ?? []).slice(0, 6).map((i) => `  ${String(i.url).replace(/^https?:\/\/[^/]+/, '').padEnd(40)} ${ms(i.total)}, ${ms(i.scripting)}, ${ms(i.scriptParseCompile)}`),
    'median run, long main-thread tasks (simulated 4×; blocking = the part over 50 ms):',
    ...(report.audits['long-tasks']?.details?.items ?? []).slice(0, 8).map((i) => `  ${String(i.url).replace(/^https?:\/\/[^/]+/, '').padEnd(40)} at ${ms(i.startTime)} for ${ms(i.duration)}`),
  ];
  return lines.join('\n');
}

describe('the app shell', () => {
  it('measures size, first render and Lighthouse', async () => {
    assertBuilt();
    const assets = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
    const initial = initialScripts();
    const measures: Measure[] = [
      { name: 'initial JavaScript of the first page (gzip)', value: initial.reduce((n, f) => n + gzipKb(f), 0), unit: 'KB', budget: { max: 100 } },
      { name: 'all app JavaScript (gzip)', value: assets.reduce((n, f) => n + gzipKb(join('assets', f)), 0), unit: 'KB' },
      { name: 'service worker + workbox runtime (gzip)', value: readdirSync(DIST).filter((f) => /^(sw|workbox-).*\.js$/.test(f)).reduce((n, f) => n + gzipKb(f), 0), unit: 'KB' },
    ];

    const server = await serveDirectory(DIST);
    const browser = await launch();
    const online: number[] = [];
    const offline: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const app = await openApp(browser, server.url);
      await app.page.waitForSelector('h1');
      online.push(await app.page.evaluate(() => performance.getEntriesByName('diagnum:first-render')[0]!.startTime));
      await waitForServiceWorker(app.page);
      await app.context.setOffline(true);
      await app.page.reload();
      await app.page.waitForSelector('h1');
      offline.push(await app.page.evaluate(() => performance.getEntriesByName('diagnum:first-render')[0]!.startTime));
      await app.context.close();
    }
    await browser.close();
    measures.push(
      { name: `first render online, median of ${RUNS} (cold, loopback)`, value: median(online), unit: 'ms' },
      { name: `first render offline, median of ${RUNS} (service worker)`, value: median(offline), unit: 'ms' },
    );

    await server.stop();
    // Lighthouse against `vite preview` of the same build (with the test server its Chromium hung on this machine);
    // a run that fails or takes over 4 minutes is reported, not fatal.
    const preview = spawn(join(import.meta.dirname, '../node_modules/.bin/vite'), ['preview', '--outDir', DIST, '--port', '4179', '--strictPort'], {
      stdio: 'ignore',
    });
    const lighthouseUrl = 'http://localhost:4179/';
    for (let i = 0; i < 50; i++) {
      if (await fetch(lighthouseUrl).then((r) => r.ok, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Lighthouse's mobile preset, named rather than left to its defaults: a mobile form factor and
    // screen, simulated slow 4G and a 4× CPU slowdown (Lantern replays the trace observed unthrottled).
    const mobilePreset = ['--form-factor=mobile', '--throttling-method=simulate', '--throttling.cpuSlowdownMultiplier=4'];
    const scores: { performance: number; accessibility: number; tbt: number; lcp: number; report: LighthouseReport }[] = [];
    const failures: string[] = [];
    for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
      try {
        const out = execFileSync(
          join(import.meta.dirname, '../node_modules/.bin/lighthouse'),
          [lighthouseUrl, '--quiet', '--output=json', '--only-categories=performance,accessibility,best-practices', '--max-wait-for-load=60000',
            ...mobilePreset,
            `--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync`],
          { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024, timeout: 240_000 },
        ).toString();
        const report = JSON.parse(out) as LighthouseReport;
        const { formFactor, throttlingMethod, throttling } = report.configSettings;
        if (formFactor !== 'mobile' || throttlingMethod !== 'simulate' || throttling.cpuSlowdownMultiplier !== 4) {
          throw new Error(`not the mobile preset: ${formFactor}, ${throttlingMethod}, CPU ×${throttling.cpuSlowdownMultiplier}`);
        }
        scores.push({
          performance: report.categories.performance!.score * 100,
          accessibility: report.categories.accessibility!.score * 100,
          tbt: report.audits['total-blocking-time']!.numericValue,
          lcp: report.audits['largest-contentful-paint']!.numericValue,
          report,
        });
      } catch (error) {
        failures.push(String(error).split('\n')[0]!.slice(0, 160));
      }
    }
    preview.kill();
    if (scores.length > 0) {
      const of = `median of ${scores.length}`;
      measures.push(
        { name: `Lighthouse mobile performance, ${of}`, value: median(scores.map((s) => s.performance)), unit: '/100', budget: { min: 95 } },
        { name: `Lighthouse accessibility, ${of}`, value: median(scores.map((s) => s.accessibility)), unit: '/100', budget: { min: 100 } },
        { name: `Lighthouse total blocking time (mobile preset, 4× CPU), ${of}`, value: median(scores.map((s) => s.tbt)), unit: 'ms', budget: { max: 150 } },
        { name: `Lighthouse total blocking time, worst of ${scores.length}`, value: Math.max(...scores.map((s) => s.tbt)), unit: 'ms' },
        { name: `Lighthouse largest contentful paint, ${of}`, value: median(scores.map((s) => s.lcp)), unit: 'ms', budget: { max: 2000 } },
      );
    }
    if (scores.length > 0) console.log(lighthouseDiagnosis(scores));
    if (failures.length > 0) console.log(`Lighthouse runs that failed (${failures.length} of ${LIGHTHOUSE_RUNS}):\n  ${failures.join('\n  ')}`);
    printMeasures('Diagnum bench: app shell', measures);
  });
});
