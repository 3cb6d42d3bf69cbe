// The workbench in Chromium, as the people who use it: each scenario drives the real components on the real local
// backend (fresh state seeded from data/) and checks what the person sees. Run by scripts/workbench/e2e.mjs, in
// this order: later scenarios read what earlier ones decided (the stage panel, the manager board).
// LightningModal under synthetic shadow makes Playwright's locator clicks fail ("intercepts pointer events"):
// inside the modal, clicks go to page.mouse at the element's box.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { labelValues } from '../../scripts/verify/lib/custom-labels.cjs';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** What the components say, as the project's Custom Labels define it (name → value). */
const LABELS = labelValues(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));

const INBOX_ROWS = 'c-lead-inbox tbody tr[data-id]';
const MODAL = 'lightning-overlay-container';
const SDR_QUEUE = 'Lead_Handoff_SDR_Inbound';

/** A Custom Label's value with its {0}, {1}… placeholders filled. */
const label = (name, ...values) =>
    values.reduce((text, value, index) => text.replaceAll(`{${index}}`, value), LABELS.get(name));

const inboxRow = (page, leadId) => page.locator(`c-lead-inbox tbody tr[data-id="${leadId}"]`);

/** Loads the inbox afresh (a real reload: going to the same URL with a hash would not reload the page). */
async function openInbox(page, url, persona) {
    const target = `${url}?as=${persona}#/inbox`;
    if (page.url() === target) await page.reload();
    else await page.goto(target);
    await page.locator(INBOX_ROWS).first().waitFor();
}

async function firstRow(page) {
    const row = page.locator(INBOX_ROWS).first();
    return {
        leadId: await row.getAttribute('data-id'),
        name: (await row.locator('th[scope="row"] .slds-truncate').innerText()).trim()
    };
}

async function pressOnRow(page, leadId, key) {
    await inboxRow(page, leadId).focus();
    await page.keyboard.press(key);
}

/** Waits for a toast whose text contains `text`; returns its whole text. */
async function toast(page, text) {
    const found = page.locator('.workbench__toasts .slds-notify_toast', { hasText: text }).first();
    await found.waitFor();
    return (await found.innerText()).replace(/\s+/g, ' ').trim();
}

