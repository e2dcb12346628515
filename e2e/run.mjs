// Browser checks of juryn's public pages, as a reader meets them: Debian's chromium driven by
// playwright-core, axe-core for WCAG 2.1 A/AA. Starts the binary (JURYN_BIN, default the debug
// build) with the demo on a fresh SQLite database, walks the pages, saves screenshots of the
// edition page under e2e/screenshots/, and ends with the line "N passed, M failed".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const bin = resolve(root, process.env.JURYN_BIN || 'target/debug/juryn');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const axeSource = readFileSync(join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
const shots = join(here, 'screenshots');
mkdirSync(shots, { recursive: true });

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
    s.on('error', fail);
  });
}

async function startServer(extra = []) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'juryn-e2e-'));
  const database = `sqlite://${dir}/demo.db`;
  const add = spawnSync(bin, ['user', 'add', '--email', ORGANISER.email, '--name', 'Karin Ekholm', '--role', 'admin', '--database', database],
    { input: `${ORGANISER.password}\n`, env: { ...process.env, JURYN_LOG: 'warn' } });
  if (add.status !== 0) throw new Error(`juryn user add failed: ${add.stderr}`);
  const child = spawn(bin, ['demo', ...extra, '--listen', `127.0.0.1:${port}`, '--database', database, '--outbox', `${dir}/outbox`], {
    stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, JURYN_LOG: 'warn' },
  });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${log}`);
    try { if ((await fetch(`${base}/health`)).ok) return { base, child, dir, database, outbox: `${dir}/outbox` }; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not come up: ${log}`);
}

function assert(cond, msg) { if (!cond) throw new Error(msg); }

async function text(page) { return page.locator('body').innerText(); }

