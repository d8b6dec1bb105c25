/**
 * Issue #14: the explorer page in a real browser. Starts credgraph as `npm start` does (its own
 * local Neo4j with the demo), drives headless Chromium (`CHROMIUM_PATH`, default
 * /usr/bin/chromium) through the advisor, portal and learner flows, and checks that what a
 * person sees equals the API's own answers; axe-core finds no serious or critical violation on any
 * screen; the page stays within the phone width; nothing leaves the origin and the CSP is never
 * violated. Screenshots go to `.data/screenshots/` (and to `docs/screenshots/` with
 * UPDATE_SCREENSHOTS=1).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildProject, spawnServer, type SpawnedServer } from '../support/process-probes';
import { findFreePort } from '../../src/db/local-neo4j';

const ROOT = path.resolve(__dirname, '../..');
const AXE_SOURCE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SHOTS = [path.join(ROOT, '.data/screenshots')];
/** The README shows these two; UPDATE_SCREENSHOTS=1 refreshes them. */
const README_SHOTS = new Set(['advisor-coverage-plan.png', 'reskilling-paths.png']);
const shotDirs = (name: string) => [
  ...SHOTS,
  ...(process.env.UPDATE_SCREENSHOTS === '1' && README_SHOTS.has(name) ? [path.join(ROOT, 'docs/screenshots')] : []),
];
const DATA_ANALYST = 'http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2';

/** How the page prints a share (0.456 → "46 %"). */
const pct = (x: number) => `${Math.round(x * 100)} %`;

let server: SpawnedServer;
let base: string;
let browser: Browser;
let dataDir: string;
const pageErrors: string[] = [];
/**
 * The latest answer the API gave the page, per operation name. A plan whose exact solve runs out
 * of PLAN_TIME_LIMIT_MS falls back to greedy, so two identical requests on a busy machine may get
 * different plans: what the page shows is compared with the answer to its own request.
 */
const answers = new Map<string, { data: Record<string, unknown> }>();
const foreignRequests: string[] = [];

/** Posts to the API directly: the reference the page's numbers are compared with. */
async function api<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function demoToken(persona: string): Promise<string> {
  const response = await fetch(`${base}/dev/sign-in?persona=${persona}`, { method: 'POST' });
  return ((await response.json()) as { token: string }).token;
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && pageErrors.push(`console: ${message.text()}`));
  page.on('response', async (response) => {
    const name = /^\s*query\s+(\w+)/.exec(
      (JSON.parse(response.request().postData() ?? '{}') as { query?: string }).query ?? '',
    )?.[1];
    if (name && response.url().endsWith('/graphql'))
      answers.set(name, (await response.json().catch(() => ({}))) as { data: Record<string, unknown> });
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  return page;
}

/** Waits until the page has nothing loading (after the debounce of a change). */
async function settled(page: Page): Promise<void> {
  await page.waitForTimeout(400);
  await page.waitForFunction(() => document.querySelector('.loading') === null, undefined, { timeout: 60_000 });
  await page.waitForTimeout(150); // lets the response listener record the answer
}

async function text(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).first().textContent())?.trim() ?? '';
}

