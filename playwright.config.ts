import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Playwright never downloads a browser here: it drives Debian's Chromium
// (.ci/run installs it). The flags keep Chromium from reaching for the network,
// which this machine closes, and let it run as root in a container.
const systemChromium = '/usr/bin/chromium';
// E2E_PORT: another checkout's preview may hold 4329 on a shared machine, and
// reuseExistingServer would then test that checkout's build.
const port = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Desktop Chrome'],
    // The offline test allows the service worker; elsewhere it would download
    // the whole site in the background of every test.
    serviceWorkers: 'block',
    launchOptions: {
      ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
