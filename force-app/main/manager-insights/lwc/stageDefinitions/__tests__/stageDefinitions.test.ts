import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import StageDefinitions from 'c/stageDefinitions';
import { definitionsText } from 'c/definitionsReview';
import getDefinitions from '@salesforce/apex/StageDefinitionsController.getDefinitions';
import { flush, mount } from 'test/lwcTest';

jest.mock('@salesforce/apex/StageDefinitionsController.getDefinitions', () => ({ default: jest.fn() }), {
    virtual: true
});

type Definitions = StageDefinitionsController.Definitions;

const DEFINITIONS = jest.requireActual<Definitions>('./data/StageDefinitionsController.getDefinitions.json');
const getDefinitionsMock = jest.mocked(getDefinitions);
const writeText = jest.fn<(text: string) => Promise<void>>();
const execCommand = jest.fn<(command: string) => boolean>();

function definitions(overrides: Partial<Definitions> = {}): Definitions {
    return JSON.parse(JSON.stringify({ ...DEFINITIONS, ...overrides })) as Definitions;
}

const createDefinitions = (props: Record<string, unknown> = {}) =>
    mount('c-stage-definitions', StageDefinitions, props);

function toasts(element: HTMLElement) {
    const handler = jest.fn<(event: CustomEvent) => void>();
    element.addEventListener('lightning__showtoast', handler as unknown as EventListener);
    return () => handler.mock.calls.map(([event]) => event.detail as { title: string; variant: string });
}

const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
/** The view and its two c-insights-status (loading and error above the review, empty state below it). */
const shadows = (element: HTMLElement) => [
    root(element),
    ...Array.from(root(element).querySelectorAll('c-insights-status')).map((status) => status.shadowRoot as ShadowRoot)
];
const find = (element: HTMLElement, selector: string) =>
    shadows(element)
        .map((shadow) => shadow.querySelector(selector))
        .find(Boolean) ?? null;
const text = (element: HTMLElement, id: string) => find(element, `[data-id="${id}"]`)?.textContent?.trim() ?? '';
const button = (element: HTMLElement, label: string) =>
    shadows(element)
        .flatMap((shadow) => Array.from(shadow.querySelectorAll('button')))
        .find((candidate) => candidate.textContent?.trim() === label) as HTMLButtonElement | undefined;
const stageRows = (element: HTMLElement) =>
    Array.from(root(element).querySelectorAll<HTMLElement>('tbody tr')).map((tr) =>
        Array.from(tr.children).map((cell) => cell.textContent?.trim())
    );

function setClipboard(clipboard: unknown): void {
    Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
}

