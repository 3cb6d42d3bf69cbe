// Standard activity objects as the Object Reference describes them
// (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm):
// the fields projects like this one use to give a person a to-do. Status and Priority are not nillable but defaulted
// on create ("Not Started", "Normal" in a new org), so an insert may leave them out; WhoId names a lead or contact,
// WhatId another record.
import { pick, ref, s, userOwner, type ObjectSpec } from './standard-spec.ts';

const TASK_STATUSES = ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'];
const TASK_PRIORITIES = ['High', 'Normal', 'Low'];

export const ACTIVITY_OBJECTS: ObjectSpec[] = [
    {
        name: 'Task',
        prefix: '00T',
        plural: 'Tasks',
        sharingModel: 'Private',
        fields: {
            Subject: s(255),
            ActivityDate: { type: 'date', access: 'rw' },
            Status: pick(TASK_STATUSES, 'rw', 'Not Started'),
            Priority: pick(TASK_PRIORITIES, 'rw', 'Normal'),
            Description: { type: 'textarea', length: 32000, access: 'rw' },
            WhoId: ref(['Lead', 'Contact'], 'Who'),
            WhatId: ref(['Account', 'Opportunity'], 'What'),
            OwnerId: userOwner()
        }
    }
];
