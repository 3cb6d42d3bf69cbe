// Platform modules that @salesforce/lightning-types does not declare (it covers the base components,
// lightning/modal and @salesforce/user/Id). A script file: no top-level import, so every declaration is global.

/** What a @wire bound to an Apex method or a UI API adapter holds. */
interface WireResult<Data> {
    data?: Data;
    error?: unknown;
}

/**
 * An imported `@salesforce/apex/<Class>.<method>`: called imperatively it returns a promise, and it is also a
 * `@wire` adapter. Declare each method in types/apex/<Class>.d.ts (see types/apex/README.md).
 */
type ApexMethod<Params extends Record<string, unknown>, Result> = ((params: Params) => Promise<Result>) & {
    adapter: import('lwc').WireAdapterConstructor<Params, WireResult<Result>>;
};

/** An Apex method without parameters. */
type ApexMethodWithoutParams<Result> = (() => Promise<Result>) & {
    adapter: import('lwc').WireAdapterConstructor<Record<string, never>, WireResult<Result>>;
};

declare module '@salesforce/apex/*' {
    // Fallback only: a method declared in types/apex/ gets its exact parameter and result types.
    const apexMethod: ApexMethod<Record<string, unknown>, unknown>;
    export default apexMethod;
}

declare module '@salesforce/apex' {
    /** Refreshes the value of a @wire bound to an Apex method. */
    export function refreshApex(wiredValue: unknown): Promise<void>;
    export function getSObjectValue(record: Record<string, unknown>, field: FieldId | string): unknown;
}

/** What `import X from '@salesforce/schema/Object.Field'` holds. */
interface FieldId {
    objectApiName: string;
    fieldApiName: string;
}

interface ObjectId {
    objectApiName: string;
}

declare module '@salesforce/schema/*' {
    // Object imports (`@salesforce/schema/Lead`) hold an ObjectId, field imports a FieldId; both share objectApiName.
    const schemaReference: FieldId & ObjectId;
    export default schemaReference;
}

declare module '@salesforce/customPermission/*' {
    const hasPermission: boolean;
    export default hasPermission;
}

declare module '@salesforce/messageChannel/*' {
    const messageChannel: { readonly channel: string };
    export default messageChannel;
}

declare module 'lightning/platformShowToastEvent' {
    export interface ShowToastEventDetail {
        title?: string;
        message: string;
        messageData?: (string | { url: string; label: string })[];
        variant?: 'info' | 'success' | 'warning' | 'error';
        mode?: 'dismissible' | 'pester' | 'sticky';
    }
    export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
        constructor(detail: ShowToastEventDetail);
    }
}

declare module 'lightning/uiRecordApi' {
    import type { WireAdapterConstructor } from 'lwc';

    export interface FieldValue {
        value: unknown;
        displayValue: string | null;
    }
    export interface RecordRepresentation {
        id: string;
        apiName: string;
        fields: Record<string, FieldValue>;
    }
    export interface RecordInput {
        apiName?: string;
        fields: Record<string, unknown>;
    }
    export interface GetRecordConfig {
        recordId: string | undefined;
        fields: readonly (FieldId | string)[];
        optionalFields?: readonly (FieldId | string)[];
    }
    export const getRecord: WireAdapterConstructor<GetRecordConfig, WireResult<RecordRepresentation>>;
    export function getFieldValue(record: RecordRepresentation | undefined, field: FieldId | string): unknown;
    export function getFieldDisplayValue(record: RecordRepresentation | undefined, field: FieldId | string): unknown;
    export function createRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
    export function updateRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
    export function deleteRecord(recordId: string): Promise<void>;
    export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void>;
}

declare module 'lightning/empApi' {
    export interface EmpMessage<Payload = Record<string, unknown>> {
        channel: string;
        data: { event: { replayId: number }; payload: Payload };
    }
    export interface EmpSubscription {
        id?: string;
        channel: string;
        replayId?: number;
    }
    export function subscribe<Payload = Record<string, unknown>>(
        channel: string,
        replayId: number,
        onMessage: (message: EmpMessage<Payload>) => void
    ): Promise<EmpSubscription>;
    export function unsubscribe(subscription: EmpSubscription, callback?: (response: unknown) => void): Promise<void>;
    export function onError(callback: (error: unknown) => void): void;
    export function setDebugFlag(enabled: boolean): Promise<void>;
    export function isEmpEnabled(): Promise<boolean>;
}

declare module 'lightning/navigation' {
    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, unknown>;
    }
    export const CurrentPageReference: import('lwc').WireAdapterConstructor<Record<string, never>, PageReference>;
    const Navigate: unique symbol;
    const GenerateUrl: unique symbol;
    interface NavigationApi {
        [Navigate](pageReference: PageReference, replace?: boolean): void;
        [GenerateUrl](pageReference: PageReference): Promise<string>;
    }
    export const NavigationMixin: {
        // A mixin's constructor must take `...args: any[]` (TS2545).
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        <Base extends abstract new (...args: any[]) => object>(
            base: Base
            // eslint-disable-next-line @typescript-eslint/no-explicit-any
        ): Base & (abstract new (...args: any[]) => InstanceType<Base> & NavigationApi);
        readonly Navigate: typeof Navigate;
        readonly GenerateUrl: typeof GenerateUrl;
    };
}

declare module 'lightning/messageService' {
    export const MessageContext: import('lwc').WireAdapterConstructor<Record<string, never>, unknown>;
    export const APPLICATION_SCOPE: symbol;
    export function publish(context: unknown, channel: unknown, message?: Record<string, unknown>): void;
    export function subscribe(
        context: unknown,
        channel: unknown,
        listener: (message: Record<string, unknown>) => void,
        options?: { scope: symbol }
    ): unknown;
    export function unsubscribe(subscription: unknown): void;
}

// The running user's locale and time zone (Salesforce user settings); Jest answers en-US and America/Los_Angeles,
// the workbench en-US and the time zone of workbench/personas.json.
declare module '@salesforce/i18n/locale' {
    const locale: string;
    export default locale;
}
declare module '@salesforce/i18n/timeZone' {
    const timeZone: string;
    export default timeZone;
}
