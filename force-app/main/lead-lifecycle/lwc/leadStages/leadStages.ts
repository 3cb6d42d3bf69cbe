// The lead lifecycle stage model of docs/data-model.md, shared by every Lead Handoff component.
// The twin of the Apex table LeadStages.cls, which the From_<Stage> validation rules enforce: the stage-model check of
// npm test proves the three equal (config/stage-model.json), so change them together.
import STAGE_LEAD from '@salesforce/label/c.LeadHandoff_LeadLifecycle_StageLead';
import STAGE_MQL from '@salesforce/label/c.LeadHandoff_LeadLifecycle_StageMql';
import STAGE_SAL from '@salesforce/label/c.LeadHandoff_LeadLifecycle_StageSal';
import STAGE_SQL from '@salesforce/label/c.LeadHandoff_LeadLifecycle_StageSql';
import STAGE_OPPORTUNITY from '@salesforce/label/c.LeadHandoff_LeadLifecycle_StageOpportunity';
import STAGE_REJECTED from '@salesforce/label/c.LeadHandoff_LeadLifecycle_StageRejected';
import STAGE_RECYCLED from '@salesforce/label/c.LeadHandoff_LeadLifecycle_StageRecycled';

export const LEAD = 'Lead';
export const MQL = 'MQL';
export const SAL = 'SAL';
export const SQL = 'SQL';
export const OPPORTUNITY = 'Opportunity';
export const REJECTED = 'Rejected';
export const RECYCLED = 'Recycled';

export const MAIN_PATH = [LEAD, MQL, SAL, SQL, OPPORTUNITY] as const;
export const EXIT_STAGES = [REJECTED, RECYCLED] as const;

export type MainPathStage = (typeof MAIN_PATH)[number];
export type ExitStage = (typeof EXIT_STAGES)[number];
/** A value of the global value set Lead_Lifecycle_Stage. */
export type LifecycleStage = MainPathStage | ExitStage;
/** A value of Lead_Stage_Event__c.Action__c. */
export type StageAction = 'Promote' | 'Accept' | 'Reject' | 'Recycle' | 'Qualify' | 'Convert' | 'Override';
export type PathStepState = 'complete' | 'current' | 'upcoming' | 'exit';

export interface PathStep {
    stage: LifecycleStage;
    label: string;
    state: PathStepState;
}

/** Every stage in picklist order: the main path, then the exits. */
export const STAGES: readonly LifecycleStage[] = [...MAIN_PATH, ...EXIT_STAGES];

/** How each stage reads on screen (Custom Labels; in English they equal the picklist's values). */
export const STAGE_LABELS: Readonly<Record<LifecycleStage, string>> = {
    Lead: STAGE_LEAD,
    MQL: STAGE_MQL,
    SAL: STAGE_SAL,
    SQL: STAGE_SQL,
    Opportunity: STAGE_OPPORTUNITY,
    Rejected: STAGE_REJECTED,
    Recycled: STAGE_RECYCLED
};

const ALLOWED_TRANSITIONS: Readonly<Record<LifecycleStage, readonly LifecycleStage[]>> = {
    Lead: ['MQL'],
    MQL: ['SAL', 'Rejected', 'Recycled'],
    SAL: ['SQL', 'Rejected', 'Recycled'],
    SQL: ['Opportunity', 'Recycled'],
    Opportunity: [],
    Rejected: [],
    Recycled: ['MQL']
};

const FORWARD_ACTIONS: Readonly<Partial<Record<LifecycleStage, StageAction>>> = {
    MQL: 'Promote',
    SAL: 'Accept',
    SQL: 'Qualify',
    Opportunity: 'Convert'
};

export function isLifecycleStage(value: unknown): value is LifecycleStage {
    return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function isExitStage(stage: LifecycleStage): stage is ExitStage {
    return (EXIT_STAGES as readonly string[]).includes(stage);
}

/** Stages a lead may move to from `from` without the Lead_Handoff_Bypass_Validation permission. */
export function allowedTransitions(from: LifecycleStage): readonly LifecycleStage[] {
    return ALLOWED_TRANSITIONS[from];
}

export function isTransitionAllowed(from: LifecycleStage, to: LifecycleStage): boolean {
    return ALLOWED_TRANSITIONS[from].includes(to);
}

/**
 * The Action__c recorded for a stage change: the allowed move's own action, or Override for a move only the
 * bypass permission permits. Null when the stage does not change.
 */
export function actionFor(from: LifecycleStage, to: LifecycleStage): StageAction | null {
    if (from === to) return null;
    if (!isTransitionAllowed(from, to)) return 'Override';
    if (to === 'Rejected') return 'Reject';
    if (to === 'Recycled') return 'Recycle';
    return FORWARD_ACTIONS[to] ?? 'Override';
}

/**
 * The main path as steps for a path display. On the main path, steps before `current` are complete and later
 * ones upcoming. On an exit, the main path is complete up to `exitedFrom` (the stage the lead left, MQL when
 * unknown) and the exit follows as the last step.
 */
export function pathSteps(current: LifecycleStage, exitedFrom: MainPathStage = 'MQL'): PathStep[] {
    const reached = MAIN_PATH.indexOf(isExitStage(current) ? exitedFrom : current);
    const steps: PathStep[] = MAIN_PATH.map((stage, index) => ({
        stage,
        label: STAGE_LABELS[stage],
        state: index < reached ? 'complete' : index === reached ? 'current' : 'upcoming'
    }));
    if (isExitStage(current)) {
        steps[reached].state = 'complete';
        steps.push({ stage: current, label: STAGE_LABELS[current], state: 'exit' });
    }
    return steps;
}