async function expectTexts(page, texts) {
  const body = await text(page);
  for (const t of texts) assert(body.includes(t), `missing "${t}" on ${page.url()}`);
}

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  assert(result.passes.length > 10, `axe ran only ${result.passes.length} rules on ${page.url()}`);
  const v = result.violations.map((x) => `${x.id} (${x.impact}): ${x.help} – ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert(v.length === 0, `axe found ${v.length} violations on ${page.url()}:\n  ${v.join('\n  ')}`);
}

const checks = [];
const check = (name, fn) => checks.push({ name, fn });

const EDITION = '/digitaliseringskommun/2019';
const ORGANISER = { email: 'karin@example.se', password: 'correct horse battery staple' };

/**
 * The mails in the outbox that `test` accepts (quoted-printable undone), once there is one:
 * waits up to ten seconds for the mail worker; then a moment more, so a second copy would show.
 */
async function mailsWhere(outbox, test) {
  const read = () => (existsSync(outbox) ? readdirSync(outbox) : [])
    .map((f) => readFileSync(join(outbox, f), 'utf8').replace(/=\r?\n/g, '')).filter(test);
  for (let waited = 0; waited < 10000 && read().length === 0; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 500));
  return read();
}

/** Links already followed: each step waits for a mail with a link it has not seen. */
const seenLinks = new Set();

/**
 * The first link to `path` in the newest mail of the outbox (quoted-printable undone) that no
 * step has followed before, waiting up to ten seconds for the mail worker to deliver it (a
 * request only queues its mail).
 */
async function linkInNewestMail(outbox, path) {
  for (let waited = 0; waited < 10000; waited += 100) {
    const files = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')).sort() : [];
    if (files.length > 0) {
      const raw = readFileSync(join(outbox, files[files.length - 1]), 'utf8').replace(/=\r?\n/g, '');
      const match = raw.match(new RegExp(`http://[^\\s]+${path}[A-Za-z0-9_-]+`));
      if (match && !seenLinks.has(match[0])) {
        seenLinks.add(match[0]);
        return match[0];
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no new mail with a ${path} link in ${outbox}`);
}
const NOMINEES = ['Karlskrona', 'Karlstad', 'Lidingö', 'Södertälje', 'Umeå'];

check('the edition page shows nominees, timeline, booklet and past winners, with no axe violations', async ({ page, base }) => {
  const res = await page.goto(base + EDITION);
  assert(res.status() === 200, `status ${res.status()}`);
  assert(await page.getAttribute('html', 'lang') === 'sv', 'html lang is sv');
  await expectTexts(page, [...NOMINEES, 'Se juryns medlemmar', 'Så utses vinnaren', 'Hålltider', '31 maj',
    'Augusti–september', '12–14 november', '2020', 'Ladda ner skriften som PDF', 'Tidigare vinnare', 'Kalix', 'Upplands Väsby']);
  const nominees = await page.locator('ul.nominees li').allInnerTexts();
  assert(JSON.stringify(nominees) === JSON.stringify(NOMINEES), `nominees ${nominees}`);
  assert(await page.locator('table.timeline tbody tr').count() === 8, 'eight milestones');
  assert(await page.locator('svg.map path').count() === 290, '290 municipalities on the map');
  assert((await page.getAttribute('svg.map', 'aria-hidden')) === 'true', 'the map is hidden from assistive technology');
  assert((await page.locator('#karta-t').innerText()).startsWith('Karta över deltagande kommuner'), 'the map has a text alternative beside it');
  assert(await page.locator('svg.map a[href="/kommuner/0186"]').count() === 1, 'Lidingö on the map leads to its page');
  await axe(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(shots, 'edition-desktop.png'), fullPage: true });
});

check('the edition page on a phone', async ({ browser, base }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, bypassCSP: true });
  const page = await ctx.newPage();
  await page.goto(base + EDITION);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `the page scrolls sideways by ${overflow}px on a phone`);
  await axe(page);
  await page.screenshot({ path: join(shots, 'edition-mobile.png'), fullPage: true });
  await ctx.close();
});

check('the booklet as web pages: contents, a chapter, the PDF, without JavaScript and with no axe violations', async ({ browser, base }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(base + EDITION);
  await page.getByRole('link', { name: 'Läs den som webbsidor' }).click();
  await page.waitForURL('**/2019/skrift');
  await expectTexts(page, ['Kommunernas utveckling i en digital tid', 'Förord', 'Innehåll', '42 kommuner medverkar i skriften.', 'SHA-256']);
  assert(await page.locator('ol.booklet-toc li').count() === 42, '42 chapters in the contents');
  await page.screenshot({ path: join(shots, 'booklet-contents.png'), fullPage: true });
  await page.getByRole('link', { name: 'Lidingö' }).click();
  await page.waitForURL('**/2019/skrift/0186');
  await expectTexts(page, ['Lidingö', 'Stockholms län', 'Vilket utvecklingsarbete']);
  assert(await page.locator('h2').count() >= 3, 'a heading per question');
  await page.screenshot({ path: join(shots, 'booklet-chapter.png'), fullPage: true });
  await page.getByRole('link', { name: /Linköping/ }).first().click();
  await page.waitForURL('**/2019/skrift/0580');
  const pdf = await page.request.get(base + EDITION + '/skrift.pdf');
  assert(pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf', `PDF: ${pdf.status()}`);
  assert((await pdf.body()).subarray(0, 5).toString() === '%PDF-', 'a PDF');
  await ctx.close();

  // axe needs a script of its own: the same pages again in a context that runs it.
  const orgCtx = await browser.newContext({ bypassCSP: true });
  const org = await orgCtx.newPage();
  for (const path of ['/skrift', '/skrift/0186']) {
    await org.goto(base + EDITION + path);
    await axe(org);
  }

  // The organiser's page: versions, who is left out, the forms.
  await signIn(org, base, ORGANISER.email);
  await org.goto(base + '/admin/digitaliseringskommun/2019/skrift');
  await expectTexts(org, ['Version 1 är publicerad sedan', '42 bidrag ingår', 'Borås – kommunen har inte samtyckt', 'Omslagsbild']);
  await org.fill('#title', '   ');
  await org.getByRole('button', { name: 'Spara' }).first().click();
  await expectTexts(org, ['Skriv en titel.']);
  await axe(org);
  await org.screenshot({ path: join(shots, 'booklet-admin.png'), fullPage: true });
  await orgCtx.close();
});

check('the jury page lists seven members with the chair marked', async ({ page, base }) => {
  await page.goto(base + EDITION);
  await page.getByRole('link', { name: 'Se juryns medlemmar' }).click();
  await page.waitForURL('**/2019/jury');
  assert(await page.locator('ul.jury li').count() === 7, 'seven jurors');
  await expectTexts(page, ['Karin Ekholm (ordförande)', 'exempeldata']);
  await axe(page);
  await page.screenshot({ path: join(shots, 'jury.png'), fullPage: true });
});

check('a reader walks from the start page to a nominee without JavaScript', async ({ browser, base }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(base + '/');
  await page.locator('main').getByRole('link', { name: 'Sveriges DigitaliseringsKommun', exact: true }).click();
  await page.waitForURL('**/digitaliseringskommun');
  await page.getByRole('link', { name: 'Sveriges DigitaliseringsKommun 2019' }).first().click();
  await page.waitForURL('**' + EDITION);
  await page.locator('ul.nominees').getByRole('link', { name: 'Umeå' }).click();
  await page.waitForURL('**/kommuner/2480');
  await expectTexts(page, ['Umeå', 'Västerbottens län', 'Nominerad']);
  await ctx.close();
});

check('the award, start and municipality pages have no axe violations', async ({ page, base }) => {
  for (const path of ['/', '/digitaliseringskommun', '/kommuner/0186', '/kommuner/2514']) {
    const res = await page.goto(base + path);
    assert(res.status() === 200, `${path}: ${res.status()}`);
    await axe(page);
  }
  await expectTexts(page, ['Kalix', 'Norrbottens län', 'Sveriges DigitaliseringsKommun 2001']);
  await page.goto(base + '/kommuner/0186');
  await page.screenshot({ path: join(shots, 'municipality.png'), fullPage: true });
});

check('the public searches the answers and reads the pulse, with and without JavaScript, with no axe violations', async ({ browser, page, base }) => {
  await page.goto(base + '/sok');
  await axe(page);
  await page.getByLabel('Sök bland vad kommunerna har skrivit').fill('pandemin');
  await page.getByLabel('År', { exact: true }).selectOption('2021');
  await page.getByRole('button', { name: 'Sök' }).click();
  await page.waitForURL('**/sok?q=pandemin**');
  await expectTexts(page, ['bidrag med ”pandemin”', 'Sveriges DigitaliseringsKommun 2021']);
  const first = page.locator('ol.search-results h3 a').first();
  assert((await first.getAttribute('href')).startsWith('/digitaliseringskommun/2021/skrift/'), 'a hit opens its booklet chapter');
  assert(await page.locator('ol.search-results mark').count() > 0, 'the matches are marked');
  await axe(page);
  await page.screenshot({ path: join(shots, 'search.png') });
  // A bad filter value: named, the query kept.
  const bad = await page.goto(base + '/sok?q=bygglov&ar=1999');
  assert(bad.status() === 400, `a bad year is 400, not ${bad.status()}`);
  await expectTexts(page, ['”1999” är inget giltigt värde']);
  assert(await page.inputValue('#q') === 'bygglov', 'what was typed is kept');
  await axe(page);
  // The pulse of 2021: maturity with charts and tables, words that lead to their search.
  await page.goto(base + '/digitaliseringskommun/2021/pulsen');
  await expectTexts(page, ['Pulsen 2021', 'Självskattad digital mognad', 'Informationssäkerhet', 'Det här sticker ut']);
  assert(await page.locator('svg.levels title').count() >= 6, 'each bar has a text alternative');
  await axe(page);
  await page.screenshot({ path: join(shots, 'pulse.png'), fullPage: true });
  await page.locator('ul.terms a').first().click();
  await page.waitForURL('**/sok?q=**');
  assert(await page.locator('ol.search-results li').count() > 0, 'a standing-out word finds its answers');
  await page.goto(base + '/digitaliseringskommun/pulsen?lang=en');
  await expectTexts(page, ['The pulse over the years', '2019', '2021', '2023']);
  await axe(page);
  // Without JavaScript the search is the same form and the same results.
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const nojs = await ctx.newPage();
  await nojs.goto(base + '/sok?q=e-tj%C3%A4nst');
  assert(await nojs.locator('ol.search-results mark').count() > 0, 'marked without JavaScript');
  await ctx.close();
});

check('English is one click away and is remembered', async ({ page, base }) => {
  await page.goto(base + EDITION);
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL('**?lang=en');
  assert(await page.getAttribute('html', 'lang') === 'en', 'html lang is en');
  await expectTexts(page, ['The nominees', 'Timeline', 'August–September']);
  await axe(page);
  await page.getByRole('link', { name: 'See the members of the jury' }).click();
  await page.waitForURL('**/2019/jury');
  await expectTexts(page, ['(chair)']);
  await page.getByRole('link', { name: 'Svenska' }).click();
  await expectTexts(page, ['(ordförande)']);
});

check('an unknown page is a Swedish 404 with a way back, and no axe violations', async ({ page, base }) => {
  const res = await page.goto(base + '/kommuner/abc');
  assert(res.status() === 404, `status ${res.status()}`);
  await expectTexts(page, ['Sidan finns inte', 'Till startsidan']);
  await axe(page);
});

check('an organiser signs in, invites a juror, who follows the emailed link, sets a password and signs in', async ({ browser, page, base, outbox }) => {
  await page.goto(base + '/admin/personer');
  await page.waitForURL('**/logga-in?nasta=/admin/personer');
  await axe(page);
  await page.screenshot({ path: join(shots, 'sign-in.png'), fullPage: true });
  await page.fill('#email', ORGANISER.email);
  await page.fill('#password', ORGANISER.password);
  await page.getByRole('button', { name: 'Logga in' }).first().click();
  await page.waitForURL('**/admin/personer');
  await expectTexts(page, ['Personer och roller', 'Arrangör, hela installationen']);
  // The log reads as sentences with names, not codes.
  await page.goto(base + '/admin/logg');
  await expectTexts(page, ['Karin Ekholm loggade in']);
  await axe(page);
  await page.screenshot({ path: join(shots, 'audit-log.png'), fullPage: true });
  await page.goto(base + '/admin/personer');
  await page.fill('#invite-email', 'sofia.lind@example.se');
  await page.fill('#invite-name', 'Sofia Lind');
  await page.selectOption('#invite-role', 'juror');
  await page.selectOption('#invite-scope', 'digitaliseringskommun/2019');
  await page.getByRole('button', { name: 'Skicka inbjudan' }).click();
  await page.waitForURL('**/admin/personer?klart=inbjuden');
  await expectTexts(page, ['Inbjudan är skickad.']);
  await axe(page);
  await page.screenshot({ path: join(shots, 'people.png'), fullPage: true });

  const link = await linkInNewestMail(outbox, '/inbjudan/');
  // The invitation went through the mail queue: the organiser sees it sent, never its text.
  await page.goto(base + '/admin/post');
  await expectTexts(page, ['Utgående post', 'Sofia Lind <sofia.lind@example.se>', 'Inbjudan: jurymedlem', 'Skickat']);
  assert(!(await page.content()).includes('/inbjudan/'), 'the link is not shown');
  await axe(page);
  await page.screenshot({ path: join(shots, 'outgoing-mail.png'), fullPage: true });
  const ctx = await browser.newContext({ bypassCSP: true });
  const sofia = await ctx.newPage();
  await sofia.goto(link);
  await expectTexts(sofia, ['Du är inbjuden som jurymedlem, Sveriges DigitaliseringsKommun 2019']);
  await axe(sofia);
  await sofia.fill('#password', 'sofias eget långa lösen');
  await sofia.fill('#password_again', 'sofias eget långa lösen');
  await sofia.getByRole('button', { name: 'Spara' }).click();
  await sofia.waitForURL('**/konto');
  await expectTexts(sofia, ['Mina roller', 'Jurymedlem, Sveriges DigitaliseringsKommun 2019']);
  await axe(sofia);
  await sofia.getByRole('button', { name: 'Logga ut' }).click();
  await sofia.waitForURL('**/logga-in?utloggad=1');
  await expectTexts(sofia, ['Du är utloggad.']);
  await sofia.fill('#email', 'sofia.lind@example.se');
  await sofia.fill('#password', 'sofias eget långa lösen');
  await sofia.getByRole('button', { name: 'Logga in' }).first().click();
  await sofia.waitForURL('**/konto');
  await sofia.getByRole('link', { name: 'Jurymedlem, Sveriges DigitaliseringsKommun 2019' }).click();
  await sofia.waitForURL('**/jury/digitaliseringskommun/2019');
  await expectTexts(sofia, ['Lidingö', 'Karlstad']);
  await axe(sofia);
  // A juror is no organiser.
  const res = await sofia.goto(base + '/admin/personer');
  assert(res.status() === 403, `a juror got ${res.status()} from /admin/personer`);
  await ctx.close();

  await page.goto(base + '/admin/logg');
  await expectTexts(page, ['invitation.accept', 'session.sign-in']);
  await axe(page);
});

check('in call-open, anyone nominates, and the contact signs in by link, fixes an over-long answer and submits', async ({ browser, callOpen }) => {
  const { base, outbox, database } = callOpen;
  // Vadstena has a registered contact, who will hear of the nomination.
  const add = spawnSync(bin, ['user', 'add', '--email', 'lena@vadstena.se', '--name', 'Lena Berg', '--role', 'entrant-contact',
    '--award', 'digitaliseringskommun', '--year', '2019', '--municipality', '0584', '--database', database], { env: { ...process.env, JURYN_LOG: 'warn' } });
  assert(add.status === 0, `user add: ${add.stderr}`);
  const ctx = await browser.newContext({ bypassCSP: true });
  const page = await ctx.newPage();
  await page.goto(base + EDITION);
  await expectTexts(page, ['Enkäten är öppen']);
  await axe(page);
  await page.getByRole('link', { name: 'Nominera en kommun' }).click();
  await page.waitForURL('**/2019/nominera');
  await axe(page);
  await page.fill('#municipality', 'Vadstena (0584)');
  await page.fill('#reason', 'Vadstena har gjort sina e-tjänster tillgängliga för alla.');
  await page.fill('#name', 'Eva Ek');
  await page.fill('#email', 'eva@example.se');
  await page.getByRole('button', { name: 'Nominera' }).click();
  await expectTexts(page, ['Tack! Nomineringen av Vadstena']);
  await page.goto(await linkInNewestMail(outbox, '/nominering/'));
  await axe(page);
  await page.getByRole('button', { name: 'Bekräfta' }).click();
  await expectTexts(page, ['Nomineringen av Vadstena är mottagen', 'kontaktpersonerna i Vadstena']);
  await axe(page);
  await page.screenshot({ path: join(shots, 'nominated.png'), fullPage: true });

  // The contact asks for a sign-in link and follows it.
  await page.goto(base + '/logga-in');
  await page.fill('#link-email', 'lena@vadstena.se');
  await page.getByRole('button', { name: 'Skicka inloggningslänk' }).click();
  await expectTexts(page, ['Om adressen finns hos oss']);
  await page.goto(await linkInNewestMail(outbox, '/logga-in/lank/'));
  await axe(page);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL('**/konto');
  await page.goto(base + '/portal');
  await axe(page);
  await page.getByRole('link', { name: /Vadstena/ }).click();
  await page.waitForURL('**/portal/bidrag/*');
  await axe(page);
  const tooLong = Array(605).fill('ord').join(' ');
  await page.fill('#q0', tooLong);
  // The page's script counts as you type (without it, the count comes after saving).
  assert((await page.locator('#q0-count .words').innerText()) === '605', 'the live word count');
  // Past the limit the count says so in words, in a colour that shows.
  await expectTexts(page, ['5 ord för mycket']);
  const red = await page.locator('#q0-count').evaluate((el) => getComputedStyle(el).color);
  assert(red === 'rgb(164, 0, 29)', `the over-limit count's colour: ${red}`);
  await page.fill('#q1', 'Effekten var stor.');
  await page.fill('#q2', 'Vi lärde oss mycket.');
  // Autosave: a moment after typing stops the draft is saved — over the limit too — and the page
  // says when; after a reload the text is there.
  await page.locator('#autosave-status').filter({ hasText: 'Sparat kl.' }).waitFor({ timeout: 15000 });
  await page.reload();
  assert((await page.inputValue('#q0')) === tooLong, 'the autosaved draft after a reload');
  assert((await page.inputValue('#q2')) === 'Vi lärde oss mycket.', 'every answer autosaved');
  await expectTexts(page, ['5 ord för mycket']);
  await axe(page);
  await page.getByRole('button', { name: 'Skicka in' }).click();
  await expectTexts(page, ['Svaret har 605 ord; högst 600 ord får plats.', 'Bidraget är inte inskickat']);
  assert((await page.inputValue('#q0')) === tooLong, 'the over-long text is kept');
  await axe(page);
  await page.screenshot({ path: join(shots, 'entry-error.png'), fullPage: true });
  await page.fill('#q0', Array(600).fill('ord').join(' '));
  await page.getByRole('button', { name: 'Skicka in' }).click();
  await expectTexts(page, ['Bidraget är inskickat']);
  await axe(page);
  await page.screenshot({ path: join(shots, 'entry-submitted.png'), fullPage: true });
  await ctx.close();
});


