/**
 * An issued response as a printable page in a real browser: it loads from the local gateway alone,
 * runs nothing, and shows the party document's heading and every entry with its answer.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApi } from '../support/api';
import { type Chromium, launchChromium } from '../support/chromium';
import { type IssuedEntry, issueSampleResponse } from '../support/issued-response';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();

let chromium: Chromium;
let page: Page;
let entries: IssuedEntry[];
const outside: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  await seedSampleDistrict();
  expect((await api.request('POST', '/cycles/2027-03/open', { as: 'van-phong-1' })).status).toBe(201);
  const issued = await issueSampleResponse(api);
  entries = issued.entries;
  chromium = await launchChromium();
  await chromium.context.setExtraHTTPHeaders({ authorization: `Bearer ${await api.tokenFor('truong-khu-2')}` });
  page = await chromium.context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith(`${api.baseUrl}/`)) outside.push(request.url());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  const response = await page.goto(`${api.baseUrl}/responses/${issued.id}`);
  expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
});

afterAll(async () => {
  await chromium?.close();
});

describe('the issued response as a page', () => {
  it('is headed as a party document', async () => {
    const heading = await page.locator('header.heading').textContent();

    for (const text of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'HUYỆN UỶ GIA LỘC',
      'Số 45-TB/HU',
      'Gia Lộc, ngày 28 tháng 3 năm 2027',
    ]) {
      expect(heading).toContain(text);
    }
    expect(await page.locator('h1').textContent()).toBe('THÔNG BÁO');
    expect(await page.locator('.signer').textContent()).toContain('Đoàn Minh Định');
  });

  it('holds every entry, by zone and field, each with its answer as written', async () => {
    expect(await page.locator('section.zone h2').allTextContents()).toEqual(['I. KHU 1', 'II. KHU 2']);
    expect(await page.locator('article.entry').count()).toBe(entries.length);
    for (const entry of entries) {
      const shown = await page.locator(`article.entry[data-proposal="${entry.proposalId}"]`).textContent();
      expect(shown).toContain(entry.title);
      expect(shown).toContain(entry.answer);
    }
  });

  it('reached no other host, ran nothing and logged no error', async () => {
    expect(await page.locator('script').count()).toBe(0);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
