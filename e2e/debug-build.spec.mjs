// The smoke flows in a debug build (`trunk build`, debug assertions on), which is where
// the reactive graph warns about a signal read outside a tracking context (a tracked read
// in an event handler or a task, that should be `get_untracked`) and where a button with
// an action its section does not know stops the app. Run by the test command with
// E2E_DEBUG_BUILD=1 and E2E_DIST=dist-debug; the fixture fails the test on any console
// error, this spec on any warning of the reactive graph.
import { test, expect, gotoApp, choose } from './fixtures.mjs';

test('picker, paths, reminders, language, tools and report run without a reactive-graph warning', async ({ page }) => {
  test.setTimeout(90_000);
  const warnings = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning' || msg.type() === 'error') warnings.push(msg.text());
  });
  await gotoApp(page, 'sim=physical&op=azercell&pay=cash');

  // The picker and the ranked paths.
  await choose(page, 'pay', 'local_card');
  await choose(page, 'op', 'nar');
  await page.locator('.picker input[name=online]').check({ force: true });
  await page.locator('[data-testid=paths] details > summary').first().click();

  // "Remind me" on a path, save; delete, undo; renewed on a repeating one.
  await page.locator('[data-testid=paths] button[data-action=remind]').first().click();
  await page.locator('#reminder-repeat').selectOption('monthly');
  await page.locator('.reminder-form button[type=submit]').click();
  await expect(page.locator('[data-testid=reminders] > li.reminder')).toHaveCount(1);
  await page.locator('[data-testid=reminders] button[data-action=renewed]').click();
  await expect(page.getByTestId('announce')).not.toBeEmpty();
  await page.locator('[data-testid=reminders] button[data-action=delete]').click();
  await page.locator('button[data-action=undo]').click();
  await expect(page.locator('[data-testid=reminders] > li.reminder')).toHaveCount(1);
  await page.locator('[data-testid=reminders] button[data-action=edit]').click();
  await page.locator('.reminder-form button[data-action=cancel]').click();

  // The calculators.
  await page.locator('[data-tool=validity] button[type=submit]').click();
  await expect(page.getByTestId('validity-answer')).not.toBeEmpty();
  await page.locator('[data-tool=planner] input[name=planner-left]').fill('3 GB');
  await page.locator('[data-tool=planner] input[name=planner-per-day]').fill('512');
  await page.locator('[data-tool=planner] button[type=submit]').click();
  await expect(page.getByTestId('planner-answer')).not.toBeEmpty();

  // Another language, then "Report a mistake" (copies a description).
  // A debug build decodes the Russian pack several times slower than a release; on a
  // busy machine that took over 5 s.
  await page.locator('#lang').selectOption('ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru', { timeout: 20_000 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('[data-testid=paths] button[data-action=report]').first().click();
  await expect(page.locator('.report-box')).toBeVisible();

  const reactive = warnings.filter((w) => /reactive tracking context|signal|disposed|reactive_graph|unknown action/i.test(w));
  expect(reactive, `warnings of the reactive graph:\n${reactive.join('\n---\n')}`).toEqual([]);
});
