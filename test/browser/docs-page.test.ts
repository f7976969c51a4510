/**
 * The API reference page in a real browser: it loads from the local gateway alone, lists every
 * route of the table, and a request tried with a pasted token answers the sample district's data.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKeyOf, routes } from '../../functions/routes';
import { useApi } from '../support/api';
import { type Chromium, launchChromium } from '../support/chromium';
import { readSampleConfig, seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const OFFICE = 'van-phong-1';

let chromium: Chromium;
let page: Page;
/** Requests the page made to any other origin, and errors it logged: both must stay empty. */
const outside: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  await seedSampleDistrict();
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${api.baseUrl}/`) && !url.startsWith('data:')) outside.push(url);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) pageErrors.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(`${api.baseUrl}/docs`);
  await page.locator('.opblock').first().waitFor();
});

afterAll(async () => {
  await chromium?.close();
});

describe('the API reference page', () => {
  it('lists every route of the route table, and no other', async () => {
    const listed = await page
      .locator('.opblock')
      .evaluateAll((blocks) =>
        blocks.map(
          (block) =>
            `${block.querySelector('.opblock-summary-method')?.textContent} ${block.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`,
        ),
      );

    expect(listed.sort()).toEqual(routes.map(routeKeyOf).sort());
  });

  it('tries GET /me with a pasted token and shows the caller', async () => {
    const official = readSampleConfig().officials.find((candidate) => candidate.id === OFFICE);

    await page.locator('button.authorize').first().click();
    await page.locator('.auth-container input').fill(await api.tokenFor(OFFICE));
    await page.locator('.auth-btn-wrapper button.authorize').click();
    await page.locator('.auth-btn-wrapper button.btn-done').click();

    const me = page.locator('.opblock-get', { has: page.locator('[data-path="/me"]') });
    await me.locator('.opblock-summary-control').click();
    await me.locator('button.try-out__btn').click();
    await me.locator('button.execute').click();
    const response = me.locator('.live-responses-table .response').first();

    await expect.poll(() => response.locator('.response-col_status').textContent()).toContain('200');
    expect(await response.locator('.response-col_description').textContent()).toContain(official?.name);
  });

  it('reached no other host and logged no error', () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