/** Clicks the middle of the element once its box stops moving (the modal animates in). */
async function clickAt(page, locator) {
    await locator.waitFor();
    let box = await locator.boundingBox();
    for (let tries = 0; tries < 20; tries++) {
        await page.waitForTimeout(50);
        const next = await locator.boundingBox();
        if (next && box && next.x === box.x && next.y === box.y) break;
        box = next;
    }
    assert.ok(box, 'the element has a box on screen');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Polls `check` (an async predicate) until it holds, failing with `what` after `ms`. */
async function eventually(what, check, ms = 5_000) {
    const deadline = Date.now() + ms;
    while (!(await check())) {
        if (Date.now() > deadline) assert.fail(`Timed out after ${ms} ms waiting until ${what}.`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

const modalProblem = (page) => page.locator(`${MODAL} [data-id="problem"]`);
const modalConfirm = (page) => page.locator(`${MODAL} lightning-modal-footer button.slds-button_brand`);
const reasonLabels = (page) => page.locator(`${MODAL} .slds-radio__label`);

/** Picks the first reason of the open modal that needs no note, and waits until it is checked; returns its text. */
async function chooseReasonWithoutNote(page) {
    await reasonLabels(page).first().waitFor();
    const texts = await reasonLabels(page).allInnerTexts();
    const index = texts.findIndex((text) => !/note required/.test(text));
    assert.ok(index >= 0, `a reason without a required note among: ${texts.join('; ')}`);
    const radio = page.locator(`${MODAL} input[name="reason"]`).nth(index);
    await clickAt(page, reasonLabels(page).nth(index));
    await eventually(`the reason "${texts[index]}" is checked`, () => radio.isChecked());
    return texts[index].replace(/\s+/g, ' ').trim();
}

const BOARD_ROWS = 'c-queue-sla-board tbody tr[data-queue]';

async function tileCounts(page, queue) {
    const row = page.locator(`c-queue-sla-board tbody tr[data-queue="${queue}"]`);
    await row.waitFor();
    const read = async (id) => Number.parseInt(await row.locator(`[data-id="${id}"]`).innerText(), 10);
    return { pending: await read('pending'), decided: await read('decided') };
}

/** The board's rows as the manager reads them: queue API name, status state and the waiting count. */
async function boardRows(page) {
    await page.locator(BOARD_ROWS).first().waitFor();
    return page.locator(BOARD_ROWS).evaluateAll((rows) =>
        rows.map((row) => ({
            queue: row.dataset.queue,
            state: row.dataset.state,
            status: row.querySelector('[data-id="state-text"]').textContent.trim(),
            detail: row.querySelector('[data-id="state-detail"]')?.textContent.trim() ?? '',
            pending: Number(row.querySelector('[data-id="pending"]').textContent),
            breached: Number(row.querySelector('[data-id="breached"]').textContent)
        }))
    );
}

const STATE_RANK = { red: 3, amber: 2, paused: 1, green: 0 };

/** The next Saturday at 17:00 UTC (noon or 1 pm in New York: the SDR hours are closed) after `from`. */
function nextSaturdayNoon(from) {
    const day = new Date(from + 86_400_000);
    day.setUTCDate(day.getUTCDate() + ((6 - day.getUTCDay() + 7) % 7));
    day.setUTCHours(17, 0, 0, 0);
    return day;
}

/**
 * Runs axe-core on the page as it is now and fails on serious or critical violations (issue 14), naming each rule,
 * its help text and the first offending elements; takes a screenshot of the state checked.
 */
async function expectNoSeriousAxeViolations(page, screenshot, name) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
    const violations = await page.evaluate(async () => {
        // label-content-name-mismatch is experimental in axe 4, off by default: issue 14 found one, so turn it on.
        const result = await window.axe.run(document, {
            resultTypes: ['violations'],
            rules: { 'label-content-name-mismatch': { enabled: true } }
        });
        return result.violations.map((violation) => ({
            id: violation.id,
            impact: violation.impact,
            help: violation.help,
            targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' '))
        }));
    });
    await screenshot(page, `axe-${name}`);
    const blocking = violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
    assert.deepEqual(
        blocking.map(
            (violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.targets.join(', ')})`
        ),
        [],
        `axe-core on ${name}: no serious or critical violations`
    );
}

const addDays = (isoDate, days) =>
    new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * @param {object} env the running workbench (url, backend, clock), newPage() (a fresh browser context's page) and
 *   screenshot(page, name)
 * @returns {{ title: string, run: () => Promise<void> }[]}
 */
export function scenarios(env) {
    const { url, backend, clock, newPage, screenshot } = env;
    const state = { decisions: 0 };
    const pages = {};

    const lead = async (leadId) => backend.record(leadId);
    /** Sets the workbench clock (the test clock plus the moves made with the header control) to `date`. */
    const setWorkbenchClock = (date) => clock.set(new Date(date.getTime() - (backend.now() - clock.now())));

    return [
        {
            title: 'before any decision, the manager board shows the SDR Inbound queue',
            async run() {
                pages.manager = await newPage();
                await pages.manager.goto(`${url}?as=manager#/manager`);
                state.boardBefore = await tileCounts(pages.manager, SDR_QUEUE);
                assert.ok(
                    state.boardBefore.pending >= 4,
                    `SDR Inbound has MQLs waiting (${state.boardBefore.pending})`
                );
                await screenshot(pages.manager, 'manager-board-before');
            }
        },
        {
            title: 'the manager sees time to first view and to decision per queue and per SDR on the sample data',
            async run() {
                const page = pages.manager;
                const table = page.locator('c-speed-to-lead [data-id="speed-table"]');
                await table.waitFor();
                const inbound = table.locator('tbody tr', { hasText: 'SDR Inbound' });
                assert.ok(Number(await inbound.locator('[data-id="first-views"]').innerText()) > 0, 'MQLs opened');
                assert.match(await inbound.locator('[data-id="median-view"]').innerText(), /\d+ (min|h)/);
                await page.locator('c-speed-to-lead button', { hasText: 'Per SDR' }).click();
                await eventually('one row per SDR', async () =>
                    (await table.locator('tbody th').allInnerTexts()).some((name) => /Dana Reyes/.test(name))
                );
                assert.match(
                    await table
                        .locator('tbody tr', { hasText: 'Dana Reyes' })
                        .locator('[data-id="median-view"]')
                        .innerText(),
                    /\d+ (min|h)/
                );
                await expectNoSeriousAxeViolations(page, screenshot, 'manager-speed-to-lead');
            }
        },
        {
            title: 'the manager funnel runs to the customer: SQL → Won against its band, pipeline created, net valid volume, by campaign',
            async run() {
                const page = await newPage();
                await page.goto(`${url}?as=manager#/manager`);
                const funnelView = page.locator('c-funnel-conversion');
                const sqlToWon = funnelView.locator('tr[data-conversion="all-SQL-Won"]');
                await sqlToWon.waitFor();
                const served = await backend.call('manager', 'QueueHealthController', 'getFunnel', {
                    periodDays: 30,
                    groupBy: 'none'
                });
                const step = served.groups[0].conversions.find(
                    (conversion) => conversion.fromStage === 'SQL' && conversion.toStage === 'Won'
                );
                assert.ok(step.toCount > 0, `the sample's converted leads include won ones (${step.toCount})`);
                assert.ok(
                    step.rate >= 20 && step.rate <= 30,
                    `the sample's SQL to customer lies in 20–30 % (${step.rate})`
                );
                assert.equal(
                    (await sqlToWon.locator('th').innerText()).trim(),
                    `SQL → ${LABELS.get('LeadHandoff_ManagerInsights_FunnelWon')}`
                );
                assert.equal(
                    (await sqlToWon.locator('[data-id="verdict"]').innerText()).trim(),
                    LABELS.get('LeadHandoff_ManagerInsights_FunnelWithin')
                );
                assert.match(await sqlToWon.locator('[data-id="benchmark"]').innerText(), /20 %.*30 %/);
                const pipeline = await funnelView.locator('[data-id="pipeline"] li').allInnerTexts();
                const created = served.groups[0].pipeline;
                assert.match(pipeline[0], new RegExp(`^${created.opportunities} opportunities from leads converted`));
                assert.match(
                    pipeline[1],
                    new RegExp(`^Won ${created.won} \\(.+\\), lost ${created.lost}, open ${created.open}$`)
                );
                const volume = await funnelView.locator('[data-id="volume"]').first().innerText();
                const { gross, net } = served.groups[0].volume;
                assert.match(volume, new RegExp(`${gross} gross, ${net} net valid`));
                assert.ok(net < gross, 'the sample rejects some MQLs as never valid');
                assert.match(
                    await funnelView.locator('[data-id="exclusions"]').innerText(),
                    /excludes MQLs rejected as Student or personal email, Competitor, and Duplicate/
                );
                await sqlToWon.scrollIntoViewIfNeeded();
                await screenshot(page, 'funnel-to-customer');

                await funnelView.locator('button[data-group="groupBy"][data-value="campaign"]').click();
                const headings = funnelView.locator('section > h3');
                await headings.filter({ hasText: 'Berlin Trade Show' }).waitFor();
                assert.deepEqual(
                    (await headings.allInnerTexts()).map((text) => text.trim()),
                    [
                        'Autumn Webinar Series',
                        'Berlin Trade Show',
                        LABELS.get('LeadHandoff_ManagerInsights_FunnelNoCampaign')
                    ],
                    'one funnel per sample campaign, then the leads without one'
                );
                await headings.first().scrollIntoViewIfNeeded();
                await screenshot(page, 'funnel-by-campaign');
                await expectNoSeriousAxeViolations(page, screenshot, 'funnel-by-campaign');
                await page.close();
            }
        },
        {
            title: 'before any decision, the calibration what-if on the sample data matches the hand-computed figure',
            async run() {
                // By hand from data/ as the seed plays it over the last 90 days (every sample lead is younger): today
                // (fit ≥ 60, intent ≥ 50 or a hand-raise) 88 leads reached MQL; 62 reached SAL (the SAL and SQL rows,
                // and the Rejected rows the seed accepts first: even positions) and 30 SQL (the 12 converted SQL09–SQL20,
                // all of fit 76 or more, among them). Fit ≥ 70 keeps 58 (48 SALs, 28 SQLs) and removes 30 (34 %), 10 of
                // them rejected as Not our ICP (33 %): SAL→SQL from 30/62 = 48 % to 28/48 = 58 %.
                const page = await newPage();
                await page.goto(`${url}?as=manager#/manager`);
                const calibration = page.locator('c-threshold-calibration');
                await calibration.locator('[data-id="sample-note"]').waitFor();
                await calibration.locator('lightning-button[data-days="90"] button').click();
                await eventually('the 90-day period is chosen', async () =>
                    /of 88$/.test((await calibration.locator('tr[data-row="today"] > *').allInnerTexts())[2] ?? '')
                );
                const fit = calibration.locator('lightning-input[data-id="proposedFit"] input');
                await fit.fill('70');
                await calibration.locator('[data-id="show-what-if"] button').click();
                const verdict = calibration.locator('[data-id="verdict"]');
                await verdict.waitFor();
                assert.equal(
                    await verdict.innerText(),
                    'Fit ≥ 70 and intent ≥ 50 instead of fit ≥ 60 and intent ≥ 50 would have removed 34 % of MQLs ' +
                        '(30 of 88). Of those, 33 % were rejected as Not our ICP. SAL→SQL would go from 48 % to 58 %.'
                );
                const row = async (key) =>
                    (await calibration.locator(`tr[data-row="${key}"] > *`).allInnerTexts()).map((text) => text.trim());
                assert.deepEqual((await row('today')).slice(1, 4), ['88', '70 % of 88', '48 % of 62']);
                assert.deepEqual((await row('proposed')).slice(1, 4), ['58', '83 % of 58', '58 % of 48']);
                const file = await calibration.locator('[data-id="record-file"]').inputValue();
                assert.match(file, /<field>Fit_Threshold__c<\/field>\s*<value xsi:type="xsd:double">70<\/value>/);
                const { fitThreshold } = await backend
                    .call('manager', 'CalibrationController', 'getCalibration', {
                        periodDays: 30,
                        proposedFit: null,
                        proposedIntent: null
                    })
                    .then((result) => ({ fitThreshold: result.currentFit }));
                assert.equal(fitThreshold, 60, 'the what-if changed nothing');
                await screenshot(page, 'calibration-what-if');
                await expectNoSeriousAxeViolations(page, screenshot, 'manager-with-calibration');
                await page.close();
            }
        },
        {
            title: 'right after the inbox loads, ? lists the shortcuts and j focuses the first lead, with no click first',
            async run() {
                const page = await newPage();
                await openInbox(page, url, 'sdr-a');
                const help = page.locator('c-lead-inbox section[aria-label="Keyboard shortcuts"]');
                assert.equal(await help.count(), 0);
                await page.keyboard.press('?');
                await help.waitFor();
                assert.match(await help.innerText(), /Next \/ previous lead/);
                await page.keyboard.press('j');
                const first = await firstRow(page);
                await eventually('the first lead has focus', () =>
                    inboxRow(page, first.leadId).evaluate((row) => row.matches(':focus'))
                );
                // Every row says its SLA state in words as well as colour.
                const words = await page.locator(`${INBOX_ROWS} [data-id="sla-word"]`).allInnerTexts();
                assert.ok(
                    words.length > 0 && words.every((word) => /^(On track|Due soon|Breached|Paused|No SLA)$/.test(word))
                );
                await screenshot(page, 'inbox-shortcuts-before-any-click');
                await page.close();
            }
        },
        {
            title: 'axe-core finds no serious or critical violations on any tab or open modal',
            async run() {
                const page = await newPage();
                await openInbox(page, url, 'sdr-a');
                await expectNoSeriousAxeViolations(page, screenshot, 'inbox');

                await page.keyboard.press('?');
                await page.locator('c-lead-inbox section[aria-label="Keyboard shortcuts"]').waitFor();
                await expectNoSeriousAxeViolations(page, screenshot, 'inbox-shortcuts');

                const row = await firstRow(page);
                await pressOnRow(page, row.leadId, 'r');
                await reasonLabels(page).first().waitFor();
                await expectNoSeriousAxeViolations(page, screenshot, 'reject-modal');
                await page.keyboard.press('Escape');
                await page
                    .locator(MODAL)
                    .waitFor({ state: 'detached' })
                    .catch(() => undefined);

                await pressOnRow(page, row.leadId, 'y');
                await reasonLabels(page).first().waitFor();
                await expectNoSeriousAxeViolations(page, screenshot, 'recycle-modal');
                await page.keyboard.press('Escape');

                await page.goto(`${url}?as=sdr-a#/lead/${row.leadId}`);
                await page.locator('c-lead-stage-panel [data-id="sla"], c-lead-stage-panel h2').first().waitFor();
                await expectNoSeriousAxeViolations(page, screenshot, 'lead');

                await page.goto(`${url}?as=manager#/manager`);
                await page.locator(BOARD_ROWS).first().waitFor();
                await expectNoSeriousAxeViolations(page, screenshot, 'manager');

                await page.goto(`${url}?as=manager#/definitions`);
                await page.locator('c-stage-definitions table').waitFor();
                await expectNoSeriousAxeViolations(page, screenshot, 'definitions');
                await page.close();
            }
        },
        {
            title: 'an SDR accepts the focused MQL with one keystroke: the row leaves and a toast confirms',
            async run() {
                pages.sdrA = await newPage();
                await openInbox(pages.sdrA, url, 'sdr-a');
                const row = await firstRow(pages.sdrA);
                await pressOnRow(pages.sdrA, row.leadId, 'a');
                await inboxRow(pages.sdrA, row.leadId).waitFor({ state: 'detached' });
                assert.equal(await toast(pages.sdrA, `Accepted ${row.name}`), `Accepted ${row.name} Close`);
                await screenshot(pages.sdrA, 'accept-one-keystroke');
                assert.equal((await lead(row.leadId)).Lifecycle_Stage__c, 'SAL');
                state.accepted = row;
                state.decisions++;
            }
        },
        {
            title: 'rejecting without a reason is blocked: Confirm stays disabled and the modal says why',
            async run() {
                const page = pages.sdrA;
                const row = await firstRow(page);
                await pressOnRow(page, row.leadId, 'r');
                await modalConfirm(page).waitFor();
                assert.equal(
                    (await modalProblem(page).innerText()).trim(),
                    LABELS.get('LeadHandoff_SdrInbox_ChooseReasonToReject')
                );
                assert.equal(await modalConfirm(page).isDisabled(), true, 'Reject is disabled without a reason');
                await screenshot(page, 'reject-without-reason-blocked');
                const texts = await reasonLabels(page).allInnerTexts();
                const needsNote = texts.findIndex((text) => /note required/.test(text));
                assert.ok(
                    needsNote >= 0,
                    `the sample policy has a reject reason that needs a note: ${texts.join('; ')}`
                );
                await clickAt(page, reasonLabels(page).nth(needsNote));
                const asksForNote = async () =>
                    /^Add a note: ".+" needs one\.$/.test(await modalProblem(page).innerText());
                await eventually('the modal asks for the note the reason requires', asksForNote);
                assert.equal(await modalConfirm(page).isDisabled(), true, 'Reject is disabled without the note');
                await screenshot(page, 'reject-without-note-blocked');
                await page.keyboard.press('Escape');
                await modalConfirm(page).waitFor({ state: 'detached' });
                await inboxRow(page, row.leadId).waitFor();
                assert.equal((await lead(row.leadId)).Lifecycle_Stage__c, 'MQL', 'nothing was saved');
            }
        },
        {
            title: 'an SDR rejects with a reason from the modal: the row leaves with the reason saved',
            async run() {
                const page = pages.sdrA;
                const row = await firstRow(page);
                await pressOnRow(page, row.leadId, 'r');
                const reason = await chooseReasonWithoutNote(page);
                await eventually('Reject is enabled once a reason is chosen', () => modalConfirm(page).isEnabled());
                assert.equal((await modalProblem(page).innerText()).trim(), '', 'no problem is shown');
                await screenshot(page, 'reject-with-reason-modal');
                await clickAt(page, modalConfirm(page));
                await modalConfirm(page).waitFor({ state: 'detached' });
                await inboxRow(page, row.leadId).waitFor({ state: 'detached' });
                await toast(page, `Rejected ${row.name}`);
                await screenshot(page, 'reject-with-reason-done');
                const saved = await lead(row.leadId);
                assert.equal(saved.Lifecycle_Stage__c, 'Rejected');
                assert.ok(saved.Disposition_Reason__c, `a reason was saved (${reason})`);
                state.decisions++;
            }
        },
        {
            title: 'an SDR recycles with a reason and a date: the row leaves, the lead is recycled until that date',
            async run() {
                const page = pages.sdrA;
                const row = await firstRow(page);
                await pressOnRow(page, row.leadId, 'y');
                const reason = await chooseReasonWithoutNote(page);
                const date = page.locator(`${MODAL} input[name="recycleUntil"]`);
                const today = await date.getAttribute('min');
                const nurtureDays = /nurture (\d+) days/.exec(reason)?.[1];
                assert.ok(nurtureDays, `every recycle reason of the sample policy has nurture days: ${reason}`);
                const suggested = addDays(today, Number(nurtureDays));
                const suggests = async () => (await date.inputValue()) === suggested;
                await eventually(`the reason suggests recycling until ${suggested}`, suggests);
                const until = addDays(today, 45);
                await date.fill(until);
                await eventually('Recycle is enabled with a reason and a date', () => modalConfirm(page).isEnabled());
                await screenshot(page, 'recycle-modal');
                await clickAt(page, modalConfirm(page));
                await modalConfirm(page).waitFor({ state: 'detached' });
                await inboxRow(page, row.leadId).waitFor({ state: 'detached' });
                await toast(page, `Recycled ${row.name}`);
                const saved = await lead(row.leadId);
                assert.equal(saved.Lifecycle_Stage__c, 'Recycled');
                assert.equal(saved.Recycle_Until__c, until);
                state.decisions++;
            }
        },
        {
            title: 'two SDR tabs accept the same MQL: exactly one wins, the other is told who did',
            async run() {
                pages.sdrB = await newPage();
                await Promise.all([openInbox(pages.sdrA, url, 'sdr-a'), openInbox(pages.sdrB, url, 'sdr-b')]);
                const row = await firstRow(pages.sdrA);
                assert.equal((await firstRow(pages.sdrB)).leadId, row.leadId, 'both SDRs see the same MQL first');
                await Promise.all([inboxRow(pages.sdrA, row.leadId).focus(), inboxRow(pages.sdrB, row.leadId).focus()]);
                await Promise.all([pages.sdrA.keyboard.press('a'), pages.sdrB.keyboard.press('a')]);

                // Each tab shows either the success toast or the refusal: which one, and the refusal's text.
                const outcome = async (page) => {
                    const toasts = page.locator('.workbench__toasts .slds-notify_toast');
                    const won = toasts.filter({ hasText: `Accepted ${row.name}` });
                    const lost = toasts.filter({ hasText: 'Nothing was accepted' });
                    await won.or(lost).first().waitFor();
                    return {
                        won: (await won.count()) > 0,
                        lost: (await lost.count()) > 0,
                        lostText: await lost.allInnerTexts()
                    };
                };
                const [a, b] = await Promise.all([outcome(pages.sdrA), outcome(pages.sdrB)]);
                assert.equal([a, b].filter((result) => result.won).length, 1, `one tab won: ${JSON.stringify([a, b])}`);
                assert.equal(
                    [a, b].filter((result) => result.lost).length,
                    1,
                    `one tab lost: ${JSON.stringify([a, b])}`
                );
                const [winner, loser, loserPage] = a.won ? ['sdr-a', b, pages.sdrB] : ['sdr-b', a, pages.sdrA];
                const winnerName = backend.personas().find((persona) => persona.id === winner).name;
                assert.match(
                    loser.lostText.join(' '),
                    new RegExp(`${row.name}: ${winnerName} already decided this lead .*\\(now SAL\\)\\.`)
                );
                await screenshot(loserPage, 'concurrent-accept-loser');
                await screenshot(loserPage === pages.sdrA ? pages.sdrB : pages.sdrA, 'concurrent-accept-winner');
                const saved = await lead(row.leadId);
                assert.equal(saved.Lifecycle_Stage__c, 'SAL');
                assert.equal(saved.Accepted_By__c, backend.userId(winner));
                state.decisions++;
            }
        },
        {
            title: 'the stage panel on the Lead page shows the accept in the stage history',
            async run() {
                const page = pages.sdrA;
                await page.goto(`${url}?as=sdr-a#/lead/${state.accepted.leadId}`);
                const entries = page.locator('c-lead-stage-panel [data-id="history-entry"]');
                const accepted = entries.filter({ hasText: 'MQL → SAL' });
                await accepted.first().waitFor();
                const text = (await accepted.first().innerText()).replace(/\s+/g, ' ');
                assert.match(text, /by Dana Reyes/);
                assert.match(text, /SLA (met|missed)/);
                await screenshot(page, 'stage-panel-history');
            }
        },
        {
            title: 'the accepted lead is in "My leads", opened from the inbox, with its next step and a link to its page',
            async run() {
                const page = pages.sdrA;
                await openInbox(page, url, 'sdr-a');
                await page.locator('c-lead-inbox button', { hasText: 'My leads' }).click();
                await page.waitForURL(/#\/leads/);
                const row = page.locator(`c-my-leads tbody tr[data-id="${state.accepted.leadId}"]`);
                await row.waitFor();
                assert.equal(await row.locator('[data-id="stage"]').innerText(), 'SAL');
                assert.match(
                    await row.locator('[data-id="next-step"]').innerText(),
                    /^Qualify: confirm .+ then mark it an SQL\.$/
                );
                assert.match(
                    await page.locator('c-my-leads [data-id="counts"]').innerText(),
                    /^\d+ SALs? · \d+ SQLs?$/
                );
                await expectNoSeriousAxeViolations(page, screenshot, 'my-leads');
                const link = row.locator('th a');
                await eventually('the name links to the lead record page', async () =>
                    (await link.getAttribute('href'))?.endsWith(`#/lead/${state.accepted.leadId}`)
                );
                await link.click();
                await page.waitForURL(new RegExp(`#/lead/${state.accepted.leadId}`));
                await page.locator('c-lead-stage-panel').waitFor();
            }
        },
        {
            title: 'the manager board reflects the decisions: SDR Inbound waits less and has decided more',
            async run() {
                const page = pages.manager;
                await page.reload();
                const after = await tileCounts(page, SDR_QUEUE);
                assert.deepEqual(after, {
                    pending: state.boardBefore.pending - state.decisions,
                    decided: state.boardBefore.decided + state.decisions
                });
                await screenshot(page, 'manager-board-after');
            }
        },
        {
            title: 'the manager board is a table sorted breached first, re-sorted by a header button, with drill-down to the inbox',
            async run() {
                const page = pages.manager;
                await page.goto(`${url}?as=manager#/manager`);
                const rows = await boardRows(page);
                const ranks = rows.map((row) => STATE_RANK[row.state]);
                assert.deepEqual(
                    ranks,
                    [...ranks].sort((a, b) => b - a),
                    'breached first, then at risk, paused, on track'
                );
                const statusHead = page.locator('c-queue-sla-board thead th', { hasText: 'Status' });
                assert.equal(await statusHead.getAttribute('aria-sort'), 'descending');

                const waitingHead = page.locator('c-queue-sla-board thead th', { hasText: 'Waiting (MQLs)' });
                await waitingHead.locator('button').click();
                await eventually(
                    'the Waiting column is sorted',
                    async () => (await waitingHead.getAttribute('aria-sort')) === 'descending'
                );
                const byWaiting = (await boardRows(page)).map((row) => row.pending);
                assert.deepEqual(
                    byWaiting,
                    [...byWaiting].sort((a, b) => b - a),
                    'most waiting first'
                );
                assert.equal(await statusHead.getAttribute('aria-sort'), null, 'one sorted column at a time');
                await waitingHead.locator('button').click();
                await eventually(
                    'a second click sorts ascending',
                    async () => (await waitingHead.getAttribute('aria-sort')) === 'ascending'
                );
                await expectNoSeriousAxeViolations(page, screenshot, 'manager-board-sorted');

                const sdrRow = page.locator(`c-queue-sla-board tbody tr[data-queue="${SDR_QUEUE}"]`);
                await sdrRow.locator('button', { hasText: 'Open in inbox' }).click();
                await page.waitForURL(new RegExp(`#/inbox\\?c__view=queue%3A${SDR_QUEUE}`));
                await page.locator(INBOX_ROWS).first().waitFor();
                const allScope = page.locator('c-lead-inbox [data-id="all-scope"]');
                assert.match(
                    await allScope.innerText(),
                    /^All and Breached count your MQLs and those of the queues you work\. View only, not in them: .*SDR Inbound/,
                    "the manager's All says it leaves out the view-only SDR queue"
                );
                await screenshot(page, 'manager-board-drill-down');

                // The seeded returns are ten reasons counted once or twice: too few for "fix these first".
                await page.goto(`${url}?as=manager#/manager`);
                const pareto = page.locator('c-reason-pareto');
                const withheld = pareto.locator('[data-id="advice-withheld"]');
                await withheld.waitFor();
                const { total, minimumSample } = await backend.call(
                    'manager',
                    'QueueHealthController',
                    'getReasonPareto',
                    {
                        periodDays: 30,
                        kind: 'All'
                    }
                );
                assert.ok(total < minimumSample, `the sample data has fewer returns (${total}) than the minimum`);
                assert.equal(
                    (await withheld.innerText()).trim(),
                    LABELS.get('LeadHandoff_ManagerInsights_ParetoAdviceWithheld')
                        .replace('{0}', minimumSample)
                        .replace('{1}', LABELS.get('LeadHandoff_ManagerInsights_ParetoNounAll'))
                        .replace('{2}', total)
                );
                assert.doesNotMatch(await pareto.innerText(), /Fix these first/);
                await withheld.scrollIntoViewIfNeeded();
                await screenshot(page, 'pareto-advice-withheld');
            }
        },
        {
            title: "the manager sees each SDR's open leads against their cap and whether assignment gives them leads now",
            async run() {
                const page = pages.manager;
                const card = page.locator('c-sdr-load');
                await card.locator('tbody tr').first().waitFor();
                const rows = await card
                    .locator('tbody tr')
                    .evaluateAll((trs) =>
                        trs.map((tr) => Array.from(tr.children).map((cell) => cell.textContent.trim()))
                    );
                const names = rows.map((cells) => cells[0]);
                assert.ok(names.includes('Dana Reyes') && names.includes('Sam Okafor'), `both SDRs listed: ${names}`);
                const { sdrs } = await backend.call('manager', 'SdrLoadController', 'getSdrLoad', {});
                for (const sdr of sdrs) {
                    const cells = rows.find((candidate) => candidate[0] === sdr.name);
                    assert.ok(cells[2].startsWith(`${sdr.openLeads} of ${sdr.cap}`), `${sdr.name}: ${cells[2]}`);
                    assert.equal(cells[3], `${sdr.pendingMqls} MQL, ${sdr.openSals} SAL`);
                }
                await card.scrollIntoViewIfNeeded();
                await screenshot(page, 'manager-sdr-load');
            }
        },
        {
            title: 'on the Lead page the SDR qualifies the accepted lead with the SQL checklist, then converts it into the account named like its company and follows the links',
            async run() {
                const page = pages.sdrA;
                const { leadId, name } = state.accepted;
                // An account named like the lead's company already exists, owned by another SDR.
                const company = (await lead(leadId)).Company;
                const [accountId] = await backend.insert('sdr-b', 'Account', [{ Name: company }]);
                await page.goto(`${url}?as=sdr-a#/lead/${leadId}`);
                const checklist = page.locator('c-lead-stage-panel c-lead-sql-checklist');
                const qualify = checklist.locator('lightning-button button', { hasText: 'Qualify' });
                await qualify.waitFor();
                assert.equal(await qualify.isDisabled(), true, 'Qualify waits for the required items');
                assert.match(
                    await checklist.locator('[data-id="qualify-problem"]').innerText(),
                    /^To qualify, confirm: /
                );
                const required = checklist.locator('lightning-input', { hasText: '(required)' });
                for (const item of await required.all()) await item.locator('label').click();
                await eventually('Qualify is enabled once every required item is checked', () => qualify.isEnabled());
                await checklist.locator('lightning-textarea textarea').fill('Budget approved in Q2');
                await expectNoSeriousAxeViolations(page, screenshot, 'stage-panel-checklist');
                await qualify.click();
                await toast(page, `${name} is now a sales-qualified lead`);
                const qualified = await lead(leadId);
                assert.equal(qualified.Lifecycle_Stage__c, 'SQL');
                assert.equal(qualified.Qualification_Notes__c, 'Budget approved in Q2');

                const form = page.locator('c-lead-stage-panel c-lead-convert-form');
                const convert = form.locator('lightning-button button', { hasText: 'Convert' });
                await convert.waitFor();
                assert.equal(
                    await form.locator('[data-id="account-help"]').innerText(),
                    label('LeadHandoff_SdrInbox_ConvertMatchesFound', company)
                );
                // SLDS radio inputs are visually hidden: a person picks the account by its label.
                await form
                    .locator('lightning-radio-group label', {
                        hasText: `Existing account: ${company}, owned by Sam Okafor`
                    })
                    .click();
                const field = (label) => form.locator('lightning-input', { hasText: label }).locator('input');
                assert.ok((await field('Opportunity name').inputValue()).length > 0, 'the name starts as the company');
                await field('Opportunity name').fill(`${name} - Platform`);
                await field('Amount (USD)').fill('25000');
                await eventually('the amount shows in the org currency', async () =>
                    /\$25,000\.00/.test(await form.locator('[data-id="amount-preview"]').innerText())
                );
                // lightning-input type="date" reads the date as the user's locale shows it (en-US here: "Jan 3, 2027").
                const shownDate = (iso) =>
                    new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
                        month: 'short',
                        day: 'numeric',
                        year: 'numeric',
                        timeZone: 'UTC'
                    });
                const today = new Date(backend.now()).toISOString().slice(0, 10);
                await field('Close date').fill(shownDate(addDays(today, -3)));
                await field('Close date').press('Tab');
                await eventually(
                    'a past close date is refused before sending',
                    async () =>
                        (await form.locator('[data-id="convert-problem"]').innerText()) ===
                        label('LeadHandoff_SdrInbox_ConvertCloseDateNotBeforeToday')
                );
                assert.equal(await convert.isDisabled(), true, 'no convert with a past close date');
                const closeDate = addDays(today, 30);
                await field('Close date').fill(shownDate(closeDate));
                await field('Close date').press('Tab');
                await eventually('Convert is enabled with a name, an amount and a close date', () =>
                    convert.isEnabled()
                );
                await expectNoSeriousAxeViolations(page, screenshot, 'stage-panel-convert');
                await convert.click();
                await toast(page, `Converted: opportunity "${name} - Platform" created`);
                const converted = await lead(leadId);
                assert.equal(converted.Lifecycle_Stage__c, 'Opportunity');
                assert.equal(converted.IsConverted, true);
                assert.equal(converted.ConvertedAccountId, accountId, 'converted into the matched account');
                const opportunity = await backend.record(converted.ConvertedOpportunityId);
                assert.deepEqual(
                    [opportunity.Name, opportunity.Amount, opportunity.CloseDate, opportunity.AccountId],
                    [`${name} - Platform`, 25000, closeDate, accountId]
                );
                // Afterwards the panel links the opportunity, the account and the contact by name.
                const links = page.locator('c-lead-stage-panel c-lead-converted-records');
                await links.locator('a').first().waitFor();
                const linkFor = (key) => links.locator(`[data-id="${key}"] a`);
                assert.deepEqual(
                    [
                        await linkFor('opportunity').innerText(),
                        await linkFor('account').innerText(),
                        await linkFor('contact').innerText()
                    ],
                    [`${name} - Platform`, company, name]
                );
                assert.match(
                    await linkFor('account').getAttribute('href'),
                    new RegExp(`#/record/Account/${accountId}$`)
                );
                const entries = page.locator('c-lead-stage-panel [data-id="history-entry"]');
                await entries.filter({ hasText: 'SQL → Opportunity' }).first().waitFor();
                // The notes typed at Qualify stay in the history.
                await entries
                    .filter({ hasText: 'SAL → SQL' })
                    .filter({ hasText: 'Budget approved in Q2' })
                    .first()
                    .waitFor();
                await expectNoSeriousAxeViolations(page, screenshot, 'stage-panel-converted-links');
                await page.reload();
                await entries.filter({ hasText: 'SQL → Opportunity' }).first().waitFor();
                await links.locator('a').first().waitFor();
                const picked = await page.locator('#lead-picker').evaluate((select) => select.selectedOptions[0].text);
                assert.ok(picked.startsWith(name), `the lead picker names the converted lead, not its Id: ${picked}`);
                await screenshot(page, 'stage-panel-converted');
                await linkFor('opportunity').click();
                await page.waitForURL(new RegExp(`#/record/Opportunity/${converted.ConvertedOpportunityId}$`));
                await page.locator('[data-id="other-record"]').waitFor();
            }
        },
        {
            title: "moving the header clock past an MQL's accept-by escalates it: it leaves the SDR inbox for the manager",
            async run() {
                const page = pages.sdrA;
                await openInbox(page, url, 'sdr-a');
                const rows = await backend.call('sdr-a', 'LeadInboxController', 'getInbox', {
                    view: 'all',
                    pageSize: 200,
                    cursor: null
                });
                const due = rows.rows
                    .filter((row) => row.acceptBy)
                    .sort((left, right) => Date.parse(left.acceptBy) - Date.parse(right.acceptBy))[0];
                assert.ok(due, 'an MQL with an accept-by time waits in the SDR inbox');
                await inboxRow(page, due.leadId).waitFor();
                const ownerBefore = (await lead(due.leadId)).OwnerId;
                await screenshot(page, 'breach-before-clock-move');
                for (let moves = 0; backend.now() <= new Date(due.acceptBy); moves++) {
                    assert.ok(moves < 5, `five business days pass ${due.acceptBy}`);
                    const label = page.locator('[data-id="clock-now"]');
                    const before = await label.innerText();
                    await page.locator('header [data-id="clock-businessDay"]').click();
                    await eventually(
                        'the header shows the moved clock',
                        async () => (await label.innerText()) !== before
                    );
                }
                await inboxRow(page, due.leadId).waitFor({ state: 'detached' });
                const escalated = await lead(due.leadId);
                assert.equal(escalated.SLA_Outcome__c, 'Missed');
                assert.notEqual(escalated.OwnerId, ownerBefore, 'the breach path moved the lead to another owner');
                await screenshot(page, 'breach-after-clock-move');
                const manager = pages.manager;
                await openInbox(manager, url, 'manager');
                await inboxRow(manager, due.leadId).waitFor();
                await screenshot(manager, 'breach-in-manager-inbox');
            }
        },
        {
            title: 'a lead recycled until tomorrow comes back to the SDR inbox as an MQL when the header clock passes that date',
            async run() {
                const page = pages.sdrA;
                // Earlier moves of the clock escalated the seeded MQLs: marketing's integration brings a fresh one.
                const [leadId] = await backend.insert('admin', 'Lead', [
                    {
                        FirstName: 'Robin',
                        LastName: 'Comeback',
                        Company: 'Boomerang Ltd',
                        Fit_Score__c: 90,
                        Intent_Score__c: 90,
                        Intent_Trigger__c: 'Demo_Request'
                    }
                ]);
                assert.ok(leadId, 'the new lead was saved');
                await openInbox(page, url, 'sdr-a');
                const row = { leadId };
                await pressOnRow(page, row.leadId, 'y');
                await chooseReasonWithoutNote(page);
                const date = page.locator(`${MODAL} input[name="recycleUntil"]`);
                const until = addDays(await date.getAttribute('min'), 1);
                await date.fill(until);
                await eventually('Recycle is enabled with a reason and a date', () => modalConfirm(page).isEnabled());
                await clickAt(page, modalConfirm(page));
                await inboxRow(page, row.leadId).waitFor({ state: 'detached' });
                const recycled = await lead(row.leadId);
                assert.equal(recycled.Lifecycle_Stage__c, 'Recycled');
                // The qualification policy's cooldown moves a date sooner than it allows (Recycle_Cooldown_Days__c).
                const returnsOn = String(recycled.Recycle_Until__c);
                assert.ok(returnsOn >= until, `recycled until ${until} or the end of the cooldown (${returnsOn})`);
                assert.equal(recycled.Nurture_Only__c, false, 'a first recycle is not nurture only');
                if (returnsOn > addDays(until, 1)) {
                    setWorkbenchClock(new Date(`${addDays(returnsOn, -2)}T12:00:00Z`));
                    await page.reload();
                }
                assert.equal(
                    (await lead(row.leadId)).Lifecycle_Stage__c,
                    'Recycled',
                    'still recycled before that date'
                );

                // Hour by hour, so that the clock stops soon after midnight, before the returned MQL's new deadline.
                for (let moves = 0; (await lead(row.leadId)).Lifecycle_Stage__c === 'Recycled'; moves++) {
                    assert.ok(moves < 60, `sixty hours bring the lead back from ${returnsOn}`);
                    const label = page.locator('[data-id="clock-now"]');
                    const before = await label.innerText();
                    await page.locator('header [data-id="clock-hour"]').click();
                    await eventually(
                        'the header shows the moved clock',
                        async () => (await label.innerText()) !== before
                    );
                }
                const returned = await lead(row.leadId);
                assert.equal(returned.Lifecycle_Stage__c, 'MQL', 'back as an MQL with no save by a user');
                assert.equal(returned.SLA_Outcome__c, 'Pending', 'with a new SLA');
                assert.ok(returned.Accept_By__c, 'and a new accept-by');
                await openInbox(page, url, 'sdr-a');
                await inboxRow(page, row.leadId).waitFor();
                await screenshot(page, 'recycle-returned-to-inbox');
                await page.goto(`${url}?as=sdr-a#/lead/${row.leadId}`);
                const entries = page.locator('c-lead-stage-panel [data-id="history-entry"]');
                await entries.filter({ hasText: 'Recycled → MQL' }).first().waitFor();
                await screenshot(page, 'recycle-return-in-history');
            }
        },
        {
            title: 'the Definitions page shows the "review overdue" banner once the clock passes the next review',
            async run() {
                const page = pages.manager;
                const { nextReviewDue } = await backend.call(
                    'manager',
                    'StageDefinitionsController',
                    'getDefinitions',
                    {}
                );
                assert.ok(nextReviewDue, 'the definitions have a next review date');
                const banner = page.locator('c-stage-definitions [data-id="overdue"]');

                setWorkbenchClock(new Date(`${addDays(nextReviewDue, -1)}T12:00:00Z`));
                await page.goto(`${url}?as=manager#/definitions`);
                await page.locator('c-stage-definitions table').waitFor();
                assert.equal(await banner.count(), 0, 'no banner the day before the review is due');

                setWorkbenchClock(new Date(`${addDays(nextReviewDue, 3)}T12:00:00Z`));
                await page.reload();
                await banner.waitFor();
                assert.match(await banner.innerText(), /Review overdue by 3 days: .+ should review these definitions/);
                await screenshot(page, 'definitions-review-overdue');

                // Written for sales and marketing: API names only behind the closed Admin details disclosure.
                const apiName = /\b\w+__(c|mdt)\b|\bLead_Handoff_\w+/;
                const table = await page.locator('c-stage-definitions table').innerText();
                assert.doesNotMatch(table, apiName, 'the definitions table names no field, metadata type or flow');
                const details = page.locator('c-stage-definitions [data-id="admin-details"]');
                assert.equal(await details.evaluate((element) => element.open), false, 'closed at first');
                await details.locator('summary').click();
                assert.match(await details.innerText(), apiName, 'the admin details name what enforces each stage');
                await screenshot(page, 'definitions-admin-details');
            }
        },
        {
            title: "speed to lead: a routed MQL rings each SDR's bell at once, and again when it is due soon",
            async run() {
                const page = await newPage();
                await openInbox(page, url, 'sdr-a');
                const count = page.locator('header [data-id="bell-count"]');
                const before = Number((await count.innerText()) || 0);
                const [leadId] = await backend.insert('admin', 'Lead', [
                    {
                        FirstName: 'Bea',
                        LastName: 'Bell',
                        Company: 'Ringing Co',
                        Fit_Score__c: 90,
                        Intent_Score__c: 90,
                        Intent_Trigger__c: 'Demo_Request'
                    }
                ]);
                assert.ok(leadId, 'marketing brought a new MQL');
                await eventually(
                    'the bell counts the arrival',
                    async () => Number(await count.innerText()) === before + 1
                );
                assert.equal(
                    backend.notifications('sdr-b').filter((item) => item.targetId === leadId).length,
                    1,
                    'the other SDR of the queue is told too, once'
                );
                await page.locator('header [data-id="bell"]').click();
                const items = page.locator('header [data-id="bell-item"]');
                assert.equal(await items.first().locator('a').innerText(), 'New MQL: Bea Bell · Ringing Co');
                await expectNoSeriousAxeViolations(page, screenshot, 'bell-arrival');

                const dueSoon = new Date((await lead(leadId)).Due_Soon_At__c);
                for (let moves = 0; backend.now() <= dueSoon; moves++) {
                    assert.ok(moves < 30, `the clock passes ${dueSoon.toISOString()} within 30 hours`);
                    const label = page.locator('[data-id="clock-now"]');
                    const shown = await label.innerText();
                    await page.locator('header [data-id="clock-hour"]').click();
                    await eventually(
                        'the header shows the moved clock',
                        async () => (await label.innerText()) !== shown
                    );
                }
                await eventually('the reminder reaches the bell', async () =>
                    backend.notifications('sdr-a').some((item) => item.title === 'Due soon: Bea Bell · Ringing Co')
                );
                const bell = page.locator('header [data-id="bell"]');
                if ((await bell.getAttribute('aria-expanded')) !== 'true') await bell.click();
                await eventually('the bell lists the reminder first', async () =>
                    /Due soon: Bea Bell · Ringing Co/.test(await items.first().innerText())
                );
                await screenshot(page, 'bell-reminder');
                await page.close();
            }
        },
        {
            title: 'on Saturday the SLA clock is paused until Monday 9:00: the inbox row and the board say so, with an icon',
            async run() {
                setWorkbenchClock(nextSaturdayNoon(backend.now()));
                const [leadId] = await backend.insert('admin', 'Lead', [
                    {
                        FirstName: 'Wendy',
                        LastName: 'Weekend',
                        Company: 'Saturday Supplies',
                        Fit_Score__c: 90,
                        Intent_Score__c: 90,
                        Intent_Trigger__c: 'Demo_Request'
                    }
                ]);
                const page = pages.sdrA;
                await openInbox(page, url, 'sdr-a');
                const row = inboxRow(page, leadId);
                await row.waitFor();
                assert.equal(await row.locator('[data-sla]').getAttribute('data-sla'), 'paused');
                assert.equal((await row.locator('[data-id="sla-word"]').innerText()).trim(), 'Paused');
                assert.match(
                    await row.locator('[data-id="sla-text"]').innerText(),
                    /^until Mon, \w{3} \d{1,2}, 9:00 AM$/
                );
                assert.equal(await row.locator('[data-sla] [aria-hidden="true"]').innerText(), '\u2016');
                const link = row.locator('th a');
                assert.ok(
                    (await link.getAttribute('href'))?.endsWith(`#/lead/${leadId}`),
                    'the name links to the lead'
                );
                await expectNoSeriousAxeViolations(page, screenshot, 'inbox-paused');

                const manager = pages.manager;
                await manager.goto(`${url}?as=manager#/manager`);
                const rows = await boardRows(manager);
                const waiting = rows.filter((entry) => entry.pending > 0 && entry.breached === 0);
                assert.ok(waiting.length > 0, `a queue waits without a breach: ${JSON.stringify(rows)}`);
                for (const entry of waiting) {
                    assert.equal(entry.state, 'paused', `${entry.queue} is paused on Saturday`);
                    assert.equal(entry.status, 'Paused');
                    assert.match(entry.detail, /^until Mon, \w{3} \d{1,2}, 9:00 AM$/);
                }
                await expectNoSeriousAxeViolations(manager, screenshot, 'manager-board-paused');
            }
        },
        {
            title: 'an accepted lead not touched within its first-touch SLA shows as breached on the first-touch board after the header clock moves, and escalates; one touched from the stage panel stays met',
            async run() {
                const hotLead = (lastName) => ({
                    FirstName: 'Kim',
                    LastName: lastName,
                    Company: `${lastName} Works`,
                    Fit_Score__c: 90,
                    Intent_Score__c: 90,
                    Intent_Trigger__c: 'Demo_Request'
                });
                const [untouchedId, touchedId] = await backend.insert('admin', 'Lead', [
                    hotLead('Silent'),
                    hotLead('Called')
                ]);
                assert.ok(untouchedId && touchedId, 'two fresh MQLs were saved');
                const accepted = await backend.call('sdr-a', 'LeadInboxController', 'decide', {
                    request: {
                        action: 'accept',
                        leads: [untouchedId, touchedId].map((leadId) => ({ leadId, seenStage: 'MQL' })),
                        reasonCode: null,
                        note: null,
                        recycleUntil: null,
                        allowPartial: false
                    }
                });
                assert.ok(accepted.applied, 'the SDR accepts both');
                const waiting = await lead(untouchedId);
                assert.equal(waiting.First_Touch_Outcome__c, 'Pending', 'acceptance starts the second clock');
                assert.ok(waiting.First_Touch_By__c, 'with a first-touch time');

                const page = await newPage();
                await page.goto(`${url}?as=sdr-a#/lead/${touchedId}`);
                const clockLine = page.locator('c-lead-stage-panel [data-id="first-touch"]');
                await clockLine.waitFor();
                assert.match(await clockLine.innerText(), /Log a call, email or meeting: .+ left/);
                await screenshot(page, 'first-touch-panel-countdown');
                await page.locator('c-lead-stage-panel lightning-button[data-id="log-first-touch"] button').click();
                await toast(page, 'First touch logged.');
                await eventually('the panel shows the first touch met', async () =>
                    /First activity logged in time/.test(await clockLine.innerText())
                );
                assert.equal((await lead(touchedId)).First_Touch_Outcome__c, 'Met');

                const manager = pages.manager;
                await manager.goto(`${url}?as=manager#/manager`);
                const sdrName = String((await lead(waiting.Accepted_By__c)).Name);
                const sdrRow = manager.locator('c-first-touch-board [data-id="by-sdr"] tbody tr', { hasText: sdrName });
                const breached = async () => {
                    await sdrRow.waitFor();
                    return Number.parseInt(await sdrRow.locator('[data-id="breached"]').innerText(), 10);
                };
                const breachedBefore = await breached();
                await screenshot(manager, 'first-touch-board-before');

                for (let moves = 0; backend.now() <= new Date(waiting.First_Touch_By__c); moves++) {
                    assert.ok(moves < 5, `five business days pass ${waiting.First_Touch_By__c}`);
                    const label = manager.locator('[data-id="clock-now"]');
                    const before = await label.innerText();
                    await manager.locator('header [data-id="clock-businessDay"]').click();
                    await eventually(
                        'the header shows the moved clock',
                        async () => (await label.innerText()) !== before
                    );
                }
                const escalated = await lead(untouchedId);
                assert.equal(
                    escalated.First_Touch_Outcome__c,
                    'Missed',
                    'the breach path marked the first touch missed'
                );
                assert.notEqual(escalated.OwnerId, waiting.OwnerId, 'and escalated the lead to another owner');
                assert.equal((await lead(touchedId)).First_Touch_Outcome__c, 'Met', 'the touched lead is not breached');

                await manager.goto(`${url}?as=manager#/manager`);
                await eventually(
                    'the first-touch board counts the breach',
                    async () => (await breached()) > breachedBefore
                );
                assert.match(await sdrRow.innerText(), /Breached/);
                await expectNoSeriousAxeViolations(manager, screenshot, 'first-touch-board-breached');
            }
        },
        {
            title: 'a definition change needs a sales lead and a marketing lead, and the version history shows it',
            async run() {
                const page = await newPage();
                await page.goto(`${url}?as=manager#/definitions`);
                const changes = page.locator('c-definition-changes');
                await changes.locator('[data-id="version"]').waitFor();
                await changes.locator('[data-id="open-form"] button').click();
                await changes.locator('[data-id="definition"]').selectOption('Thresholds');
                await changes.locator('lightning-input[data-id="summary"] input').fill('Fit threshold 60 → 70');
                await changes
                    .locator('lightning-textarea[data-id="proposedChange"] textarea')
                    .fill('Fit_Threshold__c = 70');
                await changes
                    .locator('lightning-textarea[data-id="rationale"] textarea')
                    .fill('Calibration: fit 60–69 MQLs were mostly rejected as Not our ICP.');
                await changes.locator('[data-id="submit"] button').click();
                const proposal = changes.locator('li[data-change]').filter({ hasText: 'Fit threshold 60 → 70' });
                await proposal.waitFor();
                assert.equal((await proposal.locator('[data-id="status"]').innerText()).trim(), 'Proposed');
                assert.equal(await proposal.locator('lightning-button').count(), 0, 'the proposer cannot sign');
                const changeName = await proposal.getAttribute('data-change');
                await expectNoSeriousAxeViolations(page, screenshot, 'definition-change-proposed');

                const signAs = async (persona, side) => {
                    const signer = await newPage();
                    await signer.goto(`${url}?as=${persona}#/definitions`);
                    const item = signer.locator(`c-definition-changes li[data-change="${changeName}"]`);
                    await item.waitFor();
                    assert.equal(
                        await item.locator('lightning-button').count(),
                        1,
                        `${persona} is offered exactly the ${side} sign-off`
                    );
                    await item.locator(`lightning-button[data-side="${side}"] button`).click();
                    return { signer, item };
                };
                const sales = await signAs('sales-lead', 'Sales');
                await eventually('the sales signature shows', async () =>
                    /Sales: Riley Chen/.test(await sales.item.locator('[data-id="sales"]').innerText())
                );
                assert.equal((await sales.item.locator('[data-id="status"]').innerText()).trim(), 'Proposed');
                await sales.signer.close();

                const marketing = await signAs('marketing-lead', 'Marketing');
                await eventually('the second signature approves it as version 2', async () =>
                    /Version 2, approved on/.test(await marketing.item.innerText())
                );
                await screenshot(marketing.signer, 'definition-change-approved');
                await marketing.signer.close();

                await page.reload();
                const approved = page.locator(`c-definition-changes li[data-change="${changeName}"]`);
                await approved.waitFor();
                assert.equal((await approved.locator('[data-id="status"]').innerText()).trim(), 'Approved');
                assert.match(await approved.locator('[data-id="marketing"]').innerText(), /Marketing: Casey Moreau/);
                assert.match(
                    await page.locator('c-definition-changes [data-id="awaiting-deploy"]').innerText(),
                    /Version 2 is approved and waits for an admin to deploy its record file; the definitions in force are version 1/
                );
                await approved.scrollIntoViewIfNeeded();
                await screenshot(page, 'definitions-version-history');
                await page.close();
            }
        }
    ];
}
