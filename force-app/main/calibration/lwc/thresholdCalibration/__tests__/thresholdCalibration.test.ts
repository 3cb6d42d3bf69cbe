import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import ThresholdCalibration, { rateText, thresholdOf, wholePercent } from 'c/thresholdCalibration';
import getCalibration from '@salesforce/apex/CalibrationController.getCalibration';
import { flush, mount, removeAll } from 'test/lwcTest';

jest.mock('@salesforce/apex/CalibrationController.getCalibration', () => ({ default: jest.fn() }), { virtual: true });

type Calibration = CalibrationDto.Calibration;

const WHAT_IF = jest.requireActual<Calibration>('./data/CalibrationController.getCalibration.json');
const getCalibrationMock = jest.mocked(getCalibration);

function calibration(overrides: Partial<Calibration> = {}): Calibration {
    return JSON.parse(JSON.stringify({ ...WHAT_IF, ...overrides })) as Calibration;
}

/** Today's thresholds only: what the view loads first. */
const TODAY_ONLY = calibration({
    proposedFit: 60,
    proposedIntent: 50,
    verdict: null,
    sampleNote:
        "Propose other thresholds to see what they would have changed. 21 MQLs meet today's thresholds in this period.",
    recordFile: null,
    recordFileName: null
});

const create = (props: Record<string, unknown> = {}) => mount('c-threshold-calibration', ThresholdCalibration, props);
const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const byId = (element: HTMLElement, id: string) => root(element).querySelector<HTMLElement>(`[data-id="${id}"]`);
const rowCells = (element: HTMLElement, key: string) =>
    Array.from(root(element).querySelectorAll(`tr[data-row="${key}"] > *`)).map((cell) => cell.textContent?.trim());
const input = (element: HTMLElement, name: string) =>
    root(element).querySelector(`lightning-input[data-id="${name}"]`) as HTMLInputElement;

function type(element: HTMLElement, name: string, value: string) {
    const field = input(element, name);
    field.value = value;
    field.dispatchEvent(new CustomEvent('change'));
}

describe('rateText and thresholdOf', () => {
    it('rounds from the counts, as the verdict does, not from the one-decimal rate', () => {
        expect(wholePercent(5, 11)).toBe(45);
        expect(wholePercent(1, 0)).toBeNull();
    });
});

describe('rateText and thresholdOf, with samples', () => {
    it('states each rate with the leads it rests on, and a dash without leads', () => {
        expect(rateText(5, 12)).toBe('42 % of 12');
        expect(rateText(5, 11)).toBe('45 % of 11');
        expect(rateText(0, 0)).toBe('–');
    });

    it('reads a threshold as a whole score from 0 to 100', () => {
        expect(thresholdOf('70')).toBe(70);
        expect(thresholdOf(' 0 ')).toBe(0);
        expect(thresholdOf('101')).toBeNull();
        expect(thresholdOf('6.5')).toBeNull();
        expect(thresholdOf('')).toBeNull();
    });
});