check('decided: the seal is public and the winner is not; announced: the winner, the citation and a matching seal', async ({ browser }) => {
  const decided = await startServer(['--phase', 'decided']);
  const announced = await startServer(['--phase', 'announced']);
  try {
    const ctx = await browser.newContext({ bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(decided.base + EDITION);
    await expectTexts(page, ['Juryns beslut är fattat och förseglat', 'publiceras när vinnaren tillkännages']);
    const commitment = (await page.locator('section.seal code.hash').first().innerText()).trim();
    assert(/^[0-9a-f]{64}$/.test(commitment), `commitment ${commitment}`);
    assert(await page.locator('#vinnare').count() === 0, 'no winner section before the gala');
    await axe(page);
    await page.goto(announced.base + EDITION);
    await expectTexts(page, ['Vinnare', 'Lidingö', 'Juryns motivering', 'Sigillet stämmer']);
    await axe(page);
    await page.screenshot({ path: join(shots, 'announced.png'), fullPage: true });
    await ctx.close();
  } finally {
    for (const s of [decided, announced]) { s.child.kill(); rmSync(s.dir, { recursive: true, force: true }); }
  }
});

/** A person with a password for a demo account (the demo's jurors have none). */
function givePassword(database, email, name, role) {
  const add = spawnSync(bin, ['user', 'add', '--email', email, '--name', name, '--role', role, '--award', 'digitaliseringskommun',
    '--year', '2019', '--database', database], { input: `${ORGANISER.password}\n`, env: { ...process.env, JURYN_LOG: 'warn' } });
  assert(add.status === 0, `user add: ${add.stderr}`);
}

async function signIn(page, base, email) {
  await page.goto(base + '/logga-in');
  await page.fill('#email', email);
  await page.fill('#password', ORGANISER.password);
  await page.getByRole('button', { name: 'Logga in' }).first().click();
  await page.waitForURL('**/konto');
}

/** `2026-11-26T14:00:05`: a moment as a datetime-local field in Stockholm reads it. */
function stockholmLocal(date) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

check('a curious juror: cannot revise after peeking, sees no ranking with reviews left or none at all, and cannot open a draft by its address', async ({ browser, shortlisting, callOpen }) => {
  const JURY = '/jury/digitaliseringskommun/2019';
  {
    const { base, database } = shortlisting;
    givePassword(database, 'sofia.lind@example.invalid', 'Sofia Lind', 'juror');
    const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const sofia = await ctx.newPage();
    await signIn(sofia, base, 'sofia.lind@example.invalid');
    await sofia.goto(base + JURY);
    // A draft of hers: placeholder scores, submitted to see the others.
    const draft = sofia.locator('tr:has(.progress-draft)').first();
    await draft.locator('th a').click();
    await sofia.waitForURL('**/bidrag/*');
    const entry = sofia.url().split('#')[0];
    for (const fieldset of await sofia.locator('fieldset.criterion').all()) {
      await fieldset.locator('input[type=radio][value="1"]').check();
    }
    await sofia.getByRole('button', { name: 'Skicka in bedömningen' }).click();
    await sofia.waitForURL('**#bedomning');
    await expectTexts(sofia, ['Din bedömning är inskickad och kan inte längre ändras.', 'Juryns bedömningar']);
    assert(await sofia.getByRole('button', { name: 'Skicka in bedömningen' }).count() === 0, 'no form to revise with');
    await axe(sofia);
    // Revising anyway, with a hand-made request from her own browser: refused, nothing changed.
    const csrf = await sofia.locator('input[name=csrf]').first().getAttribute('value');
    const ids = await sofia.evaluate(() => [...document.querySelectorAll('.other-review')].length);
    assert(ids >= 1, 'the others are shown after submitting');
    const form = { csrf, op: 'submit', overall: 'Ändrad' };
    const criteria = await sofia.request.get(entry);
    for (const m of (await criteria.text()).matchAll(/score-(\d+)/g)) form[`score-${m[1]}`] = '5';
    const revised = await sofia.request.post(entry + '/bedomning', { form, headers: { Origin: base }, maxRedirects: 0 });
    assert([403, 409].includes(revised.status()), `a revision after peeking gave ${revised.status()}`);
    await sofia.goto(entry);
    await expectTexts(sofia, ['1 / 5']);
    // The ranking, with reviews still left: a refusal that says why, and no scores.
    const ranking = await sofia.goto(base + JURY + '/rangordning');
    assert(ranking.status() === 403, `the ranking with reviews left: ${ranking.status()}`);
    await expectTexts(sofia, ['kvar']);
    assert(!(await text(sofia)).includes('Justerat betyg'), 'no ranking shown');
    await axe(sofia);
    await ctx.close();
  }
  {
    const { base, database } = callOpen;
    givePassword(database, 'nyfiken@example.invalid', 'Nyfiken Juror', 'juror');
    const octx = await browser.newContext({ bypassCSP: true });
    const org = await octx.newPage();
    await signIn(org, base, ORGANISER.email);
    await org.goto(base + '/admin/digitaliseringskommun/2019/bidrag?status=draft');
    const href = await org.locator('table a[href^="/admin/digitaliseringskommun/2019/bidrag/"]').first().getAttribute('href');
    assert(href, 'a draft entry in the call');
    const code = href.split('/').pop();
    await octx.close();
    const ctx = await browser.newContext({ bypassCSP: true });
    const juror = await ctx.newPage();
    await signIn(juror, base, 'nyfiken@example.invalid');
    const res = await juror.goto(base + JURY + '/bidrag/' + code);
    assert(res.status() === 403, `a juror opening a draft by its address: ${res.status()}`);
    await axe(juror);
    const ranking = await juror.goto(base + JURY + '/rangordning');
    assert(ranking.status() === 403, `the ranking with nothing to review: ${ranking.status()}`);
    await expectTexts(juror, ['Du har inga bedömningar i den här omgången.']);
    await axe(juror);
    await ctx.close();
  }
});

check('in shortlisting, a juror declares a conflict and scores blind, the chair records the shortlist, the public sees it at its second', async ({ browser, shortlisting }) => {
  const { base, database } = shortlisting;
  givePassword(database, 'sofia.lind@example.invalid', 'Sofia Lind', 'juror');
  givePassword(database, 'karin.ekholm@example.invalid', 'Karin Ekholm', 'jury-chair');
  const JURY = '/jury/digitaliseringskommun/2019';
  const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const sofia = await ctx.newPage();
  await signIn(sofia, base, 'sofia.lind@example.invalid');
  await sofia.goto(base + JURY);
  await expectTexts(sofia, ['Dina bidrag att bedöma', 'Ej påbörjad', 'Utkast', 'Inskickad']);
  await axe(sofia);
  await sofia.screenshot({ path: join(shots, 'jury-list.png'), fullPage: true });
  const open = sofia.locator('tr:has(.progress-not-started)');
  assert(await open.count() >= 2, 'two entries not started');
  const conflicted = (await open.nth(0).locator('th a').innerText()).trim();
  const scored = (await open.nth(1).locator('th a').innerText()).trim();
  // A conflict, declared from the list before reading.
  await open.nth(0).getByRole('link', { name: /Anmäl jäv/ }).click();
  await sofia.waitForURL('**/jav?kommun=*');
  await axe(sofia);
  await sofia.fill('#reason', '   ');
  await sofia.getByRole('button', { name: 'Anmäl jäv' }).click();
  await expectTexts(sofia, ['Skriv skälet till jävet.']);
  await axe(sofia);
  await sofia.fill('#reason', 'Min bror är kommundirektör där.');
  await sofia.getByRole('button', { name: 'Anmäl jäv' }).click();
  await sofia.waitForURL('**' + JURY);
  await expectTexts(sofia, [`${conflicted} – anmält av jurymedlemmen: Min bror är kommundirektör där.`]);
  assert(await sofia.locator('table.list').getByRole('link', { name: conflicted, exact: true }).count() === 0, 'the conflicted entry left the list');
  // Scoring: the others' reviews appear only once hers is in.
  await sofia.locator('table.list').getByRole('link', { name: scored, exact: true }).click();
  await sofia.waitForURL('**/bidrag/*');
  await expectTexts(sofia, ['Kommunens svar', 'Din bedömning', 'De andra jurymedlemmarnas bedömningar visas när du har skickat in din egen.']);
  assert(await sofia.locator('.other-review').count() === 0, 'no other reviews before submitting');
  await axe(sofia);
  await sofia.getByRole('button', { name: 'Skicka in bedömningen' }).click();
  await expectTexts(sofia, ['Ge Verksamhetsutveckling ett betyg innan du skickar in.']);
  await axe(sofia);
  for (const fieldset of await sofia.locator('fieldset.criterion').all()) {
    await fieldset.locator('input[type=radio][value="4"]').check();
  }
  await sofia.fill('#overall', 'Ett genomtänkt arbete.');
  await sofia.getByRole('button', { name: 'Skicka in bedömningen' }).click();
  await sofia.waitForURL('**#bedomning');
  await expectTexts(sofia, ['Inskickad', 'Juryns bedömningar', 'Ett genomtänkt arbete.', 'kan inte längre ändras']);
  assert(await sofia.locator('.other-review').count() >= 1, 'the others appear after submitting');
  await axe(sofia);
  await sofia.screenshot({ path: join(shots, 'jury-review.png'), fullPage: true });

  // The chair ranks and records the shortlist.
  const chairCtx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const karin = await chairCtx.newPage();
  await signIn(karin, base, 'karin.ekholm@example.invalid');
  await karin.goto(base + JURY + '/rangordning');
  await expectTexts(karin, ['Justerat betyg', 'Chans till topp 5', 'Jurymedlemmarnas nivå']);
  assert(await karin.locator('svg.chart[role=img]').count() === 1, 'the chart is an image with a text alternative');
  await axe(karin);
  await karin.screenshot({ path: join(shots, 'ranking.png'), fullPage: true });
  await karin.goto(base + JURY + '/slutnominering');
  await axe(karin);
  const boxes = karin.locator('input[name=nominee]');
  // A rationale box shows only beside a ticked municipality: none before any is ticked.
  assert(await karin.locator('textarea[name^=rationale-]:visible').count() === 0, 'no rationale boxes before a tick');
  const height = await karin.evaluate(() => document.documentElement.scrollHeight);
  assert(height < 5000, `the shortlist page is ${height}px tall`);
  for (let i = 0; i < 2; i++) {
    await boxes.nth(i).check();
    await karin.locator('textarea[name^=rationale-]').nth(i).fill(`Motivering ${i + 1}`);
  }
  await karin.getByRole('button', { name: 'Registrera slutnomineringen' }).click();
  await expectTexts(karin, ['Slutnomineringen ska ha 3–5 nominerade; du valde 2.']);
  assert(await karin.locator('textarea[name^=rationale-]:visible').count() === 2, 'a box for each of the two ticked');
  assert((await karin.locator('textarea[name^=rationale-]').nth(1).inputValue()) === 'Motivering 2', 'the rationale is kept');
  await axe(karin);
  for (let i = 2; i < 5; i++) {
    await boxes.nth(i).check();
    await karin.locator('textarea[name^=rationale-]').nth(i).fill(`Motivering ${i + 1}`);
  }
  const chosen = [];
  for (let i = 0; i < 5; i++) chosen.push((await karin.locator('.candidate label[for^="n-"]').nth(i).innerText()).replace(/^\d+\.\s*/, '').replace(/\s*\(.*\)\s*$/, ''));
  await karin.getByRole('button', { name: 'Registrera slutnomineringen' }).click();
  // An irreversible step asks first, on a page of its own.
  await expectTexts(karin, ['Registrera slutnomineringen?', 'Det här kan inte ångras.', ...chosen]);
  await axe(karin);
  await karin.screenshot({ path: join(shots, 'confirm-shortlist.png'), fullPage: true });
  await karin.getByRole('button', { name: 'Registrera slutnomineringen' }).click();
  await expectTexts(karin, ['Juryns slutnominering', ...chosen]);
  await axe(karin);
  await chairCtx.close();
  await ctx.close();

  // The organiser publishes a few seconds ahead; the public page changes at that second.
  const orgCtx = await browser.newContext({ bypassCSP: true });
  const org = await orgCtx.newPage();
  await signIn(org, base, ORGANISER.email);
  for (const path of ['/jury', '/jav', '/tilldelning', '/kriterier', '/nominerade']) {
    await org.goto(base + '/admin/digitaliseringskommun/2019' + path);
    await axe(org);
  }
  const at = new Date(Date.now() + 6000);
  at.setMilliseconds(0);
  await org.fill('#at', stockholmLocal(at));
  await org.getByRole('button', { name: 'Publicera vid den tiden' }).click();
  await expectTexts(org, ['Publicera de nominerade?', 'Det här kan inte ångras.']);
  await axe(org);
  await org.getByRole('button', { name: 'Publicera', exact: true }).click();
  await expectTexts(org, ['De nominerade publiceras']);
  const pub = await browser.newContext({ bypassCSP: true });
  const reader = await pub.newPage();
  await reader.goto(base + EDITION);
  const early = await text(reader);
  assert(Date.now() < at.getTime(), 'the check ran too slowly to see the page before the time');
  assert(!early.includes('slutnominerat') && !chosen.some((n) => early.includes(`${n}\n`) && reader.url().includes('nominees')), 'no nominees before the time');
  assert(await reader.locator('ul.nominees li').count() === 0, 'no nominee list before the time');
  await new Promise((r) => setTimeout(r, Math.max(0, at.getTime() - Date.now()) + 300));
  await reader.goto(base + EDITION);
  const shown = await reader.locator('ul.nominees li').allInnerTexts();
  assert(shown.length === 5 && chosen.every((n) => shown.includes(n)), `nominees after the time: ${shown}`);
  await axe(reader);
  await pub.close();
  await orgCtx.close();
});

check('an expert plans a visit and reports it; the jury votes, the chair seals; the public sees the seal, then at the set second the winner', async ({ browser }) => {
  const server = await startServer(['--phase', 'deliberation']);
  try {
    const { base, database } = server;
    givePassword(database, 'expert@example.se', 'Eva Expert', 'expert');
    givePassword(database, 'sofia.lind@example.invalid', 'Sofia Lind', 'juror');
    givePassword(database, 'karin.ekholm@example.invalid', 'Karin Ekholm', 'jury-chair');
    const JURY = '/jury/digitaliseringskommun/2019';
    const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const eva = await ctx.newPage();
    await signIn(eva, base, 'expert@example.se');
    await eva.goto(base + JURY + '/besok');
    await expectTexts(eva, ['Planerade besök', 'Besöken görs mellan']);
    await axe(eva);
    await eva.selectOption('#nominee', '0186');
    await eva.fill('#starts', '2019-09-20T09:00');
    await eva.fill('#ends', '2019-09-20T12:00');
    await eva.fill('#place', 'Stadshuset, Lidingö');
    await eva.getByLabel(/Eva Expert/).check();
    await eva.fill('#own', 'Hur används e-tjänsterna?');
    await eva.getByRole('button', { name: 'Planera besöket' }).click();
    await eva.waitForURL('**/besok/*');
    await axe(eva);
    await eva.fill('#answer-0', 'Tre av fyra ärenden kommer in digitalt.');
    await eva.fill('#observations', 'Tydlig uppföljning.');
    await eva.getByRole('button', { name: 'Spara rapporten' }).click();
    await expectTexts(eva, ['Skriven av Eva Expert']);
    await axe(eva);
    await ctx.close();

    const sctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const sofia = await sctx.newPage();
    await signIn(sofia, base, 'sofia.lind@example.invalid');
    await sofia.goto(base + JURY + '/mote');
    await expectTexts(sofia, ['Underlaget per nominerad', '5 röster har lämnats.']);
    await axe(sofia);
    for (const [place, code] of [[1, '0186'], [2, '2480'], [3, '1780']]) await sofia.selectOption(`#place-${place}`, code);
    await sofia.getByRole('button', { name: 'Lämna din röst' }).click();
    await expectTexts(sofia, ['6 röster har lämnats.', 'Din röst är sparad.']);
    await sofia.getByRole('button', { name: 'Godkänn motiveringen' }).click();
    await expectTexts(sofia, ['Sofia Lind']);
    await sctx.close();

    const kctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const karin = await kctx.newPage();
    await signIn(karin, base, 'karin.ekholm@example.invalid');
    await karin.goto(base + JURY + '/mote');
    await expectTexts(karin, ['Parvisa jämförelser', 'Starkaste vägar', 'Enligt rösterna: Lidingö']);
    await axe(karin);
    await karin.screenshot({ path: join(shots, 'meeting.png'), fullPage: true });
    await karin.getByRole('button', { name: 'Registrera och försegla beslutet' }).click();
    await expectTexts(karin, ['Försegla juryns beslut?', 'Lidingö vinner', 'Det här kan inte ångras.']);
    await axe(karin);
    await karin.getByRole('button', { name: 'Försegla beslutet' }).click();
    await karin.waitForURL('**/mote?klart=forseglat');
    await expectTexts(karin, ['Beslutet är förseglat. Sigill (SHA-256):']);
    await kctx.close();

    const pub = await browser.newContext({ bypassCSP: true });
    const reader = await pub.newPage();
    await reader.goto(base + EDITION);
    await expectTexts(reader, ['Juryns beslut är fattat och förseglat']);
    assert(await reader.locator('#vinnare').count() === 0, 'no winner before the announcement');
    const commitment = (await reader.locator('section.seal code.hash').first().innerText()).trim();

    // The organiser moves the announcement a few seconds ahead; no restart, the page changes then.
    const octx = await browser.newContext({ bypassCSP: true });
    const org = await octx.newPage();
    await signIn(org, base, ORGANISER.email);
    await org.goto(base + '/admin/digitaliseringskommun/2019/beslut');
    await axe(org);
    const at = new Date(Date.now() + 5000);
    at.setMilliseconds(0);
    await org.fill('#at', stockholmLocal(at));
    await org.getByRole('button', { name: 'Spara' }).last().click();
    await org.waitForURL('**/beslut');
    await octx.close();
    await reader.goto(base + EDITION);
    assert(Date.now() < at.getTime(), 'too slow to look before the time');
    assert(await reader.locator('#vinnare').count() === 0, 'still no winner just before');
    await new Promise((r) => setTimeout(r, Math.max(0, at.getTime() - Date.now()) + 300));
    await reader.goto(base + EDITION);
    await expectTexts(reader, ['Lidingö', 'Juryns motivering', 'Sigillet stämmer', commitment]);
    assert(await reader.locator('#vinnare').count() === 1, 'the winner after the time');
    await axe(reader);
    await pub.close();
  } finally {
    server.child.kill(); rmSync(server.dir, { recursive: true, force: true });
  }
});

check('one state, one word; the areas in the header; the map rings, names and links; Swedish marked on English pages', async ({ browser, base, callOpen }) => {
  // The map (item 12): five nominees ringed and named, the winner among them, every shape a link.
  const ctx = await browser.newContext({ bypassCSP: true });
  const page = await ctx.newPage();
  await page.goto(base + EDITION);
  assert(await page.locator('svg.map circle.pin').count() === 5, 'five rings');
  assert(await page.locator('svg.map circle.pin.win').count() === 1, 'one of them the winner');
  const labels = await page.locator('svg.map text.pin-label').allTextContents();
  assert(NOMINEES.every((n) => labels.includes(n)), `labels ${labels}`);
  await page.locator('svg.map a[href="/kommuner/1780"]').click();
  await page.waitForURL('**/kommuner/1780');
  // English pages mark the Swedish they quote (item 10).
  await page.goto(base + EDITION + '?lang=en');
  assert(await page.getAttribute('html', 'lang') === 'en', 'the page is English');
  assert((await page.locator('.citation[lang="sv"]').count()) === 1, 'the Swedish citation says so');
  await page.goto(base + EDITION + '?lang=sv');
  await ctx.close();

  // The header offers the areas a person has (item 6).
  const octx = await browser.newContext({ bypassCSP: true });
  const org = await octx.newPage();
  await signIn(org, callOpen.base, ORGANISER.email);
  await org.goto(callOpen.base + EDITION);
  assert(await org.locator('header.site').getByRole('link', { name: 'Arrangör' }).count() === 1, 'the organiser sees Arrangör');
  assert(await org.locator('header.site').getByRole('link', { name: 'Juryn', exact: true }).count() === 0, 'and no jury area');

  // One state, one word (item 5): the organiser moves the opening a week ahead; every page says "öppnar".
  await org.goto(callOpen.base + '/admin/digitaliseringskommun/2019/utlysning');
  const opens = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  opens.setSeconds(0, 0);
  await org.fill('#opens', stockholmLocal(opens).slice(0, 16));
  await org.getByRole('button', { name: 'Spara' }).first().click();
  await expectTexts(org, ['Enkäten öppnar']);
  await org.goto(callOpen.base + '/admin/digitaliseringskommun/2019');
  await expectTexts(org, ['Enkäten öppnar']);
  const pub = await browser.newContext({ bypassCSP: true });
  const reader = await pub.newPage();
  await reader.goto(callOpen.base + EDITION);
  await expectTexts(reader, ['Enkäten öppnar']);
  const body = await text(reader);
  assert(!body.includes('Enkäten är öppen') && !body.includes('Enkäten är stängd'), 'the public page says one thing');
  await pub.close();
  await octx.close();
});

/**
 * Every page a person can reach by following links from `start`, as that person: same origin,
 * GET only, no downloads, sign-out or language switches; at most `limit` pages.
 */
async function crawl(page, base, starts, within, limit = 200) {
  const seen = new Set(); const queue = [...starts]; const pages = [];
  const skip = /\.(pdf|csv|xlsx|ics|json|atom|xml|png|jpe?g|svg)(\?|$)|\/api\/|\/logga-ut|[?&]lang=|\/export|\/kalender|\/flode|\/feed|\/arkiv|\/radera/;
  while (queue.length > 0 && pages.length < limit) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await page.goto(base + path);
    if (!res || !(res.headers()['content-type'] || '').startsWith('text/html')) continue;
    pages.push({ path, status: res.status() });
    const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')));
    for (const href of hrefs) {
      if (!href.startsWith('/') || href.startsWith('//')) continue;
      const clean = href.split('#')[0];
      if (within && !within.some((w) => clean.startsWith(w))) continue;
      if (clean && !skip.test(clean) && !seen.has(clean)) queue.push(clean);
    }
  }
  return pages;
}

/** Each page of the crawl: fits a 390 px phone without sideways scrolling, and axe finds nothing. */
async function phoneWalk(browser, server, email, starts, label, fewest = 5) {
  const { base } = server;
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, bypassCSP: true });
  const page = await ctx.newPage();
  const faults = [];
  try {
    if (email && email.endsWith('.invalid') || email === ORGANISER.email || email === 'expert@example.se') await signIn(page, base, email);
    else if (email) {
      await page.goto(base + '/logga-in');
      await page.fill('#link-email', email);
      await page.getByRole('button', { name: 'Skicka inloggningslänk' }).click();
      await page.goto(await linkInNewestMail(server.outbox, '/logga-in/lank/'));
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.waitForURL('**/konto');
    }
    // A signed-in person's walk stays in their areas; the public pages are walked once, unsigned.
    const within = email ? starts : null;
    const pages = await crawl(page, base, starts, within);
    if (pages.length < fewest) faults.push(`only ${pages.length} pages reached from ${starts}: ${await text(page)}`);
    for (const { path } of pages) {
      await page.goto(base + path);
      const wide = await page.evaluate(() => {
        const over = document.documentElement.scrollWidth - document.documentElement.clientWidth;
        if (over <= 0) return null;
        const culprits = [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= document.documentElement.clientWidth + 1)
          .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).split(' ').join('.') : ''}`);
        return `${over}px (${culprits.join(', ')})`;
      });
      if (wide) faults.push(`${path} scrolls sideways by ${wide}`);
      try { await axe(page); } catch (e) { faults.push(String(e.message)); }
    }
    console.log(`  ${label}: ${pages.length} pages at 390 px`);
  } finally {
    await ctx.close();
  }
  return faults.map((f) => `${label}: ${f}`);
}

check('every page of every area fits a 390 px phone, with no axe violations', async ({ browser }) => {
  const announced = await startServer();
  const shortlisting = await startServer(['--phase', 'shortlisting']);
  const deliberation = await startServer(['--phase', 'deliberation']);
  const callOpen = await startServer(['--phase', 'call-open']);
  const faults = [];
  const walk = async (...args) => faults.push(...await phoneWalk(browser, ...args));
  try {
    await walk(announced, null, ['/', EDITION, '/kommuner'], 'the public');
    await walk(announced, ORGANISER.email, ['/admin', '/konto'], 'an organiser');
    givePassword(shortlisting.database, 'anders.wikstrom@example.invalid', 'Anders Wikström', 'juror');
    await walk(shortlisting, 'anders.wikstrom@example.invalid', ['/jury', '/konto'], 'a juror in shortlisting');
    givePassword(deliberation.database, 'karin.ekholm@example.invalid', 'Karin Ekholm', 'jury-chair');
    await walk(deliberation, 'karin.ekholm@example.invalid', ['/jury'], 'the chair in deliberation');
    givePassword(deliberation.database, 'expert@example.se', 'Eva Expert', 'expert');
    await walk(deliberation, 'expert@example.se', ['/jury'], 'an expert');
    const add = spawnSync(bin, ['user', 'add', '--email', 'anna@lidingo.se', '--name', 'Anna Lidh', '--role', 'entrant-contact',
      '--award', 'digitaliseringskommun', '--year', '2019', '--municipality', '0186', '--database', callOpen.database],
    { env: { ...process.env, JURYN_LOG: 'warn' } });
    assert(add.status === 0, `user add: ${add.stderr}`);
    await walk(callOpen, 'anna@lidingo.se', ['/portal', '/konto'], 'a municipality', 3);
    await walk(callOpen, ORGANISER.email, ['/admin'], 'an organiser in call-open');
  } finally {
    for (const s of [announced, shortlisting, deliberation, callOpen]) { s.child.kill(); rmSync(s.dir, { recursive: true, force: true }); }
  }
  assert(faults.length === 0, `${faults.length} faults:\n  ${faults.join('\n  ')}`);
});

/** `juryn serve` on an empty database, with one administrator made on the command line. */
async function startEmpty() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'juryn-e2e-empty-'));
  const database = `sqlite://${dir}/juryn.db`;
  const env = { ...process.env, JURYN_LOG: 'warn' };
  const add = spawnSync(bin, ['user', 'add', '--email', ORGANISER.email, '--name', 'Karin Ekholm', '--role', 'admin', '--database', database],
    { input: `${ORGANISER.password}\n`, env });
  if (add.status !== 0) throw new Error(`juryn user add failed: ${add.stderr}`);
  const child = spawn(bin, ['serve', '--listen', `127.0.0.1:${port}`, '--database', database, '--outbox', `${dir}/outbox`], {
    stdio: ['ignore', 'ignore', 'pipe'], env,
  });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${log}`);
    try { if ((await fetch(`${base}/health`)).ok) return { base, child, dir, database, outbox: `${dir}/outbox` }; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not come up: ${log}`);
}

