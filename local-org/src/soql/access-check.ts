// User-mode access checks of a statement: the object must be readable and every field it reads (SELECT, WHERE,
// GROUP BY, ORDER BY, and each relationship on a path) readable by the running user; WITH SECURITY_ENFORCED checks
// the SELECT list only. https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_enforce_usermode.htm
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_with_security_enforced.htm
import { PlatformException } from '../core/errors.ts';
import type { UserAccess } from '../security/index.ts';
import type { ResolvedPath } from './paths.ts';
import type { Plan } from './plan.ts';

/** A QueryException raised for fields or objects the user cannot read (getInaccessibleFields()). */
export class InaccessibleQueryException extends PlatformException {
    readonly inaccessibleFields: Map<string, Set<string>>;

    constructor(message: string, inaccessibleFields: Map<string, Set<string>>) {
        super('QueryException', message);
        this.inaccessibleFields = inaccessibleFields;
    }
}

export function checkAccess(plan: Plan, access: UserAccess, mode: 'user' | 'securityEnforced'): void {
    const objectName = plan.object.name;
    if (!access.object(objectName).read) {
        throw new InaccessibleQueryException(
            mode === 'user'
                ? `sObject type '${objectName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
                : 'Insufficient permissions: secure query included inaccessible field',
            new Map()
        );
    }
    const inaccessible = new Map<string, Set<string>>();
    const note = (object: string, field: string): void => {
        if (!inaccessible.has(object)) inaccessible.set(object, new Set());
        inaccessible.get(object)!.add(field);
    };
    const paths = mode === 'user' ? plan.paths : plan.selectPaths;
    const check = (path: ResolvedPath): void => {
        for (const step of path.steps) {
            if (!access.field(step.object.name, step.field.name).readable) note(step.object.name, step.field.name);
            if (!step.polymorphic && !access.object(step.target.name).read) note(step.object.name, step.field.name);
        }
        const last = path.steps[path.steps.length - 1];
        if (last?.polymorphic) return;
        if (!access.field(path.object.name, path.field.name).readable) note(path.object.name, path.field.name);
    };
    for (const path of paths) check(path);
    if (plan.where) checkSemiJoins(plan.where, access, mode);
    if (inaccessible.size === 0) return;
    const [object, fields] = [...inaccessible.entries()][0];
    const field = [...fields][0];
    throw new InaccessibleQueryException(
        mode === 'user'
            ? `No such column '${field}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
            : 'Insufficient permissions: secure query included inaccessible field',
        inaccessible
    );
}

function checkSemiJoins(
    condition: NonNullable<Plan['where']>,
    access: UserAccess,
    mode: 'user' | 'securityEnforced'
): void {
    if (condition.kind === 'compare') {
        if (condition.semiJoin && mode === 'user') checkAccess(condition.semiJoin, access, mode);
        return;
    }
    if (condition.kind === 'not') checkSemiJoins(condition.item, access, mode);
    else for (const item of condition.items) checkSemiJoins(item, access, mode);
}
