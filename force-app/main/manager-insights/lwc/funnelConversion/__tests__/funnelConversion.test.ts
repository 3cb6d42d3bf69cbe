import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import FunnelConversion from 'c/funnelConversion';
import getFunnel from '@salesforce/apex/QueueHealthController.getFunnel';
import { flush, mount } from 'test/lwcTest';

jest.mock('@salesforce/apex/QueueHealthController.getFunnel', () => ({ default: jest.fn() }), { virtual: true });

type Funnel = QueueHealthDto.Funnel;
type FunnelGroup = QueueHealthDto.FunnelGroup;

const FUNNEL = jest.requireActual<Funnel>('./data/QueueHealthController.getFunnel.json');
const BY_CAMPAIGN = jest.requireActual<Funnel>('./data/QueueHealthController.getFunnel.campaign.json');
const getFunnelMock = jest.mocked(getFunnel);

function funnel(overrides: Partial<Funnel> = {}): Funnel {
    return JSON.parse(JSON.stringify({ ...FUNNEL, ...overrides })) as Funnel;
}

function group(key: string, label: string, mqlToSal: number | null): FunnelGroup {
    const all = FUNNEL.groups[0];
    return {
        key,
        label,
        stages: all.stages,
        conversions: [
            {
                ...all.conversions[1],
                rate: mqlToSal,
                band: mqlToSal === null ? null : mqlToSal > 90 ? 'Above' : mqlToSal < 70 ? 'Below' : 'Within',
                diagnosis: mqlToSal !== null && mqlToSal > 90 ? null : all.conversions[1].diagnosis
            }
        ],
        volume: all.volume,
        pipeline: all.pipeline
    };
}

/** axe over three funnels with their tables takes a few seconds on a loaded machine (the default is 5). */
const AXE_ON_THREE_GROUPS_MS = 20_000;

const createFunnel = (props: Record<string, unknown> = {}) => mount('c-funnel-conversion', FunnelConversion, props);

const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const status = (element: HTMLElement) => root(element).querySelector('c-insights-status')?.shadowRoot as ShadowRoot;
const picker = (element: HTMLElement) => root(element).querySelector('c-insights-picker')?.shadowRoot as ShadowRoot;
const row = (element: HTMLElement, key: string) =>
    root(element).querySelector(`tr[data-conversion="${key}"]`) as HTMLElement;
const section = (element: HTMLElement, heading: string) =>
    Array.from(root(element).querySelectorAll('section')).find(
        (candidate) => candidate.querySelector('h3')?.textContent === heading
    ) as HTMLElement;
const pipelineLines = (container: HTMLElement) =>
    Array.from(container.querySelectorAll('[data-id="pipeline"] li')).map((line) => line.textContent);
const text = (container: HTMLElement, id: string) =>
    container.querySelector(`[data-id="${id}"]`)?.textContent?.trim() ?? '';
const choice = (element: HTMLElement, name: string, value: string) =>
    picker(element).querySelector(`button[data-group="${name}"][data-value="${value}"]`) as HTMLButtonElement;