check('from an empty database: the award, edition 2021, its questions, the real timeline with the gala postponed, two jurors, and a call that opens by itself', async ({ browser }) => {
  const empty = await startEmpty();
  const { base } = empty;
  const visited = [];
  const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const seen = async (texts = []) => { await expectTexts(page, texts); await axe(page); visited.push(new URL(page.url()).pathname); };
  try {
    await signIn(page, base, ORGANISER.email);
    await page.goto(base + '/admin');
    await page.locator('main').getByRole('link', { name: 'Skapa en utmärkelse' }).click();
    await seen(['Skapa en utmärkelse']);
    await page.fill('#slug', 'digitaliseringskommun');
    await page.fill('#name_sv', 'Sveriges DigitaliseringsKommun');
    await page.fill('#organiser', 'Dataföreningen i Sverige');
    await page.fill('#criterion_sv', 'Till Sveriges DigitaliseringsKommun utses den kommun som på bästa sätt har tagit tillvara digitaliseringens möjligheter.');
    await page.getByRole('button', { name: 'Skapa utmärkelsen' }).click();
    await seen(['Starta en ny omgång']);
    await page.fill('#year', '2021');
    await page.fill('#ordinal', '11');
    await page.getByRole('button', { name: 'Starta omgången' }).click();
    await page.waitForURL('**/admin/digitaliseringskommun/2021');
    await seen(['Sveriges DigitaliseringsKommun 2021', 'Hålltider']);

    // The three questions.
    await page.goto(base + '/admin/digitaliseringskommun/2021/enkat');
    for (const q of ['Vad är ni mest stolta över i ert digitaliseringsarbete?', 'Vilken effekt har det fått?', 'Vad har ni lärt er?']) {
      await page.selectOption('#new-kind', 'long-text');
      await page.fill('#new-prompt', q);
      await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    }
    // Saved questions stand in their edit forms: the prompts are the fields' values.
    const prompts = await page.locator('input[name="prompt_sv"]').evaluateAll((els) => els.map((e) => e.value));
    assert(prompts.includes('Vad har ni lärt er?') && prompts.length === 4, `the questions: ${prompts}`);
    await seen([]);

    // The real 2021 timeline, written as the site writes dates.
    await page.goto(base + '/admin/digitaliseringskommun/2021/halltider');
    for (const [kind, date, what] of [
      ['call-closes', '29 april', 'Sista dag för bidrag och nomineringar'],
      ['other', '12 maj', 'Sista dag för nominerade kommuner att komplettera'],
      ['shortlist', 'maj', 'Juryn nominerar 5–10 kommuner'],
      ['shortlist', 'juni', 'Juryn slutnominerar 3–5 kommuner'],
      ['site-visits', 'september–oktober', 'Digitala möten med de slutnominerade'],
      ['gala', 'november 2021', 'Galan, där vinnaren tillkännages'],
    ]) {
      await page.selectOption('#kind', kind);
      await page.fill('#text_sv', what);
      await page.fill('#date', date);
      await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    }
    await seen(['September–oktober', 'Galan, där vinnaren tillkännages']);
    // The pandemic: the gala postponed to 2 May 2022.
    await page.getByRole('link', { name: /^Flytta\W+Galan, där vinnaren/ }).click();
    await seen(['Flytta ”Galan, där vinnaren tillkännages”']);
    await page.fill('#date', '2 maj 2022');
    await page.getByRole('button', { name: 'Flytta', exact: true }).click();
    await page.waitForURL('**/halltider/meddela/**');
    await seen(['Meddela om flytten']);
    await page.screenshot({ path: join(shots, 'start-from-nothing-notice.png'), fullPage: true });
    await page.goto(base + '/admin/digitaliseringskommun/2021/halltider');
    await page.screenshot({ path: join(shots, 'start-from-nothing-timeline.png'), fullPage: true });
    await page.goto(base + '/digitaliseringskommun/2021');
    await seen(['2 maj 2022', 'Flyttad från november 2021', 'Sista dag för bidrag och nomineringar']);
    await page.screenshot({ path: join(shots, 'start-from-nothing-edition.png'), fullPage: true });

    // Two jurors on the public jury.
    await page.goto(base + '/admin/digitaliseringskommun/2021/jury/profiler');
    for (const [name, title, chair] of [['Karin Ekholm', 'Digitaliseringsdirektör', true], ['Anders Wikström', 'CIO', false]]) {
      await page.fill('#name', name);
      await page.fill('#title_sv', title);
      await page.fill('#organisation', 'Exempelorganisationen');
      if (chair) await page.check('input[name="chair"]');
      await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    }
    await seen(['Anders Wikström']);
    await page.goto(base + '/digitaliseringskommun/2021/jury');
    await seen(['Karin Ekholm', '(ordförande)', 'Anders Wikström']);

    // The call's times a few seconds ahead: it opens by itself.
    await page.goto(base + '/admin/digitaliseringskommun/2021/utlysning');
    // The field takes minutes: the next whole minute at least five seconds away.
    const opens = new Date(Date.now() + 5000);
    opens.setSeconds(0, 0);
    opens.setMinutes(opens.getMinutes() + 1);
    await page.fill('#opens', stockholmLocal(opens).slice(0, 16));
    await page.fill('#closes', stockholmLocal(new Date(Date.now() + 30 * 24 * 3600 * 1000)).slice(0, 16));
    await page.locator('form').filter({ has: page.locator('#opens') }).getByRole('button', { name: 'Spara' }).click();
    await seen(['Enkäten öppnar']);
    let open = false;
    for (let i = 0; i < 180 && !open; i++) {
      await new Promise((r) => setTimeout(r, 500));
      await page.goto(base + '/digitaliseringskommun/2021');
      open = (await text(page)).includes('Enkäten är öppen');
    }
    assert(open, `the call did not open by itself: ${await text(page)}`);
    await seen(['Enkäten är öppen']);

    // The same pages at a phone's width.
    const phone = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, storageState: await ctx.storageState() });
    const small = await phone.newPage();
    for (const path of [...new Set(visited)]) {
      await small.goto(base + path);
      const over = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(over <= 0, `${path} scrolls sideways by ${over}px at 390 px`);
      await axe(small);
    }
    await small.screenshot({ path: join(shots, 'start-from-nothing-phone.png'), fullPage: true });
    await phone.close();
    console.log(`  ${new Set(visited).size} pages of the flow, at desktop and phone width`);
  } finally {
    await ctx.close();
    empty.child.kill();
    rmSync(empty.dir, { recursive: true, force: true });
  }
});

