// Chromium on a profile kept on disk, started as a process of its own so that a test can kill it
// the way a crash does (SIGKILL) and start it again on the same profile.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, chromiumArgs } from './browser';

export interface PersistentBrowser {
  browser: Browser;
  /** The profile's own context: what it stores stays on disk. */
  context: BrowserContext;
  /** The tab opened on the address given at start. */
  page: Page;
  /** Kills every process of this Chromium at once, as a crash would, and waits until they are gone. */
  crash(): Promise<void>;
}

export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'diagnum-profile-'));
}

export function removeProfile(profile: string): void {
  rmSync(profile, { recursive: true, force: true });
}

async function until<T>(read: () => T | undefined, what: string, timeout = 20_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Starts Chromium on `profile`, its first tab on `url`, and connects to it over CDP. */
export async function startPersistent(profile: string, url: string): Promise<PersistentBrowser> {
  const portFile = join(profile, 'DevToolsActivePort');
  rmSync(portFile, { force: true });
  const child = spawn(
    CHROMIUM,
    [
      '--headless',
      ...chromiumArgs,
      '--lang=fr-FR',
      // What Playwright's own launcher turns off, for a quicker start.
      '--disable-extensions',
      '--disable-component-extensions-with-background-pages',
      '--disable-default-apps',
      '--disable-breakpad',
      '--disable-client-side-phishing-detection',
      '--disable-field-trial-config',
      '--disable-hang-monitor',
      '--metrics-recording-only',
      '--no-default-browser-check',
      '--no-service-autorun',
      '--password-store=basic',
      '--use-mock-keychain',
      `--user-data-dir=${profile}`,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0', // Chromium picks a free port and writes it to DevToolsActivePort
      url,
    ],
    { detached: true, stdio: 'ignore' }, // its own process group, so that crash() reaches every process
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid;
  if (pid === undefined) throw new Error('Chromium did not start');
  const port = await until(() => {
    if (child.exitCode !== null) throw new Error(`Chromium exited with ${child.exitCode}`);
    if (!existsSync(portFile)) return undefined;
    const first = readFileSync(portFile, 'utf8').split('\n')[0];
    return first ? Number(first) : undefined;
  }, 'Chromium’s debugging port');
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0]!;
  const page = await until(() => context.pages().find((p) => p.url().startsWith(url.split('#')[0]!)), 'the first tab');
  return {
    browser,
    context,
    page,
    async crash() {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    },
  };
}