/** axe-core's serious and critical violations on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (an injected
  // <script> would be blocked, as it should be).
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () =>
    (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  for (const dir of shotDirs(name)) {
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, name), fullPage });
  }
}

beforeAll(async () => {
  buildProject(ROOT);
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.mts',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-browser-neo4j-'));
  server = await spawnServer(path.join(ROOT, 'dist/src/main.js'), ROOT, {
    PATH: process.env.PATH ?? '',
    HOME: os.homedir(),
    LOG_LEVEL: 'warn',
    PORT: '0',
    NEO4J_LOCAL_DATA_DIR: dataDir,
    NEO4J_LOCAL_PORT: String(await findFreePort()),
    NEO4J_LOCAL_HEAP: '768m',
    NEO4J_LOCAL_PAGECACHE: '256m',
    RATE_LIMIT_PER_MINUTE: '100000',
    // Two shared cores: a cold reskilling request may need more than the default 15 s.
    REQUEST_TIMEOUT_MS: '60000',
    PLAN_TIME_LIMIT_MS: '5000',
  });
  base = server.url.replace(/\/graphql$/, '');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}, 400_000);

afterAll(async () => {
  await browser?.close();
  if (server) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the explorer in Chromium', () => {
  it("advisor: occupation, credentials and free text give the API's coverage, closest occupations, plan and reskilling paths", async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await newPage(context);
    await page.goto(`${base}/`);
    await page.getByLabel('Find an occupation').fill('data analyst');
    await page.locator('#occupation-results').getByRole('button', { name: 'data analyst', exact: true }).click();
    await page.getByLabel('Held credentials (search the catalog)').fill('data');
    await page.locator('#credential-results button').first().click();
    await page
      .getByLabel('Describe what the person can do')
      .fill('I clean data in spreadsheets and write SQL queries for reports');
    await page.getByRole('button', { name: 'Suggest skills' }).click();
    await settled(page);
    await page.locator('#skill-suggestions button').first().click();
    await settled(page);
    expect(await text(page, 'selected-occupation')).toBe('data analyst');

    // The URL holds the state: the same subject, sent to the API directly, is the reference.
    const params = new URL(page.url()).searchParams;
    expect(params.get('occ')).toBe(DATA_ANALYST);
    const subject = { credentialIds: params.get('cred')!.split(','), skillUris: params.get('skills')!.split(',') };
    expect(subject.credentialIds).toHaveLength(1);
    expect(subject.skillUris).toHaveLength(1);
    const target = { occupationUri: DATA_ANALYST };
    const reference = await api<{
      coverage: { score: number; essentialCoverage: number; optionalCoverage: number; requirements: unknown[] };
      rankOccupations: { nodes: { occupation: { preferredLabel: string } }[] };
    }>(
      `query($s: SubjectInput!, $t: TargetInput!) { coverage(subject: $s, target: $t) { score essentialCoverage optionalCoverage requirements { status } }
        rankOccupations(subject: $s, first: 5) { nodes { occupation { preferredLabel } } } }`,
      { s: subject, t: target },
    );
    expect(await text(page, 'coverage-score')).toBe(pct(reference.coverage.score));
    expect(await text(page, 'coverage-essential-value')).toBe(pct(reference.coverage.essentialCoverage));
    expect(await text(page, 'coverage-optional-value')).toBe(pct(reference.coverage.optionalCoverage));
    expect(await page.getByTestId('coverage-requirements').locator('tbody tr').count()).toBe(
      reference.coverage.requirements.length,
    );
    const closest = await page.getByTestId('closest').locator('li button').allTextContents();
    expect(closest).toEqual(reference.rankOccupations.nodes.map((n) => n.occupation.preferredLabel));

    // The plan under a budget set with the controls.
    await page.getByTestId('max-hours').fill('300');
    await page.getByTestId('max-hours').press('Tab');
    await page.getByTestId('languages').fill('en');
    await page.getByTestId('languages').press('Tab');
    await settled(page);
    const plan = answers.get('Plan')!.data.recommendCourses as {
      status: string;
      optimal: boolean;
      totalHours: number | null;
      steps: { credential: { title: string; workloadHours: number | null; languages: string[] } }[];
    };
    // The answer the page got is the one for the budget set with the controls.
    expect(plan.totalHours ?? 0).toBeLessThanOrEqual(300);
    for (const step of plan.steps) expect(step.credential.languages).toContain('en');
    expect(await text(page, 'plan-status')).toBe(plan.status.toLowerCase().replace(/_/g, ' '));
    expect(await text(page, 'plan-optimal')).toBe(plan.optimal ? 'yes' : 'no');
    expect(await text(page, 'plan-hours')).toBe(
      plan.totalHours === null ? '–' : `${Math.round(plan.totalHours * 10) / 10} h`,
    );
    const steps = await page.getByTestId('plan-steps').locator('h4').allTextContents();
    expect(steps).toEqual(plan.steps.map((s, i) => `${i + 1}. ${s.credential.title}`));
    expect(plan.steps.length).toBeGreaterThan(0);
    expect(await page.getByTestId('plan-chart').locator('canvas').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'advisor-coverage-plan.png');

    // Reskilling paths: one point and one row per occupation the API returns.
    await page.getByTestId('show-reskilling').click();
    await settled(page);
    // The same request sent directly names the same candidate occupations; the page shows its own answer.
    const paths = answers.get('Reskilling')!.data.reskillingPaths as { occupation: { preferredLabel: string } }[];
    const direct = (
      await api<{ reskillingPaths: unknown[] }>(
        `query($s: SubjectInput!) { reskillingPaths(subject: $s, first: 10, candidates: 20, objective: HOURS, constraints: { maxTotalHours: 300, languages: ["en"] }) { occupation { preferredLabel } } }`,
        { s: subject },
      )
    ).reskillingPaths;
    expect(paths.length).toBe(direct.length);
    expect(paths.length).toBeGreaterThan(0);
    const failure = page.locator('section[aria-labelledby="h-reskilling"] [role="alert"]');
    expect(await failure.count(), (await failure.allTextContents()).join()).toBe(0);
    const rows = await page.getByTestId('reskilling-table').locator('tbody th').allTextContents();
    expect([...rows].sort()).toEqual(paths.map((p) => p.occupation.preferredLabel).sort());
    expect(await page.getByTestId('reskilling-chart').locator('canvas').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('heading', { name: '5. Reskilling paths' }).scrollIntoViewIfNeeded();
    for (const dir of shotDirs('reskilling-paths.png'))
      await page
        .locator('section[aria-labelledby="h-reskilling"]')
        .screenshot({ path: path.join(dir, 'reskilling-paths.png') });

    // Linkable: a fresh page on the same URL shows the same coverage.
    const again = await newPage(context);
    await again.goto(page.url());
    await settled(again);
    expect(await text(again, 'coverage-score')).toBe(pct(reference.coverage.score));
    expect(await text(again, 'plan-hours')).toBe(await text(page, 'plan-hours'));
    await context.close();
  });

  it("advisor: opens a learner who granted access, with the learner's coverage as the API answers it", async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await newPage(context);
    await page.goto(`${base}/?occ=${encodeURIComponent(DATA_ANALYST)}`);
    await page.getByTestId('demo-sign-in').click();
    await page.getByTestId('signed-in').waitFor();
    await page.getByLabel(/Or open a learner/).fill('demo-ann');
    await page.getByRole('button', { name: 'Open learner' }).click();
    await settled(page);
    const token = await demoToken('advisor');
    const reference = await api<{ coverage: { score: number; essentialCoverage: number } }>(
      `query($t: TargetInput!) { coverage(subject: { learnerId: "demo-ann" }, target: $t) { score essentialCoverage } }`,
      { t: { occupationUri: DATA_ANALYST } },
      token,
    );
    expect(await text(page, 'subject-learner')).toBe('demo-ann');
    expect(await text(page, 'coverage-score')).toBe(pct(reference.coverage.score));
    expect(await text(page, 'coverage-essential-value')).toBe(pct(reference.coverage.essentialCoverage));
    await context.close();
  });

  it('advisor screen at phone width: no horizontal scrolling, keyboard reaches the occupation results, no axe violations', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await newPage(context);
    await page.goto(`${base}/?occ=${encodeURIComponent(DATA_ANALYST)}&obj=PRICE`);
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.getByLabel('Find an occupation').fill('nurse');
    await settled(page);
    await page.getByLabel('Find an occupation').press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.closest('#occupation-results') !== null);
    expect(focused).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'advisor-phone.png');
    await context.close();
  });

  it("shows the API's message when a request fails", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await page.goto(`${base}/?occ=${encodeURIComponent('http://data.europa.eu/esco/occupation/does-not-exist')}`);
    await settled(page);
    const alert = page.getByRole('alert').first();
    const reference = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ coverage(subject: { skillUris: [] }, target: { occupationUri: "http://data.europa.eu/esco/occupation/does-not-exist" }) { score } }`,
      }),
    });
    const message = ((await reference.json()) as { errors: { message: string }[] }).errors[0]!.message;
    expect(await alert.textContent()).toContain(message);
    pageErrors.length = 0; // the failed request itself is logged by the browser, as expected
    await context.close();
  });

  it("portal: a posting's consenting candidates in the API's order, with the explanation per requirement", async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await newPage(context);
    await page.goto(`${base}/?view=portal`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('demo-sign-in').click();
    await page.getByRole('button', { name: 'Rank candidates' }).click();
    await settled(page);
    const token = await demoToken('portal');
    const reference = (
      await api<{
        rankCandidates: {
          totalCount: number;
          nodes: { displayName: string; score: number; coverage: { requirements: unknown[] } }[];
        };
      }>(
        `{ rankCandidates(target: { jobPostingId: "demo-posting-01" }, first: 10) { totalCount nodes { displayName score coverage { requirements { status } } } } }`,
        {},
        token,
      )
    ).rankCandidates;
    expect(reference.nodes.length).toBeGreaterThan(0);
    const names = await page.getByTestId('candidates').locator('summary strong').allTextContents();
    expect(names).toEqual(reference.nodes.map((n) => n.displayName));
    const scores = await page.getByTestId('candidates').locator('.candidate-score').allTextContents();
    expect(scores).toEqual(reference.nodes.map((n) => pct(n.score)));
    await page.getByTestId('candidates').locator('summary').first().click();
    expect(await page.getByTestId('candidate-0-requirements').locator('tbody tr').count()).toBe(
      reference.nodes[0]!.coverage.requirements.length,
    );
    expect(new URL(page.url()).searchParams.get('posting')).toBe('demo-posting-01');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'portal-candidates.png');
    await context.close();
  });

  it('learner: my credentials, target coverage and plan, advisor access, export, and deletion with confirmation', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    const page = await newPage(context);
    await page.goto(`${base}/?view=learner`);
    await page.getByTestId('demo-sign-in').click();
    await settled(page);
    const token = await demoToken('learner');
    const me = (
      await api<{
        learner: { holdings: unknown[]; targetOccupations: { uri: string }[]; coverage: { score: number } };
      }>(
        `query($t: TargetInput!) { learner(id: "demo-ann") { holdings { expired } targetOccupations { uri } coverage(target: $t) { score } } }`,
        { t: { occupationUri: DATA_ANALYST } },
        token,
      )
    ).learner;
    expect(me.targetOccupations[0]!.uri).toBe(DATA_ANALYST);
    expect(await page.getByTestId('holdings').locator('tbody tr').count()).toBe(me.holdings.length);
    expect(await text(page, 'my-coverage-score')).toBe(pct(me.coverage.score));
    expect(await page.getByTestId('plan-steps').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'learner.png');

    await page.getByLabel('Advisor (their sign-in subject)').fill('advisor-from-browser-test');
    await page.getByRole('button', { name: 'Grant access' }).click();
    await page.getByTestId('learner-message').filter({ hasText: 'Granted' }).waitFor();
    expect(await text(page, 'learner-message')).toContain('advisor-from-browser-test');
    await page.getByRole('button', { name: 'Revoke access' }).click();
    await page.getByTestId('learner-message').filter({ hasText: 'Revoked' }).waitFor();
    expect(await text(page, 'learner-message')).not.toContain('advisor-from-browser-test');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export my data (JSON)' }).click();
    const file = await (await download).path();
    expect(JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8')))).toContain('demo-ann');

    const remove = page.getByRole('button', { name: 'Delete my data' });
    expect(await remove.isDisabled()).toBe(true);
    await page.getByLabel(/To delete your record for good/).fill('demo-ann');
    await remove.click();
    await page.getByText('No record for demo-ann').waitFor();
    const after = await api<{ learner: unknown }>(`{ learner(id: "demo-ann") { id } }`, {}, token);
    expect(after.learner).toBeNull();
    await context.close();
  });

  it('sent nothing beyond its origin and hit no CSP violation or script error', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