describe('c-funnel-conversion', () => {
    beforeEach(() => {
        getFunnelMock.mockResolvedValue(funnel());
    });

    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('shows each stage-to-stage rate with its counts and benchmark band', async () => {
        const element = await createFunnel();

        expect(getFunnelMock).toHaveBeenCalledWith({ periodDays: 30, groupBy: 'none' });
        const leadToMql = row(element, 'all-Lead-MQL');
        expect(leadToMql.querySelector('th')?.textContent).toBe('Lead → MQL');
        expect(text(leadToMql, 'rate')).toBe('30 %');
        expect(leadToMql.textContent).toContain('120 of 400 leads that entered Lead reached MQL');
        expect(leadToMql.textContent).not.toContain('Lead leads');
        expect(text(leadToMql, 'benchmark')).toBe('20 % to 40 %');
        expect(text(leadToMql, 'verdict')).toBe('Within the benchmark');
        expect(leadToMql.querySelector('[data-id="diagnosis"]')).toBeNull();
        expect(root(element).querySelector('[data-id="stages"]')?.textContent).toContain(
            'Lead 400 · MQL 120 · SAL 72 · SQL 30 · Won (customer) 0'
        );
    });

    it('draws the band and the rate on a bar described for screen readers', async () => {
        const element = await createFunnel();
        const chart = row(element, 'all-MQL-SAL').querySelector('.band-chart') as HTMLElement;

        expect(chart.getAttribute('aria-label')).toBe('MQL to SAL: 60 %; benchmark 70 % to 90 %');
        expect((chart.querySelector('.band-chart__band') as HTMLElement).style.left).toBe('70%');
        expect((chart.querySelector('.band-chart__band') as HTMLElement).style.width).toBe('20%');
        expect((chart.querySelector('.band-chart__marker') as HTMLElement).style.left).toBe('60%');
    });

    it('flags a rate below its band with the benchmark diagnosis', async () => {
        const element = await createFunnel();
        const mqlToSal = row(element, 'all-MQL-SAL');

        expect(mqlToSal.className).toContain('out-of-band');
        expect(text(mqlToSal, 'verdict')).toBe('Below the benchmark');
        expect(text(mqlToSal, 'diagnosis')).toBe(
            'The MQL definition is loose or misaligned with what sales will work.'
        );
    });

    it('says "not enough data" for a conversion without a rate, and draws no marker', async () => {
        const element = await createFunnel();
        const sqlToWon = row(element, 'all-SQL-Won');

        expect(text(sqlToWon, 'rate')).toBe('not enough data');
        expect(sqlToWon.textContent).toContain('no leads entered SQL in the period');
        expect(text(sqlToWon, 'verdict')).toBe('Not enough data');
        expect(sqlToWon.querySelector('.band-chart__marker')).toBeNull();
        expect(sqlToWon.className).not.toContain('out-of-band');
    });

    it('shows a rate without a benchmark as such', async () => {
        const data = funnel();
        data.groups[0].conversions[0] = {
            ...data.groups[0].conversions[0],
            lowPercent: null,
            highPercent: null,
            band: null
        };
        getFunnelMock.mockResolvedValue(data);
        const element = await createFunnel();
        const leadToMql = row(element, 'all-Lead-MQL');

        expect(text(leadToMql, 'benchmark')).toBe('No benchmark');
        expect(text(leadToMql, 'verdict')).toBe('No benchmark');
        expect(leadToMql.querySelector('.band-chart__band')).toBeNull();
    });

    it('groups by lead source, flagging a rate above its band with a fallback when no diagnosis is set', async () => {
        getFunnelMock.mockResolvedValue(
            funnel({ groupBy: 'leadSource', groups: [group('Web', 'Web', 95), group('Partner', 'Partner', 80)] })
        );
        const element = await createFunnel();

        choice(element, 'groupBy', 'leadSource').click();
        await flush();

        expect(getFunnelMock).toHaveBeenLastCalledWith({ periodDays: 30, groupBy: 'leadSource' });
        expect(choice(element, 'groupBy', 'leadSource').getAttribute('aria-pressed')).toBe('true');
        expect(choice(element, 'groupBy', 'none').getAttribute('aria-pressed')).toBe('false');
        expect(Array.from(root(element).querySelectorAll('h3')).map((heading) => heading.textContent)).toEqual([
            'Web',
            'Partner'
        ]);
        const web = row(element, 'Web-MQL-SAL');
        expect(text(web, 'verdict')).toBe('Above the benchmark');
        expect(text(web, 'diagnosis')).toBe('Outside the benchmark band: look into this stage.');
        expect(text(row(element, 'Partner-MQL-SAL'), 'verdict')).toBe('Within the benchmark');
    });

    it('reloads for another period, and not when the same period is chosen again', async () => {
        const element = await createFunnel();

        choice(element, 'period', '7').click();
        await flush();
        expect(getFunnelMock).toHaveBeenLastCalledWith({ periodDays: 7, groupBy: 'none' });
        expect(root(element).textContent).toContain('Leads that entered each stage in the last 7 days');

        choice(element, 'period', '7').click();
        await flush();
        expect(getFunnelMock).toHaveBeenCalledTimes(2);
    });

    it('starts on the configured period and grouping, rounding the period and ignoring an unknown grouping', async () => {
        await createFunnel({ periodDays: 60, groupBy: 'segment' });
        expect(getFunnelMock).toHaveBeenLastCalledWith({ periodDays: 90, groupBy: 'segment' });

        await createFunnel({ periodDays: 7, groupBy: 'country' });
        expect(getFunnelMock).toHaveBeenLastCalledWith({ periodDays: 7, groupBy: 'none' });
    });

    it('says so when no lead entered the funnel in the period', async () => {
        const data = funnel();
        data.groups[0].stages = data.groups[0].stages.map((stage) => ({ ...stage, entered: 0 }));
        getFunnelMock.mockResolvedValue(data);
        const element = await createFunnel();

        expect(text(status(element) as unknown as HTMLElement, 'empty')).toBe(
            'No leads entered the funnel in the last 30 days. Try a longer period.'
        );
        expect(root(element).querySelector('table')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows a spinner while loading', async () => {
        getFunnelMock.mockReturnValue(new Promise<Funnel>(() => undefined));
        const element = await createFunnel();

        expect(status(element).querySelector('lightning-spinner')).not.toBeNull();
        expect(root(element).querySelector('table')).toBeNull();
    });

    it('explains a load error and loads again on Try again', async () => {
        getFunnelMock.mockRejectedValueOnce({ body: [{ message: 'Query timed out.' }] });
        const element = await createFunnel();

        const alert = status(element).querySelector('[role="alert"]') as HTMLElement;
        expect(alert.textContent).toContain('Could not load the funnel: Query timed out.');
        await expect(element).toBeAccessible();

        (alert.querySelector('button') as HTMLButtonElement).click();
        await flush();
        expect(status(element).querySelector('[role="alert"]')).toBeNull();
        expect(row(element, 'all-MQL-SAL')).not.toBeNull();
    });

    it('shows net valid MQL volume apart from gross, and says which rejections it leaves out', async () => {
        const element = await createFunnel();

        expect(text(root(element) as unknown as HTMLElement, 'volume')).toContain(
            'MQL volume: 120 gross, 111 net valid (9 rejected as never valid)'
        );
        expect(text(root(element) as unknown as HTMLElement, 'volume-reasons')).toBe(
            'Student or personal email: 4 · Duplicate: 5'
        );
        expect(text(root(element) as unknown as HTMLElement, 'exclusions')).toBe(
            'Net valid volume excludes MQLs rejected as Student or personal email, Competitor, and Duplicate. ' +
                'Conversion rates use gross volume.'
        );
    });

    it('says net equals gross when the policy marks no reason as never valid', async () => {
        getFunnelMock.mockResolvedValue(funnel({ disqualifyingReasons: [] }));
        const element = await createFunnel();

        expect(text(root(element) as unknown as HTMLElement, 'exclusions')).toBe(
            'No rejection reason is marked as never valid volume, so net equals gross.'
        );
    });

    it('says when no lead of a group was converted, instead of an empty pipeline', async () => {
        const element = await createFunnel();

        expect(pipelineLines(root(element) as unknown as HTMLElement)).toEqual([
            'No lead of this group was converted in the period.'
        ]);
    });

    it(
        'groups by campaign: SQL to customer against its band, with pipeline created, won amount and win rate',
        async () => {
            getFunnelMock.mockResolvedValue(JSON.parse(JSON.stringify(BY_CAMPAIGN)) as Funnel);
            const element = await createFunnel();

            choice(element, 'groupBy', 'campaign').click();
            await flush();

            expect(getFunnelMock).toHaveBeenLastCalledWith({ periodDays: 30, groupBy: 'campaign' });
            expect(Array.from(root(element).querySelectorAll('h3')).map((heading) => heading.textContent)).toEqual([
                'Autumn Webinar',
                'Berlin Trade Show',
                'No campaign'
            ]);
            const webinar = section(element, 'Autumn Webinar');
            const sqlToCustomer = row(element, '701000000000001AAA-SQL-Won');
            expect(sqlToCustomer.querySelector('th')?.textContent).toBe('SQL → Won (customer)');
            expect(text(sqlToCustomer, 'rate')).toBe('25 %');
            expect(text(sqlToCustomer, 'benchmark')).toBe('20 % to 30 %');
            expect(text(sqlToCustomer, 'verdict')).toBe('Within the benchmark');
            expect(row(element, '701000000000001AAA-Opportunity-Won').querySelector('th')?.textContent).toBe(
                'Opportunity → Won (customer)'
            );
            expect(pipelineLines(webinar)).toEqual([
                '3 opportunities from leads converted in the period, 42,000 in pipeline',
                'Won 1 (12,000), lost 1, open 1',
                'Win rate 50 % (won of the closed ones; open ones are not decided yet)',
                'Median time from MQL to won: 23 days'
            ]);
            const tradeShowToCustomer = row(element, '701000000000002AAA-SQL-Won');
            expect(text(tradeShowToCustomer, 'verdict')).toBe('Below the benchmark');
            expect(text(tradeShowToCustomer, 'diagnosis')).toBe('SQLs are not real opportunities.');
            expect(pipelineLines(section(element, 'Berlin Trade Show'))).toContain(
                'Win rate 0 % (won of the closed ones; open ones are not decided yet)'
            );
            await expect(element).toBeAccessible();
        },
        AXE_ON_THREE_GROUPS_MS
    );

    it('says so when no converted opportunity is closed yet', async () => {
        const data = JSON.parse(JSON.stringify(BY_CAMPAIGN)) as Funnel;
        data.groups[0].pipeline = {
            ...data.groups[0].pipeline,
            won: 0,
            lost: 0,
            open: 3,
            winRate: null,
            medianDaysMqlToWon: null
        };
        getFunnelMock.mockResolvedValue(data);
        const element = await createFunnel({ groupBy: 'campaign' });

        expect(pipelineLines(section(element, 'Autumn Webinar'))).toEqual([
            '3 opportunities from leads converted in the period, 42,000 in pipeline',
            'Won 0 (12,000), lost 0, open 3',
            'Win rate: none closed yet'
        ]);
    });

    it('is accessible with data', async () => {
        const element = await createFunnel();
        await expect(element).toBeAccessible();
    });
});
