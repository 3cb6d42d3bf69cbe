// Messaging.CustomNotification: built with the default constructor and setters or the six-argument constructor, sent
// with send(Set<String> recipientIds). A send is recorded in the transaction's notifications (what a host shows in a
// bell) and counted in limits.customNotifications. Recipients are kept as given (users, groups, queues); the host
// expands groups and queues to their members when it shows them.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_Messaging_CustomNotification.htm
// ("You must specify a target … if both are omitted, send() throws an exception"). The exception type send() throws
// for a missing target, type, title or body is not documented: local-org stops the test as unsupported there instead
// of guessing it.
import { ApexSet, NativeObject, type Value } from '../values.ts';
import type { InstanceMethod, StdlibClass } from './registry.ts';

const TYPE = 'Messaging.CustomNotification';
const ATTRIBUTES = ['notificationTypeId', 'senderId', 'title', 'body', 'targetId', 'targetPageRef'] as const;

const instance: Record<string, InstanceMethod<NativeObject>> = {
    send: (rt, self, [recipients]) => {
        if (!(recipients instanceof ApexSet)) return rt.fail('NullPointerException', 'Argument cannot be null');
        const data = self.data as Record<string, string | null | undefined>;
        const missing = ['notificationTypeId', 'title', 'body'].filter((key) => !data[key]);
        if (!data.targetId && !data.targetPageRef) missing.push('targetId or targetPageRef');
        if (recipients.entries.size === 0) missing.push('recipients');
        if (missing.length) return rt.unsupported(`Messaging.CustomNotification.send without ${missing.join(', ')}`);
        rt.tx.limits.customNotifications++;
        rt.tx.notifications.push({
            notificationType: String(data.notificationTypeId),
            title: String(data.title),
            body: String(data.body),
            targetId: data.targetId ?? null,
            recipientIds: [...recipients.entries.values()].map((value) => String(value)),
            sentAt: rt.tx.now()
        });
        return null;
    }
};
for (const attribute of ATTRIBUTES) {
    const key = attribute.toLowerCase();
    instance[`set${key}`] = (_rt, self, [value]) => {
        self.data[attribute] = value === null || value === undefined ? null : String(value);
        return null;
    };
}

export const MESSAGING_MODULES: StdlibClass[] = [
    {
        name: TYPE,
        statics: {
            '<new>': (rt, args: Value[]) => {
                if (args.length !== 0 && args.length !== ATTRIBUTES.length)
                    return rt.unsupported(`new Messaging.CustomNotification with ${args.length} arguments`);
                const data: Record<string, unknown> = {};
                ATTRIBUTES.forEach((attribute, index) => {
                    const value = args[index];
                    data[attribute] = value === null || value === undefined ? null : String(value);
                });
                return new NativeObject(TYPE, data);
            }
        }
    },
    {
        name: `${TYPE} value`,
        owns: (value) => value instanceof NativeObject && value.typeName === TYPE,
        instance: instance as Record<string, InstanceMethod<never>>
    }
];
