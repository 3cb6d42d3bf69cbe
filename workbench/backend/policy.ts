// Typed views of the Lead Handoff policy records, with the same reading rules as the Apex HandoffPolicy: list types
// come only from the records (active reasons, sorted), singletons fall back to the same small fail-safe values.
import type { FieldValue, MetadataRecord } from './metadata.ts';

export const KIND_REJECT = 'Reject';
export const KIND_RECYCLE = 'Recycle';
const FALLBACK_TRIGGER = 'Other';
const SDR_BUSINESS_HOURS = 'Lead Handoff SDR Hours';

export interface Qualification {
    fitThreshold: number;
    intentThreshold: number;
    handRaiseTriggers: string[];
}

export interface Routing {
    sdrQueue: string;
    salesReviewQueue: string;
    nurtureQueue: string;
    escalationQueue: string;
    breachNotificationGroup: string;
    escalateOnBreach: boolean;
}

export interface ResponseSla {
    intentTrigger: string;
    minutes: number;
    businessHoursName: string;
}

export interface DispositionReason {
    code: string;
    label: string;
    kind: string | null;
    noteRequired: boolean;
    recycleDays: number | null;
    sortOrder: number | null;
    active: boolean;
}

export interface SqlCriterion {
    name: string;
    label: string;
    checklistField: string | null;
    required: boolean;
    sortOrder: number | null;
    helpText: string | null;
}

export interface StageDefinition {
    stage: string;
    order: number | null;
    meaning: string | null;
    ownerTeam: string | null;
    entryRule: string | null;
    exitPaths: string | null;
    sla: string | null;
}

export interface DefinitionsReview {
    owner: string | null;
    lastReviewed: string | null;
    cadenceDays: number;
}

export interface FunnelBenchmark {
    name: string;
    label: string;
    fromStage: string | null;
    toStage: string | null;
    lowPercent: number | null;
    highPercent: number | null;
    sortOrder: number | null;
    diagnosisBelow: string | null;
    diagnosisAbove: string | null;
}

const str = (value: FieldValue | undefined): string | null =>
    value === null || value === undefined || String(value).trim() === '' ? null : String(value);
const num = (value: FieldValue | undefined): number | null =>
    typeof value === 'number' ? value : value === null || value === undefined || value === '' ? null : Number(value);
const truncate = (value: number | null): number | null => (value === null ? null : Math.trunc(value));

function bySortThen<T>(sortKey: (item: T) => number | null, tieBreak: (item: T) => string) {
    return (left: T, right: T) =>
        (sortKey(left) ?? 0) - (sortKey(right) ?? 0) || (tieBreak(left) < tieBreak(right) ? -1 : 1);
}

export class Policy {
    readonly qualification: Qualification;
    readonly routing: Routing;
    readonly dispositionReasons: DispositionReason[];
    readonly sqlCriteria: SqlCriterion[];
    readonly stageDefinitions: StageDefinition[];
    readonly definitionsReview: DefinitionsReview;
    readonly funnelBenchmarks: FunnelBenchmark[];
    private readonly responseSlasByTrigger = new Map<string, ResponseSla>();