check('2021 as it ran: a municipality registers itself, the organiser sets up the follow-up after the first cut and a joint entry, with no axe violations', async ({ browser }) => {
  const s2021 = await startServer(['--edition', '2021', '--phase', 'call-open']);
  const { base, outbox } = s2021;
  const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  try {
    await page.goto(base + '/digitaliseringskommun/2021');
    await axe(page);
    await page.getByRole('link', { name: 'Anmäl din kommun' }).click();
    await page.waitForURL('**/2021/anmal');
    await axe(page);
    await page.fill('#municipality', 'Vadstena (0584)');
    await page.fill('#name', 'Lena Berg');
    await page.fill('#email', 'lena@vadstena.se');
    await page.getByRole('button', { name: 'Anmäl kommunen' }).click();
    await expectTexts(page, ['Anmälan av Vadstena gäller när du har bekräftat den']);
    await page.goto(await linkInNewestMail(outbox, '/inbjudan/'));
    await axe(page);
    // A municipality's contact signs in by emailed link: accepting asks only for the name.
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL('**/konto');
    await page.goto(base + '/portal');
    await expectTexts(page, ['Vadstena']);
    // The nomination form asks who nominates.
    await page.goto(base + '/digitaliseringskommun/2021/nominera');
    await expectTexts(page, ['Du nominerar som']);
    await axe(page);

    const org = await ctx.newPage();
    await signIn(org, base, ORGANISER.email);
    const admin = base + '/admin/digitaliseringskommun/2021';
    await org.goto(admin + '/omgangar');
    assert(await org.inputValue('#name_sv-1') === 'Slutnominering', '2021 has its two rounds set up');
    await axe(org);
    await org.screenshot({ path: join(shots, 'admin-rounds-2021.png'), fullPage: true });
    await org.goto(admin + '/uppfoljning');
    await org.selectOption('#after_round', '1');
    await org.fill('#closes', '2030-06-01T23:59');
    await org.fill('#prompt_sv', 'Digital mognad (DiMiOS)');
    await org.fill('#indicators', 'Strategi | Strategy\nLedning | Leadership\nKompetens | Skills');
    await org.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await org.waitForURL('**/uppfoljning');
    await expectTexts(org, ['Strategi | Strategy']);
    await axe(org);
    await org.screenshot({ path: join(shots, 'admin-follow-up-2021.png'), fullPage: true });
    await org.goto(admin + '/gemensamma');
    await org.fill('#name', 'Mora');
    await org.getByRole('button', { name: 'Spara det gemensamma bidraget' }).click();
    await expectTexts(org, ['minst två kommuner']);
    await axe(org);
    await org.fill('#name', 'Mora, Orsa och Älvdalens kommuner');
    await org.getByRole('button', { name: 'Spara det gemensamma bidraget' }).click();
    await org.waitForURL('**/gemensamma');
    await expectTexts(org, ['Älvdalen (2039)']);
    await axe(org);
    await org.screenshot({ path: join(shots, 'admin-joint-2021.png'), fullPage: true });
    await org.goto(admin + '/nomineringar');
    await expectTexts(org, ['Bara en motivering']);
    await axe(org);
  } finally {
    await ctx.close();
    s2021.child.kill();
    rmSync(s2021.dir, { recursive: true, force: true });
  }
});

