import { describe, expect, it } from '@jest/globals';
import {
    historyActionLabel,
    intentTriggerLabel,
    scoreLabel,
    segmentBadgeClass,
    segmentLabel,
    stageLabel
} from 'c/leadLabels';

describe('lead labels', () => {
    it('labels segments as the Segment__c picklist does', () => {
        expect(segmentLabel('Sales_Review')).toBe('Low fit \u00b7 high intent');
        // Segment is fit × intent: it never reads as a stage.
        expect(segmentLabel('MQL')).toBe('High fit \u00b7 high intent');
        expect(segmentLabel('Nurture')).toBe('High fit \u00b7 low intent');
        expect(segmentLabel('Ignore')).toBe('Low fit \u00b7 low intent');
        expect(segmentLabel('Unknown_Segment')).toBe('Unknown_Segment');
        expect(segmentLabel(null)).toBe('—');
    });

    it('styles a high-fit MQL as success and a low-fit hand-raiser as a warning', () => {
        expect(segmentBadgeClass('MQL')).toBe('slds-theme_success');
        expect(segmentBadgeClass('Sales_Review')).toBe('slds-theme_warning');
        expect(segmentBadgeClass('Nurture')).toBe('slds-badge_lightest');
        expect(segmentBadgeClass(undefined)).toBe('slds-badge_lightest');
    });

    it('labels intent triggers, and makes an unknown one readable', () => {
        expect(intentTriggerLabel('Demo_Request')).toBe('Demo request');
        expect(intentTriggerLabel('Repeat_Visits')).toBe('Repeat visits');
        expect(intentTriggerLabel('Trade_Show_Scan')).toBe('Trade Show Scan');
        expect(intentTriggerLabel('')).toBe('—');
    });

    it('labels stages through the stage model', () => {
        expect(stageLabel('SAL')).toBe('SAL');
        expect(stageLabel('Closed')).toBe('Closed');
        expect(stageLabel(null)).toBe('—');
    });

    it('puts history actions in the past tense', () => {
        expect(historyActionLabel('Accept')).toBe('Accepted');
        expect(historyActionLabel('Override')).toBe('Moved by override');
        expect(historyActionLabel('Merge')).toBe('Merge');
        expect(historyActionLabel(null)).toBe('—');
    });

    it('shows scores or a dash', () => {
        expect(scoreLabel(0)).toBe('0');
        expect(scoreLabel(87)).toBe('87');
        expect(scoreLabel(null)).toBe('—');
        expect(scoreLabel(undefined)).toBe('—');
    });
});