    constructor(records: MetadataRecord[]) {
        const ofType = (type: string) => records.filter((record) => record.type === type);
        const single = (type: string, developerName: string) =>
            ofType(type).find((record) => record.developerName === developerName)?.values;

        const qualification = single('Qualification_Policy', 'Default');
        this.qualification = {
            fitThreshold: truncate(num(qualification?.Fit_Threshold__c)) ?? 60,
            intentThreshold: truncate(num(qualification?.Intent_Threshold__c)) ?? 50,
            handRaiseTriggers: (qualification
                ? (str(qualification.Hand_Raise_Triggers__c) ?? '')
                : 'Demo_Request;Pricing_Inquiry;Contact_Sales'
            )
                .split(';')
                .map((value) => value.trim())
                .filter(Boolean)
        };

        const routing = single('Routing_Policy', 'Default') ?? {};
        this.routing = {
            sdrQueue: str(routing.SDR_Queue__c) ?? 'Lead_Handoff_SDR_Inbound',
            salesReviewQueue: str(routing.Sales_Review_Queue__c) ?? 'Lead_Handoff_Sales_Review',
            nurtureQueue: str(routing.Nurture_Queue__c) ?? 'Lead_Handoff_Nurture',
            escalationQueue: str(routing.Escalation_Queue__c) ?? 'Lead_Handoff_Escalations',
            breachNotificationGroup: str(routing.Breach_Notification_Group__c) ?? 'Lead_Handoff_Managers',
            escalateOnBreach:
                routing.Escalate_On_Breach__c === undefined ? true : routing.Escalate_On_Breach__c === true
        };

        const slaRecords = ofType('Response_SLA');
        const otherMinutes =
            num(slaRecords.find((record) => record.values.Intent_Trigger__c === FALLBACK_TRIGGER)?.values.Minutes__c) ??
            480;
        for (const record of slaRecords) {
            const intentTrigger = str(record.values.Intent_Trigger__c);
            if (!intentTrigger) continue;
            this.responseSlasByTrigger.set(intentTrigger, {
                intentTrigger,
                minutes: Math.trunc(num(record.values.Minutes__c) ?? otherMinutes),
                businessHoursName: str(record.values.Business_Hours__c) ?? SDR_BUSINESS_HOURS
            });
        }

        this.dispositionReasons = ofType('Disposition_Reason')
            .map((record) => ({
                code: record.developerName,
                label: record.label,
                kind: str(record.values.Kind__c),
                noteRequired: record.values.Note_Required__c === true,
                recycleDays: truncate(num(record.values.Recycle_Days__c)),
                sortOrder: truncate(num(record.values.Sort_Order__c)),
                active: record.values.Active__c === true
            }))
            .filter((reason) => reason.active)
            .sort(
                bySortThen(
                    (reason) => reason.sortOrder,
                    (reason) => reason.label
                )
            );

        this.sqlCriteria = ofType('SQL_Criterion')
            .map((record) => ({
                name: record.developerName,
                label: record.label,
                checklistField: str(record.values.Checklist_Field__c),
                required: record.values.Required__c === true,
                sortOrder: truncate(num(record.values.Sort_Order__c)),
                helpText: str(record.values.Help_Text__c)
            }))
            .sort(
                bySortThen(
                    (criterion) => criterion.sortOrder,
                    (criterion) => criterion.label
                )
            );

        this.stageDefinitions = ofType('Stage_Definition')
            .map((record) => ({
                stage: str(record.values.Stage__c) ?? record.developerName,
                order: truncate(num(record.values.Order__c)),
                meaning: str(record.values.Meaning__c),
                ownerTeam: str(record.values.Owner_Team__c),
                entryRule: str(record.values.Entry_Rule__c),
                exitPaths: str(record.values.Exit_Paths__c),
                sla: str(record.values.SLA__c)
            }))
            .sort(
                bySortThen(
                    (definition) => definition.order,
                    (definition) => definition.stage
                )
            );

        const review = single('Definitions_Review', 'Lead_Handoff');
        this.definitionsReview = {
            owner: str(review?.Owner__c),
            lastReviewed: str(review?.Last_Reviewed__c),
            cadenceDays: truncate(num(review?.Cadence_Days__c)) ?? 90
        };

        this.funnelBenchmarks = ofType('Funnel_Benchmark')
            .map((record) => ({
                name: record.developerName,
                label: record.label,
                fromStage: str(record.values.From_Stage__c),
                toStage: str(record.values.To_Stage__c),
                lowPercent: num(record.values.Low_Percent__c),
                highPercent: num(record.values.High_Percent__c),
                sortOrder: truncate(num(record.values.Sort_Order__c)),
                diagnosisBelow: str(record.values.Diagnosis_Below__c),
                diagnosisAbove: str(record.values.Diagnosis_Above__c)
            }))
            .sort(
                bySortThen(
                    (benchmark) => benchmark.sortOrder,
                    (benchmark) => benchmark.name
                )
            );
    }

    /** The SLA of a trigger; a blank or unknown trigger uses `Other`, then the fail-safe 480 minutes. */
    responseSla(intentTrigger: string | null | undefined): ResponseSla {
        return (
            (intentTrigger ? this.responseSlasByTrigger.get(intentTrigger) : undefined) ??
            this.responseSlasByTrigger.get(FALLBACK_TRIGGER) ?? {
                intentTrigger: FALLBACK_TRIGGER,
                minutes: 480,
                businessHoursName: SDR_BUSINESS_HOURS
            }
        );
    }

    dispositionReason(code: string | null | undefined): DispositionReason | null {
        return code ? (this.dispositionReasons.find((reason) => reason.code === code) ?? null) : null;
    }

    isHighIntent(intentScore: number | null, intentTrigger: string | null): boolean {
        return (
            (intentScore ?? 0) >= this.qualification.intentThreshold ||
            (!!intentTrigger && this.qualification.handRaiseTriggers.includes(intentTrigger))
        );
    }

    /** The fit × intent quadrant (docs/data-model.md, Segment). */
    segmentOf(fitScore: number | null, intentScore: number | null, intentTrigger: string | null): string {
        const highFit = (fitScore ?? 0) >= this.qualification.fitThreshold;
        if (this.isHighIntent(intentScore, intentTrigger)) return highFit ? 'MQL' : 'Sales_Review';
        return highFit ? 'Nurture' : 'Ignore';
    }

    /** Band of a measured rate (bounds inclusive), as Apex FunnelBenchmark.assess. */
    static assess(benchmark: FunnelBenchmark, percent: number | null): 'Below' | 'Within' | 'Above' | null {
        if (percent === null) return null;
        if (benchmark.lowPercent !== null && percent < benchmark.lowPercent) return 'Below';
        if (benchmark.highPercent !== null && percent > benchmark.highPercent) return 'Above';
        return 'Within';
    }
}
