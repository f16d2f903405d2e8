// Offline after the first load: the service worker caches the built site, so a
// learner who has opened Routelab once can read and do exercises with no network.
import { expect, test } from '@playwright/test';
import { startExercise } from '../support/exercise-page.ts';

test.use({ serviceWorkers: 'allow' });

test('after one visit, the course and an exercise work with the network off', async ({
  page,
  context,
}) => {
  await page.goto('/en/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);

  await page.goto('/chapters/nodeport/');
  await expect(page.locator('h1')).toContainText('NodePort');

  await page.goto('/en/exercises/ingress-tls/');
  await startExercise(page);
  // The engine grades offline too: the starter serves plain HTTP, so TLS fails.
  await expect(page.locator('li[data-check-id="https-reaches-my-app"]')).toHaveAttribute(
    'data-state',
    'fail',
    { timeout: 15_000 },
  );
  await expect(page.locator('li[data-check-id="https-reaches-my-app"] .rl-message')).toContainText(
    'fake certificate',
  );
});
