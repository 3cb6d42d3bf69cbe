// QueueHealthController: manager views over a period (queue SLA board, funnel, reason Pareto). Their results are
// declared in QueueHealthDto.d.ts.

declare module '@salesforce/apex/QueueHealthController.getQueueHealth' {
    const getQueueHealth: ApexMethod<{ periodDays: number }, QueueHealthDto.QueueHealth>;
    export default getQueueHealth;
}

declare module '@salesforce/apex/QueueHealthController.getFunnel' {
    const getFunnel: ApexMethod<{ periodDays: number; groupBy: string }, QueueHealthDto.Funnel>;
    export default getFunnel;
}

declare module '@salesforce/apex/QueueHealthController.getReasonPareto' {
    const getReasonPareto: ApexMethod<{ periodDays: number; kind: string }, QueueHealthDto.ReasonPareto>;
    export default getReasonPareto;
}

declare module '@salesforce/apex/QueueHealthController.getSpeedToLead' {
    const getSpeedToLead: ApexMethod<{ periodDays: number; groupBy: string }, SpeedToLeadDto.SpeedToLead>;
    export default getSpeedToLead;
}

declare module '@salesforce/apex/QueueHealthController.getFirstTouchBoard' {
    const getFirstTouchBoard: ApexMethod<{ periodDays: number }, FirstTouchBoardDto.Board>;
    export default getFirstTouchBoard;
}
