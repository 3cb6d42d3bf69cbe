// Test discovery: @IsTest classes of every package directory, and their @IsTest / testMethod methods.
// @TestSetup methods run once per class; each test method then starts from the data they made.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_testing_testsetup_using.htm
import type { ClassInfo } from '../apex/classes.ts';
import type { MethodDecl } from '../apex/ast.ts';
import { hasAnnotation } from '../apex/lower-types.ts';

export interface TestClass {
    cls: ClassInfo;
    setup: MethodDecl[];
    methods: MethodDecl[];
}

export function isTestMethod(method: MethodDecl): boolean {
    return hasAnnotation(method.modifiers, 'istest') || method.modifiers.keywords.has('testmethod');
}

/** `filter`: 'Class' or 'Class.method' (case-insensitive); none means every test. */
export function discoverTests(classes: ClassInfo[], filter: string[] | undefined): TestClass[] {
    const wanted = (filter ?? []).map((entry) => entry.toLowerCase());
    const found: TestClass[] = [];
    for (const cls of classes) {
        if (!cls.isTest) continue;
        const methods = cls.decl.methods.filter(isTestMethod).filter((method) => {
            if (wanted.length === 0) return true;
            const name = `${cls.key}.${method.name.toLowerCase()}`;
            return wanted.includes(cls.key) || wanted.includes(name);
        });
        if (methods.length === 0) continue;
        const setup = cls.decl.methods.filter((method) => hasAnnotation(method.modifiers, 'testsetup'));
        found.push({ cls, setup, methods });
    }
    return found.sort((a, b) => a.cls.name.localeCompare(b.cls.name));
}
