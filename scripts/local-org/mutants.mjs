// Planted mutants of the product (not of local-org): each is one small, realistic change to the Apex, a flow or a
// validation rule that a reviewer could miss. The Apex tests that local-org runs must catch every one of them
// (scripts/local-org/mutants.test.mjs). `from` must occur exactly once in `file`, so a mutant that no longer
// applies fails loudly instead of testing nothing; `tests` are the test classes expected to notice.
const FLOWS = 'force-app/main/lead-lifecycle/flows';
const RULES = 'force-app/main/lead-lifecycle/objects/Lead/validationRules';
const SDR_CLASSES = 'force-app/main/sdr-inbox/classes';

export const MUTANTS = [
    {
        id: 'qualify-fit-threshold-exclusive',
        what: 'the Qualify flow promotes only above the fit threshold, not at it',
        file: `${FLOWS}/Lead_Handoff_Qualify.flow-meta.xml`,
        from: 'BLANKVALUE({!$Record.Fit_Score__c}, 0) &gt;= ',
        to: 'BLANKVALUE({!$Record.Fit_Score__c}, 0) &gt; ',
        tests: ['LeadLifecycleFlowTest']
    },
    {
        id: 'hand-raise-needs-intent-score',
        what: 'a hand-raise trigger no longer qualifies on its own: it also needs the intent score',
        file: `${FLOWS}/Lead_Handoff_Qualify.flow-meta.xml`,
        from: '&gt;= {!Get_Qualification_Policy.Intent_Threshold__c} || (NOT(',
        to: '&gt;= {!Get_Qualification_Policy.Intent_Threshold__c} &amp;&amp; (NOT(',
        tests: ['LeadLifecycleFlowTest']
    },
    {
        id: 'blank-fit-counts-as-high',
        what: 'the Qualify flow counts a lead without a fit score as high fit',
        file: `${FLOWS}/Lead_Handoff_Qualify.flow-meta.xml`,
        from: 'BLANKVALUE({!$Record.Fit_Score__c}, 0)',
        to: 'BLANKVALUE({!$Record.Fit_Score__c}, 100)',
        tests: ['LeadSegmentFlowTest']
    },
    {
        id: 'reject-reason-rule-inactive',
        what: 'the validation rule that makes a reject reason required is switched off',
        file: `${RULES}/Reject_Needs_Reason.validationRule-meta.xml`,
        from: '<active>true</active>',
        to: '<active>false</active>',
        tests: ['LeadStageRulesTest']
    },
    {
        id: 'recycle-until-rule-inactive',
        what: 'the validation rule that makes a recycle date required is switched off',
        file: `${RULES}/Recycle_Needs_Recycle_Until.validationRule-meta.xml`,
        from: '<active>true</active>',
        to: '<active>false</active>',
        tests: ['LeadStageRulesTest']
    },
    {
        id: 'stage-event-from-is-current-stage',
        what: 'the stage history records the new stage as the From stage',
        file: `${FLOWS}/Lead_Handoff_Stage_Event.flow-meta.xml`,
        from: "IF(ISNEW(), '', TEXT({!$Record__Prior.Lifecycle_Stage__c}))",
        to: "IF(ISNEW(), '', TEXT({!$Record.Lifecycle_Stage__c}))",
        tests: ['LeadConversionFlowTest', 'LeadConversionServiceTest']
    },
    {
        id: 'sla-in-calendar-minutes',
        what: 'the accept-by deadline counts calendar minutes instead of business hours',
        file: 'force-app/main/lead-lifecycle/classes/BusinessHoursClock.cls',
        from: 'return BusinessHours.add(businessHoursId(name), startAt, interval);',
        to: 'return startAt.addMinutes(minutes);',
        tests: ['BusinessHoursClockTest', 'LeadAcceptByActionTest']
    },
    {
        id: 'accept-ignores-already-decided',
        what: 'a lead another SDR already decided is reported as a stage change, not as already decided',
        file: `${SDR_CLASSES}/LeadTransitionGuard.cls`,
        from: 'if (LeadStages.rank(stage) > LeadStages.rank(ref.seenStage)) {',
        to: 'if (false) {',
        tests: ['LeadDecisionServiceTest']
    },
    {
        id: 'recycle-date-in-the-past-accepted',
        what: 'the service accepts a recycle-until date that is not after today',
        file: `${SDR_CLASSES}/LeadDecisionService.cls`,
        from: 'if (recycleUntil == null || recycleUntil <= today) {',
        to: 'if (recycleUntil == null) {',
        tests: ['LeadDecisionServiceTest']
    },
    {
        id: 'decide-without-edit-access',
        what: 'deciding no longer checks that the user may edit the stage fields',
        file: `${SDR_CLASSES}/LeadDecisionService.cls`,
        from: 'if (!LeadTransitionGuard.mayEdit(editedFields(request.action))) {',
        to: 'if (false) {',
        tests: ['LeadDecisionServiceTest', 'LeadInboxControllerTest']
    },
    {
        id: 'sql-checklist-not-enforced',
        what: 'qualifying no longer requires the required checklist items',
        file: `${SDR_CLASSES}/LeadQualificationService.cls`,
        from: 'if (criterion.required && !checked.contains(criterion.checklistField)) {',
        to: 'if (false) {',
        tests: ['LeadQualificationServiceTest', 'LeadStagePanelControllerTest']
    },
    {
        id: 'convert-accepts-zero-amount',
        what: 'conversion accepts an amount of zero',
        file: `${SDR_CLASSES}/LeadConversionService.cls`,
        from: 'if (request.amount == null || request.amount <= 0) {',
        to: 'if (request.amount == null) {',
        tests: ['LeadConversionServiceTest']
    },
    {
        id: 'sales-review-permission-ignored',
        what: 'every SDR may work the Sales review queue, without the custom permission',
        file: 'force-app/main/shared/classes/LeadQueueAccess.cls',
        from: 'mayWorkSalesReview = FeatureManagement.checkPermission(SALES_REVIEW_PERMISSION);',
        to: 'mayWorkSalesReview = true;',
        tests: ['LeadDecisionServiceTest', 'LeadInboxControllerTest']
    },
    {
        id: 'percentile-rank-off-by-one',
        what: 'the median and P90 interpolate from the wrong rank',
        file: 'force-app/main/manager-insights/classes/HandoffMetrics.cls',
        from: 'Decimal rank = (percent * (sorted.size() - 1))',
        to: 'Decimal rank = (percent * sorted.size())',
        tests: ['HandoffMetricsTest']
    }
];