describe('c-threshold-calibration', () => {
    beforeEach(() => {
        getCalibrationMock.mockResolvedValueOnce(TODAY_ONLY).mockResolvedValue(calibration());
    });

    afterEach(() => {
        removeAll();
        jest.clearAllMocks();
    });

    it("loads today's thresholds over 30 days and says a proposal is needed for a what-if", async () => {
        const element = await create();

        expect(getCalibrationMock).toHaveBeenCalledWith({ periodDays: 30, proposedFit: null, proposedIntent: null });
        expect(byId(element, 'sample-note')?.textContent).toContain('21 MQLs meet today');
        expect(byId(element, 'verdict')).toBeNull();
        expect(byId(element, 'record-file-section')).toBeNull();
        expect(input(element, 'proposedFit').value).toBe(60);
    });

    it('shows the what-if verdict, every rate with its sample, and the record file to deploy', async () => {
        const element = await create();
        type(element, 'proposedFit', '70');
        byId(element, 'show-what-if')?.click();
        await flush();

        expect(getCalibrationMock).toHaveBeenLastCalledWith({ periodDays: 30, proposedFit: 70, proposedIntent: 50 });
        expect(byId(element, 'verdict')?.textContent).toBe(WHAT_IF.verdict);
        expect(rowCells(element, 'today')).toEqual([
            'Today: fit ≥ 60, intent ≥ 50',
            '21',
            '57 % of 21',
            '42 % of 12',
            '0 % of 5'
        ]);
        expect(rowCells(element, 'proposed')).toEqual([
            'Proposed: fit ≥ 70, intent ≥ 50',
            '14',
            '79 % of 14',
            '45 % of 11',
            '0 % of 5'
        ]);
        expect(rowCells(element, 'removed')).toEqual(['Removed by the proposal', '7', '14 % of 7', '0 % of 1', '–']);
        const file = byId(element, 'record-file') as HTMLTextAreaElement;
        expect(file.value).toContain('<field>Fit_Threshold__c</field>');
        const download = byId(element, 'download') as HTMLAnchorElement;
        expect(download.getAttribute('download')).toBe('Qualification_Policy.Default.md-meta.xml');
        expect(download.href).toContain(encodeURIComponent('<field>Fit_Threshold__c</field>'));
        expect(byId(element, 'record-file-section')?.textContent).toContain('an admin deploys this record file');
        await expect(element).toBeAccessible();
    });

    it('lays out the fit × intent grid and the exit reasons', async () => {
        const element = await create();

        const cell = root(element).querySelector('[data-cell="cell-80-40"]');
        expect(cell?.textContent).toBe('13 MQLs · 77 % to SAL · 40 % to SQL');
        expect(root(element).querySelector('[data-cell="cell-0-0"]')?.textContent).toBe('–');
        const headers = Array.from(root(element).querySelectorAll('[data-id="grid"] thead th')).map(
            (th) => th.textContent
        );
        expect(headers).toEqual(['Fit \\ intent', '0–19', '20–39', '40–59', '60–79', '80–100']);
        const reasons = Array.from(root(element).querySelectorAll('tr[data-reason]')).map((tr) =>
            Array.from(tr.children).map((child) => child.textContent)
        );
        expect(reasons).toEqual([
            ['Not our ICP', 'Reject', '4', '4'],
            ['No need', 'Reject', '2', '1']
        ]);
    });

    it('keeps the what-if button off until both thresholds are whole scores', async () => {
        const element = await create();
        const button = byId(element, 'show-what-if') as HTMLButtonElement;
        type(element, 'proposedIntent', '150');
        await flush();
        expect(button.disabled).toBe(true);
        type(element, 'proposedIntent', '55');
        await flush();
        expect(button.disabled).toBe(false);
    });

    it('switches to 90 days with the same proposal', async () => {
        const element = await create();
        const ninety = root(element).querySelector('lightning-button[data-days="90"]') as HTMLElement;
        ninety.click();
        await flush();
        expect(getCalibrationMock).toHaveBeenLastCalledWith({ periodDays: 90, proposedFit: 60, proposedIntent: 50 });
        expect(ninety.getAttribute('aria-pressed')).toBe('true');
    });

    it('states the sample when it is too small for a verdict', async () => {
        getCalibrationMock.mockReset();
        getCalibrationMock.mockResolvedValue(
            calibration({
                verdict: null,
                enoughData: false,
                sampleNote: 'No verdict: 21 MQLs and 12 SALs …',
                reasons: []
            })
        );
        const element = await create();
        expect(byId(element, 'verdict')).toBeNull();
        expect(byId(element, 'sample-note')?.textContent).toContain('No verdict: 21 MQLs');
        expect(byId(element, 'no-exits')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says why it could not load', async () => {
        getCalibrationMock.mockReset();
        getCalibrationMock.mockRejectedValue({ body: { message: 'The threshold calibration is for managers.' } });
        const element = await create();
        expect(byId(element, 'error')?.textContent).toBe(
            'Could not load the calibration: The threshold calibration is for managers.'
        );
        await expect(element).toBeAccessible();
    });
});