/** A role for a year (and a municipality), given with a password, as `juryn user add` does. */
function grantRole(database, { email, name, role, year, municipality }) {
  const args = ['user', 'add', '--email', email, '--name', name, '--role', role, '--award', 'digitaliseringskommun', '--year', String(year)];
  if (municipality) args.push('--municipality', municipality);
  const add = spawnSync(bin, [...args, '--database', database], { input: `${ORGANISER.password}\n`, env: { ...process.env, JURYN_LOG: 'warn' } });
  assert(add.status === 0, `user add: ${add.stderr}`);
}

/** `2026-11-26T14:00`: the current minute, as a datetime-local field without seconds takes it. */
function thisMinute() { return stockholmLocal(new Date()).slice(0, 16); }

check('sign-in through the organisation\'s identity provider (a real OpenID provider, npm oidc-provider): the organiser is in; someone the provider knows but juryn does not is told so, with no account made', async ({ browser }) => {
  const idpPort = await freePort();
  const s = await startServer(['--oidc-issuer', `http://127.0.0.1:${idpPort}`, '--oidc-client-id', 'juryn',
    '--oidc-client-secret', 'e2e-hemlighet', '--oidc-name', 'Kommunens inloggning']);
  const idp = spawn(process.execPath, [join(here, 'idp.mjs')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, IDP_PORT: String(idpPort), IDP_CLIENT_ID: 'juryn', IDP_CLIENT_SECRET: 'e2e-hemlighet',
      IDP_REDIRECT_URI: `${s.base}/logga-in/oidc/tillbaka`,
      IDP_ACCOUNTS: JSON.stringify({ karin: { email: ORGANISER.email, email_verified: true }, okand: { email: 'okand@example.se', email_verified: true } }) },
  });
  let idpLog = '';
  idp.stderr.on('data', (d) => { idpLog += d; });
  try {
    for (let i = 0; i < 100; i++) {
      try { if ((await fetch(`http://127.0.0.1:${idpPort}/.well-known/openid-configuration`)).ok) break; } catch { /* not yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    const signInAs = async (login) => {
      const ctx = await browser.newContext({ bypassCSP: true });
      const page = await ctx.newPage();
      await page.goto(`${s.base}/logga-in?nasta=/konto`);
      await axe(page);
      await page.getByRole('link', { name: 'Logga in med Kommunens inloggning' }).click();
      await page.waitForURL(`http://127.0.0.1:${idpPort}/**`);
      await page.fill('input[name="login"]', login);
      await page.fill('input[name="password"]', 'vad som helst');
      await page.click('button[type="submit"]');
      // The provider asks for consent once, then sends the person back.
      await page.waitForURL((u) => u.href.startsWith(s.base) || u.href.includes('/interaction/'));
      if (page.url().includes('/interaction/')) await page.click('button[type="submit"]');
      await page.waitForURL((u) => u.href.startsWith(s.base));
      return page;
    };
    const karin = await signInAs('karin');
    await karin.waitForURL(`${s.base}/konto`);
    await expectTexts(karin, ['Mina roller', ORGANISER.email]);
    await axe(karin);
    await karin.screenshot({ path: join(shots, 'signed-in-through-the-provider.png'), fullPage: true });
    const stranger = await signInAs('okand');
    await expectTexts(stranger, ['Det finns inget konto för okand@example.se']);
    await axe(stranger);
    await stranger.screenshot({ path: join(shots, 'provider-knows-juryn-does-not.png'), fullPage: true });
    const konto = await stranger.goto(`${s.base}/konto`);
    assert(konto.url().includes('/logga-in'), 'the stranger is not signed in');
  } catch (e) {
    throw new Error(`${e.message}\nthe provider said: ${idpLog.slice(-2000)}`);
  } finally {
    idp.kill();
    s.child.kill();
  }
});

check('2021 as it ran, through the pages: a nomination completed late, a text only for the booklet, a first cut of six, the follow-up, a second cut of three, digital meetings, the vote, the seal and the announcement; then 2023\'s joint entry', async ({ browser }) => {
  const s = await startServer(['--edition', '2021', '--phase', 'call-open']);
  const { base, outbox, database } = s;
  const Y = '/digitaliseringskommun/2021';
  const ADMIN = '/admin' + Y;
  const JURY = '/jury' + Y;
  const FIRST_CUT = ['2281', '0139', '0780', '1283', '1480', '0580'];
  const FINALISTS = ['2281', '0139', '0780'];
  const visited = new Set();
  const look = async (p, texts = []) => {
    if (process.env.E2E_TRACE) {
      console.log('  at', p.url());
      await p.screenshot({ path: '/tmp/e2e-last.png', fullPage: true });
    }
    await expectTexts(p, texts); await axe(p); visited.add(new URL(p.url()).pathname);
  };
  const people = [
    { email: 'karin.ekholm@example.invalid', name: 'Karin Ekholm', role: 'jury-chair', year: 2021 },
    { email: 'sofia.lind@example.invalid', name: 'Sofia Lind', role: 'juror', year: 2021 },
    { email: 'expert@example.se', name: 'Eva Expert', role: 'expert', year: 2021 },
    { email: 'anna@sundsvall.se', name: 'Anna Sund', role: 'entrant-contact', year: 2021, municipality: '2281' },
    { email: 'lena@vadstena.se', name: 'Lena Berg', role: 'entrant-contact', year: 2021, municipality: '0584' },
  ];
  for (const p of people) grantRole(database, p);
  const contexts = [];
  const as = async (email) => {
    const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    contexts.push(ctx);
    const page = await ctx.newPage();
    if (people.some((p) => p.email === email && p.role === 'entrant-contact')) {
      // A municipality's contact signs in by an emailed link.
      await page.goto(base + '/logga-in');
      await page.fill('#link-email', email);
      await page.getByRole('button', { name: 'Skicka inloggningslänk' }).click();
      await page.goto(await linkInNewestMail(outbox, '/logga-in/lank/'));
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.waitForURL('**/konto');
    } else if (email) {
      await signIn(page, base, email);
    }
    return page;
  };
  try {
    // The call is open. Anyone nominates Vadstena, as an organisation.
    const pub = await as(null);
    await pub.goto(base + Y + '/nominera');
    await look(pub, ['Du nominerar som']);
    await pub.fill('#municipality', 'Vadstena (0584)');
    await pub.fill('#reason', 'Vadstena har gjort sina e-tjänster tillgängliga för alla.');
    await pub.locator('input[name=kind][value=organisation]').check();
    await pub.fill('#organisation', 'Östgöta IT-nätverk');
    await pub.fill('#name', 'Eva Ek');
    await pub.fill('#email', 'eva@example.se');
    await pub.getByRole('button', { name: 'Nominera' }).click();
    await look(pub, ['Tack! Nomineringen av Vadstena']);
    await pub.goto(await linkInNewestMail(outbox, '/nominering/'));
    await pub.getByRole('button', { name: 'Bekräfta' }).click();
    await look(pub, ['Nomineringen av Vadstena är mottagen']);

    // Ydre registers itself and gives a text only for the booklet.
    await pub.goto(base + Y + '/anmal');
    await pub.fill('#municipality', 'Ydre (0512)');
    await pub.fill('#name', 'Per Ydre');
    await pub.fill('#email', 'per@ydre.se');
    await pub.getByRole('button', { name: 'Anmäl kommunen' }).click();
    await look(pub, ['Anmälan av Ydre gäller när du har bekräftat den']);
    await pub.goto(await linkInNewestMail(outbox, '/inbjudan/'));
    await pub.getByRole('button', { name: 'Spara' }).click();
    await pub.waitForURL('**/konto');
    await pub.goto(base + '/portal');
    await pub.getByRole('link', { name: /Ydre/ }).click();
    await pub.waitForURL('**/portal/bidrag/*');
    await pub.getByLabel('Bara till skriften').check();
    await pub.getByRole('region', { name: /Tävla eller/ }).getByRole('button', { name: 'Spara valet' }).click();
    await look(pub, ['Ditt val är sparat.']);
    for (const [i, a] of ['Vår e-arkivlösning.', 'Snabbare utlämnande.', 'Börja smått.'].entries()) await pub.fill(`#q${i}`, a);
    await pub.getByRole('button', { name: 'Skicka in' }).click();
    await look(pub, ['Bidraget är inskickat']);

    // The organiser closes the call and gives Vadstena a week of its own to complete its text.
    const org = await as(ORGANISER.email);
    await org.goto(base + ADMIN + '/utlysning');
    await org.fill('#closes', thisMinute());
    await org.getByRole('button', { name: 'Spara' }).first().click();
    // The deadline saved is already past: the call closes by itself at the server's next poll,
    // or by the button if the organiser is quicker. Either way it is closed.
    const close = org.getByRole('button', { name: 'Stäng enkäten' });
    if (await close.count() > 0) await close.click();
    await org.goto(base + ADMIN + '/utlysning');
    await look(org, ['Enkäten har stängt']);
    await org.goto(base + ADMIN + '/bidrag/0584/komplettering');
    await look(org, ['Egen sista dag att komplettera']);
    const week = new Date(Date.now() + 7 * 86400e3);
    await org.fill('#until', stockholmLocal(week).slice(0, 16));
    await org.getByRole('button', { name: 'Spara' }).click();
    const lena = await as('lena@vadstena.se');
    await lena.goto(base + '/portal');
    await lena.getByRole('link', { name: /Vadstena/ }).click();
    await lena.waitForURL('**/portal/bidrag/*');
    // The day as Stockholm has it: near midnight UTC it is already the next day there.
    await look(lena, [`${Number(stockholmLocal(week).slice(8, 10))} `]);
    for (const [i, a] of ['Tillgängliga e-tjänster.', 'Fler använder dem.', 'Fråga invånarna.'].entries()) await lena.fill(`#q${i}`, a);
    await lena.getByRole('button', { name: 'Skicka in' }).click();
    await look(lena, ['Bidraget är inskickat']);

    // The follow-up for those through the first cut, set up before it is made.
    await org.goto(base + ADMIN + '/uppfoljning');
    await org.selectOption('#after_round', '1');
    await org.fill('#closes', stockholmLocal(new Date(Date.now() + 14 * 86400e3)).slice(0, 16));
    await org.fill('#prompt_sv', 'Digital mognad (DiMiOS)');
    await org.fill('#indicators', 'Strategi | Strategy\nLedning | Leadership\nKompetens | Skills');
    await org.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await look(org, ['Strategi | Strategy']);
    // Every juror reviews every entry in the first round (none is conflicted here).
    const assignAll = async () => {
      await org.goto(base + ADMIN + '/jury');
      await org.locator('input[name=mode][value=all]').check();
      await org.getByRole('button', { name: 'Fördela' }).click();
      await org.waitForURL('**/jury');
    };
    await assignAll();
    await org.getByRole('button', { name: 'Starta bedömningen' }).click();
    await look(org, ['Juryn bedömer bidragen']);

    // The chair reviews what is hers, in the round's own words, then records the first cut.
    const karin = await as('karin.ekholm@example.invalid');
    const reviewAll = async (round) => {
      for (;;) {
        await karin.goto(base + JURY);
        const open = karin.locator('table.list tr:not(:has(.progress-submitted)) th a');
        if (await open.count() === 0) break;
        await open.first().click();
        await karin.waitForURL('**/bidrag/*');
        const code = new URL(karin.url()).pathname.split('/').pop();
        const score = FINALISTS.includes(code) ? '5' : FIRST_CUT.includes(code) ? '4' : '2';
        for (const fieldset of await karin.locator('fieldset.criterion').all()) await fieldset.locator(`input[type=radio][value="${score}"]`).check();
        await karin.getByRole('button', { name: 'Skicka in bedömningen' }).click();
        await karin.waitForURL('**#bedomning');
      }
      await look(karin, [round]);
    };
    await reviewAll('Omgång 1 av 2: Nominering');
    const cut = async (codes, heading) => {
      await karin.goto(base + JURY + '/slutnominering');
      await look(karin, [heading]);
      for (const code of codes) {
        await karin.locator(`input[name=nominee][value="${code}"]`).check();
        await karin.fill(`textarea[name=rationale-${code}]`, `Motivering för ${code}.`);
      }
      // An earlier round records a selection; the last, the shortlist.
      const button = heading === 'Nominering' ? 'Registrera urvalet' : 'Registrera slutnomineringen';
      await karin.getByRole('button', { name: button }).click();
      await look(karin, ['Det här kan inte ångras.']);
      await karin.getByRole('button', { name: button }).click();
    };
    await cut(FIRST_CUT, 'Nominering');
    // The chair is back at the list, which names the next round.
    await karin.waitForURL('**?klart=urval');
    await look(karin, ['Urvalet är registrerat.', 'Omgång 2 av 2: Slutnominering']);
    await karin.screenshot({ path: join(shots, 'jury-list-2021-round-2.png'), fullPage: true });

    // The organiser publishes the first cut a few seconds ahead; the six hear of it, with the follow-up.
    await org.goto(base + ADMIN + '/omgangar');
    const at = new Date(Date.now() + 4000);
    at.setMilliseconds(0);
    await org.fill('#at-1', stockholmLocal(at));
    await org.getByRole('button', { name: 'Publicera urvalet' }).click();
    await look(org, []);
    const told = await mailsWhere(outbox, (m) => m.includes('anna@sundsvall.se') && m.includes('/uppfoljning'));
    assert(told.length === 1, `Sundsvall's contact is told once, with the follow-up: ${told.length}`);
    await new Promise((r) => setTimeout(r, Math.max(0, at.getTime() - Date.now()) + 300));
    await pub.goto(base + Y);
    await look(pub, ['Juryn har nominerat sex kommuner.', 'Sundsvall', 'Linköping']);

    // The second round's assignment: the six.
    await assignAll();

    // Sundsvall answers the self-assessment in the portal.
    const anna = await as('anna@sundsvall.se');
    await anna.goto(base + '/portal');
    await anna.getByRole('link', { name: /Sundsvall/ }).first().click();
    await anna.waitForURL('**/portal/bidrag/*');
    await anna.getByRole('link', { name: /svara på uppföljningen/ }).click();
    await anna.waitForURL('**/uppfoljning');
    await look(anna, ['Digital mognad (DiMiOS)']);
    for (const row of await anna.locator('table tbody tr').all()) await row.locator('input[type=radio]').first().check();
    await anna.getByRole('button', { name: 'Skicka svaren' }).click();
    await look(anna, ['Svaren är sparade.']);

    // The second round: the six again, the answers beside them, then three.
    await reviewAll('Slutnominering');
    await karin.goto(base + JURY);
    await karin.locator('table.list').getByRole('link', { name: 'Sundsvall', exact: true }).click();
    await look(karin, ['Uppföljning', 'Strategi']);
    await karin.screenshot({ path: join(shots, 'jury-entry-follow-up-2021.png'), fullPage: true });
    await cut(FINALISTS, 'Slutnominering');
    await karin.waitForURL('**/slutnominering');
    await look(karin, ['Juryns slutnominering', 'Sundsvall', 'Upplands-Bro', 'Växjö']);
    await org.goto(base + ADMIN + '/nominerade');
    const second = new Date(Date.now() + 4000);
    second.setMilliseconds(0);
    await org.fill('#at', stockholmLocal(second));
    await org.getByRole('button', { name: 'Publicera vid den tiden' }).click();
    await org.getByRole('button', { name: 'Publicera', exact: true }).click();
    await look(org, ['De nominerade publiceras']);
    await new Promise((r) => setTimeout(r, Math.max(0, second.getTime() - Date.now()) + 300));
    await pub.goto(base + Y);
    await look(pub, ['Juryn har nominerat sex kommuner.', 'Juryn har slutnominerat tre kommuner']);
    const shown = await pub.locator('ul.nominees').last().locator('li').allInnerTexts();
    assert(JSON.stringify(shown) === JSON.stringify(['Sundsvall', 'Upplands-Bro', 'Växjö']), `the finalists: ${shown}`);

    // Digital meetings with the three, each reported.
    await org.goto(base + ADMIN + '/beslut');
    await org.getByRole('button', { name: 'Starta platsbesöken' }).click();
    await look(org, ['Fördjupad granskning']);
    const eva = await as('expert@example.se');
    for (const [i, code] of FINALISTS.entries()) {
      await eva.goto(base + JURY + '/besok');
      if (i === 0) await look(eva, ['Besöken görs mellan']);
      const window = await eva.locator('#starts').getAttribute('min');
      await eva.selectOption('#nominee', code);
      // One meeting a day, from the first day of the window the page gives the time fields.
      assert(window, 'the time fields are bounded by the visit window');
      const d = new Date(`${window.slice(0, 10)}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() + i);
      const day = d.toISOString().slice(0, 10);
      await eva.fill('#starts', `${day}T09:00`);
      await eva.fill('#ends', `${day}T11:00`);
      await eva.fill('#video', i === 0 ? 'http://meet.example.se/sundsvall' : `https://meet.example.se/${code}`);
      await eva.getByLabel(/Eva Expert/).check();
      await eva.fill('#own', 'Hur används självskattningen?');
      await eva.getByRole('button', { name: 'Planera besöket' }).click();
      if (i === 0) {
        await look(eva, ['https']);
        await eva.fill('#video', 'https://meet.example.se/sundsvall');
        await eva.getByRole('button', { name: 'Planera besöket' }).click();
      }
      await eva.waitForURL('**/besok/*');
      await look(eva, ['https://meet.example.se/']);
      if (i === 0) await eva.screenshot({ path: join(shots, 'digital-meeting-2021.png'), fullPage: true });
      await eva.fill('#answer-0', 'Tre av fyra ärenden kommer in digitalt.');
      await eva.fill('#observations', 'Ett givande möte.');
      await eva.getByRole('button', { name: 'Spara rapporten' }).click();
      await look(eva, ['Skriven av Eva Expert']);
    }
    const [meetingMail] = await mailsWhere(outbox, (m) => m.includes('anna@sundsvall.se') && m.includes('https://meet.example.se/sundsvall'));
    assert(meetingMail && !meetingMail.includes('kommer på besök'), 'Sundsvall is told of a digital meeting, with its link');

    // The jury deliberates, votes and seals; the organiser announces at the gala.
    await org.goto(base + ADMIN + '/beslut');
    await org.getByRole('button', { name: 'Starta juryns överläggning' }).click();
    await look(org, ['Juryn överlägger']);
    const sofia = await as('sofia.lind@example.invalid');
    for (const juror of [sofia, karin]) {
      await juror.goto(base + JURY + '/mote');
      for (const [place, code] of FINALISTS.entries()) await juror.selectOption(`#place-${place + 1}`, code);
      await juror.getByRole('button', { name: 'Lämna din röst' }).click();
      await look(juror, ['Din röst är sparad.']);
    }
    await karin.fill('#citation', 'Sundsvall har gjort digitaliseringen till en del av hela kommunens utveckling.');
    await karin.getByRole('button', { name: 'Spara utkastet' }).click();
    for (const juror of [sofia, karin]) {
      await juror.goto(base + JURY + '/mote');
      await juror.getByRole('button', { name: 'Godkänn motiveringen' }).click();
    }
    await karin.goto(base + JURY + '/mote');
    await look(karin, ['Enligt rösterna: Sundsvall', 'Uppföljning']);
    await karin.screenshot({ path: join(shots, 'meeting-2021.png'), fullPage: true });
    await karin.getByRole('button', { name: 'Registrera och försegla beslutet' }).click();
    await look(karin, ['Sundsvall vinner']);
    await karin.getByRole('button', { name: 'Försegla beslutet' }).click();
    await karin.waitForURL('**/mote?klart=forseglat');
    await pub.goto(base + Y);
    await look(pub, ['Juryns beslut är fattat och förseglat']);
    assert(await pub.locator('#vinnare').count() === 0, 'no winner before the gala');
    await org.goto(base + ADMIN + '/beslut');
    await org.getByRole('button', { name: 'Tillkännage nu (på galan)' }).click();
    await org.getByRole('button', { name: 'Tillkännage nu' }).click();
    await pub.goto(base + Y);
    await look(pub, ['Sundsvall', 'Sigillet stämmer']);
    assert(await pub.locator('#vinnare').count() === 1, 'the winner after the announcement');

    // Two years on: the 2023 edition and its joint entry of three municipalities.
    await org.goto(base + '/admin/utmarkelser/digitaliseringskommun');
    await org.fill('#year', '2023');
    await org.fill('#ordinal', '12');
    await org.getByRole('button', { name: 'Starta omgången' }).click();
    await org.waitForURL('**/admin/digitaliseringskommun/2023');
    await org.goto(base + '/admin/digitaliseringskommun/2023/gemensamma');
    await org.fill('#name', 'Mora, Orsa och Älvdalens kommuner');
    await org.fill('#members', 'Mora, Orsa, Älvdalen');
    await org.getByRole('button', { name: 'Spara det gemensamma bidraget' }).click();
    await org.waitForURL('**/gemensamma');
    await look(org, ['Mora, Orsa och Älvdalens kommuner', 'Älvdalen (2039)']);
    console.log(`  ${visited.size} pages of the flow`);
  } finally {
    for (const ctx of contexts) await ctx.close();
    s.child.kill();
    rmSync(s.dir, { recursive: true, force: true });
  }
});

const server = await startServer();
const callOpen = await startServer(['--phase', 'call-open']);
const shortlisting = await startServer(['--phase', 'shortlisting']);
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let passed = 0; let failed = 0;
try {
  const only = process.env.E2E_ONLY;
  for (const { name, fn } of checks.filter((c) => !only || c.name.includes(only))) {
    // axe is injected as a script, which the site's strict CSP would (rightly) refuse.
    const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    try {
      await fn({ page, browser, base: server.base, outbox: server.outbox, callOpen, shortlisting });
      passed++; console.log(`ok - ${name}`);
    } catch (e) {
      failed++; console.log(`not ok - ${name}\n  ${String(e.message || e).split('\n').join('\n  ')}`);
    } finally {
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  for (const s of [server, callOpen, shortlisting]) {
    s.child.kill();
    rmSync(s.dir, { recursive: true, force: true });
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