describe('c-stage-definitions', () => {
    beforeEach(() => {
        getDefinitionsMock.mockResolvedValue(definitions());
        writeText.mockResolvedValue(undefined);
        setClipboard({ writeText });
        execCommand.mockReturnValue(false);
        Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    });

    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('shows each stage in order with its meaning, owner team, entry rule, exit paths and SLA', async () => {
        const element = await createDefinitions();

        expect(stageRows(element)).toEqual([
            [
                'Lead',
                'A known person not yet qualified.',
                'Marketing',
                'Created by a form, import or integration.',
                'MQL',
                'No SLA'
            ],
            [
                'MQL',
                'Marketing qualified: high fit and high intent, or a low-fit hand-raiser for sales review.',
                'Marketing',
                'Segment MQL or Sales review.',
                'SAL, Rejected, Recycled',
                'Accept or return within the response SLA (60 to 480 business minutes by trigger)'
            ],
            [
                'SAL',
                'Sales accepted: an SDR agreed to work the lead.',
                'SDR team',
                'An SDR accepts the MQL within its SLA.',
                'SQL, Rejected, Recycled',
                'Qualify or return within 5 business days'
            ]
        ]);
    });

    it('heads the columns in business words and keeps the API names behind a closed Admin details disclosure', async () => {
        const element = await createDefinitions();
        const shadow = root(element);

        const headers = Array.from(shadow.querySelectorAll('thead th')).map((th) => th.textContent!.trim());
        expect(headers).toEqual([
            'Stage',
            'Meaning',
            'Owner team',
            'How a lead gets here',
            'Where it goes next',
            'SLA'
        ]);
        const disclosure = shadow.querySelector('[data-id="admin-details"]') as HTMLDetailsElement;
        expect(disclosure.open).toBe(false);
        expect(disclosure.querySelector('summary')!.textContent).toBe('Admin details: how each stage is enforced');
        expect(Array.from(disclosure.querySelectorAll('dt')).map((dt) => dt.textContent)).toEqual(['SAL']);
        expect(disclosure.querySelector('dd')!.textContent).toBe(
            'Lead_Handoff_Qualify accepts the MQL move; validation rule From_MQL_Accept_Reject_Or_Recycle.'
        );
        await expect(element).toBeAccessible();
    });

    it('shows no Admin details disclosure when no stage has admin details', async () => {
        getDefinitionsMock.mockResolvedValue({
            ...definitions(),
            stages: definitions().stages.map((stage) => ({ ...stage, adminDetails: null }))
        });
        const element = await createDefinitions();

        expect(element.shadowRoot!.querySelector('[data-id="admin-details"]')).toBeNull();
    });

    it('shows the owner and review dates, without a banner before the review is due', async () => {
        const element = await createDefinitions();

        expect(text(element, 'owner')).toBe('Head of Revenue Operations');
        expect(text(element, 'last-reviewed')).toBe('5 Jan 2026');
        expect(text(element, 'cadence')).toBe('Every 90 days');
        expect(text(element, 'next-review')).toBe('Next review due 5 Apr 2026 (in 34 days)');
        expect(root(element).querySelector('[data-id="overdue"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('warns when the review is overdue, naming the owner and the days', async () => {
        getDefinitionsMock.mockResolvedValue(definitions({ today: '2026-04-15' }));
        const element = await createDefinitions();

        expect(text(element, 'overdue')).toBe(
            'Review overdue by 10 days: Head of Revenue Operations should review these definitions with sales and ' +
                'marketing, then record the date in Definitions Review.'
        );
        expect(text(element, 'next-review')).toBe('Review overdue by 10 days (was due 5 Apr 2026)');
        await expect(element).toBeAccessible();
    });

    it('warns when the definitions were never reviewed and have no owner', async () => {
        getDefinitionsMock.mockResolvedValue(definitions({ owner: null, lastReviewed: null, nextReviewDue: null }));
        const element = await createDefinitions();

        expect(text(element, 'overdue')).toContain(
            'These definitions have never been reviewed. Ask the definitions owner to review them'
        );
        expect(text(element, 'owner')).toBe('No owner set');
        expect(text(element, 'last-reviewed')).toBe('Never');
    });

    it('copies the definitions block to the clipboard and confirms', async () => {
        const element = await createDefinitions({ recordId: '00Q000000000001AAA' });
        const shown = toasts(element);

        button(element, 'Copy definitions')?.click();
        await flush();

        expect(writeText).toHaveBeenCalledWith(definitionsText(DEFINITIONS));
        expect(writeText.mock.calls[0][0]).toContain('## Lead\n\n- Meaning: A known person not yet qualified.');
        expect(shown()).toEqual([expect.objectContaining({ title: 'Definitions copied', variant: 'success' })]);
        expect(root(element).querySelector('[data-id="manual-copy"]')).toBeNull();
    });

    it('falls back to copying through a hidden text area when the clipboard API refuses', async () => {
        writeText.mockRejectedValue(new Error('Document is not focused.'));
        execCommand.mockReturnValue(true);
        const element = await createDefinitions();
        const shown = toasts(element);

        button(element, 'Copy definitions')?.click();
        await flush();

        expect(execCommand).toHaveBeenCalledWith('copy');
        expect(document.body.querySelector('textarea')).toBeNull();
        expect(shown()).toEqual([expect.objectContaining({ variant: 'success' })]);
    });

    it('falls back when the browser has no clipboard API', async () => {
        setClipboard(undefined);
        execCommand.mockReturnValue(true);
        const element = await createDefinitions();

        button(element, 'Copy definitions')?.click();
        await flush();

        expect(execCommand).toHaveBeenCalledWith('copy');
    });

    it('shows the text to copy by hand when the browser blocks every way to copy', async () => {
        setClipboard(undefined);
        execCommand.mockImplementation(() => {
            throw new Error('not supported');
        });
        const element = await createDefinitions();
        const shown = toasts(element);

        button(element, 'Copy definitions')?.click();
        await flush();

        expect(shown()).toEqual([expect.objectContaining({ title: 'Could not copy', variant: 'warning' })]);
        const manual = root(element).querySelector('[data-id="manual-copy"]') as HTMLElement;
        expect(manual.textContent).toBe(definitionsText(DEFINITIONS));
        await expect(element).toBeAccessible();

        execCommand.mockReturnValue(true);
        button(element, 'Copy definitions')?.click();
        await flush();
        expect(root(element).querySelector('[data-id="manual-copy"]')).toBeNull();
    });

    it('says what is missing for a stage defined only in part', async () => {
        const data = definitions();
        data.stages = [
            {
                stage: 'SQL',
                order: 4,
                meaning: null,
                ownerTeam: '',
                entryRule: null,
                exitPaths: null,
                sla: null,
                adminDetails: null
            }
        ];
        getDefinitionsMock.mockResolvedValue(data);
        const element = await createDefinitions();

        expect(stageRows(element)).toEqual([
            ['SQL', 'Not defined yet', 'Not defined yet', 'Not defined yet', 'Not defined yet', 'No SLA']
        ]);
    });

    it('says what to do when no stage is defined, with nothing to copy', async () => {
        getDefinitionsMock.mockResolvedValue(definitions({ stages: [] }));
        const element = await createDefinitions();

        expect(text(element, 'empty')).toContain(
            'No stage definitions yet. Ask your admin to add one Stage Definition'
        );
        expect(button(element, 'Copy definitions')).toBeUndefined();
        await expect(element).toBeAccessible();
    });

    it('shows a spinner while loading', async () => {
        getDefinitionsMock.mockReturnValue(new Promise<Definitions>(() => undefined));
        const element = await createDefinitions();

        expect(find(element, 'lightning-spinner')).not.toBeNull();
        expect(root(element).querySelector('table')).toBeNull();
    });

    it('explains a load error and loads again on Try again', async () => {
        getDefinitionsMock.mockRejectedValueOnce({ body: { message: 'No access to Stage_Definition__mdt.' } });
        const element = await createDefinitions();

        const alert = find(element, '[role="alert"]') as HTMLElement;
        expect(alert.textContent).toContain(
            'Could not load the stage definitions: No access to Stage_Definition__mdt.'
        );
        expect(button(element, 'Copy definitions')).toBeUndefined();
        await expect(element).toBeAccessible();

        button(element, 'Try again')?.click();
        await flush();
        expect(find(element, '[role="alert"]')).toBeNull();
        expect(stageRows(element)).toHaveLength(3);
    });
});
