// The resolve pass: every class of the project (and its inner classes) with member tables by lower-case name, its
// superclass and interfaces linked, plus the standard exception classes as classes without members (their
// behaviour is in exceptions.ts). Names are case-insensitive, as in Apex.
import type { ClassDecl, FieldDecl, MethodDecl, PropertyDecl } from './ast.ts';
import { emptyClass } from './lower.ts';
import { hasAnnotation } from './lower-types.ts';

export type Sharing = 'with' | 'without' | 'inherited' | 'unspecified';

export class ClassInfo {
    readonly decl: ClassDecl;
    /** 'InvoiceService.Request' */
    readonly name: string;
    readonly outer: ClassInfo | null;
    superclass: ClassInfo | null = null;
    interfaces: ClassInfo[] = [];
    readonly methods = new Map<string, MethodDecl[]>();
    readonly fields = new Map<string, FieldDecl>();
    readonly properties = new Map<string, PropertyDecl>();
    readonly inner = new Map<string, ClassInfo>();
    readonly standard: boolean;

    constructor(decl: ClassDecl, outer: ClassInfo | null, standard = false) {
        this.decl = decl;
        this.outer = outer;
        this.standard = standard;
        this.name = outer ? `${outer.name}.${decl.name}` : decl.name;
        for (const method of decl.methods) {
            const key = method.name.toLowerCase();
            const list = this.methods.get(key) ?? [];
            list.push(method);
            this.methods.set(key, list);
        }
        for (const field of decl.fields) this.fields.set(field.name.toLowerCase(), field);
        for (const property of decl.properties) this.properties.set(property.name.toLowerCase(), property);
        for (const inner of decl.inner) this.inner.set(inner.name.toLowerCase(), new ClassInfo(inner, this));
    }

    get key(): string {
        return this.name.toLowerCase();
    }

    get file(): string {
        return this.decl.file;
    }

    get sharing(): Sharing {
        const keywords = this.decl.modifiers.keywords;
        if (keywords.has('withsharing')) return 'with';
        if (keywords.has('withoutsharing')) return 'without';
        if (keywords.has('inheritedsharing')) return 'inherited';
        return this.outer ? this.outer.sharing : 'unspecified';
    }

    get isTest(): boolean {
        return hasAnnotation(this.decl.modifiers, 'istest');
    }

    /** This class, then its superclasses. */
    *lineage(): Generator<ClassInfo> {
        yield this;
        for (let cls = this.superclass; cls; cls = cls.superclass) yield cls;
    }

    isSubclassOf(other: ClassInfo): boolean {
        for (const cls of this.lineage()) {
            if (cls === other) return true;
            if (cls.interfaces.some((iface) => iface === other || iface.isSubclassOf(other))) return true;
        }
        return false;
    }

    get isException(): boolean {
        for (const cls of this.lineage()) if (cls.key === 'exception') return true;
        return false;
    }

    findMethods(name: string): MethodDecl[] {
        const key = name.toLowerCase();
        const found: MethodDecl[] = [];
        for (const cls of this.lineage()) found.push(...(cls.methods.get(key) ?? []));
        return found;
    }

    /** The class that declares the field or property, searching superclasses. */
    owner(name: string): ClassInfo | null {
        const key = name.toLowerCase();
        for (const cls of this.lineage()) if (cls.fields.has(key) || cls.properties.has(key)) return cls;
        return null;
    }
}

/** The standard exceptions the platform defines (System namespace). Each extends Exception. */
export const STANDARD_EXCEPTIONS = [
    'AsyncException',
    'CalloutException',
    'DmlException',
    'EmailException',
    'FinalException',
    'HandledException',
    'IllegalArgumentException',
    'InvalidParameterValueException',
    'JSONException',
    'LimitException',
    'ListException',
    'MathException',
    'NoAccessException',
    'NoDataFoundException',
    'NullPointerException',
    'QueryException',
    'RequiredFeatureMissingException',
    'SearchException',
    'SecurityException',
    'SerializationException',
    'SObjectException',
    'StringException',
    'TypeException',
    'UnexpectedException',
    'AuraHandledException',
    'AssertException'
];

function standardDecl(name: string, superName: string | null): ClassDecl {
    const decl = emptyClass(
        'class',
        name,
        { annotations: [], keywords: new Set(['public', 'virtual']) },
        '(standard)',
        0
    );
    decl.extends = superName ? { name: superName.toLowerCase(), text: superName, args: [] } : null;
    return decl;
}

export class ClassTable {
    private readonly top = new Map<string, ClassInfo>();

    constructor(decls: ClassDecl[]) {
        this.top.set('exception', new ClassInfo(standardDecl('Exception', null), null, true));
        for (const name of STANDARD_EXCEPTIONS) {
            this.top.set(name.toLowerCase(), new ClassInfo(standardDecl(name, 'Exception'), null, true));
        }
        for (const decl of decls) this.top.set(decl.name.toLowerCase(), new ClassInfo(decl, null));
        for (const cls of this.all()) this.link(cls);
    }

    *all(): Generator<ClassInfo> {
        const visit = function* (cls: ClassInfo): Generator<ClassInfo> {
            yield cls;
            for (const inner of cls.inner.values()) yield* visit(inner);
        };
        for (const cls of this.top.values()) yield* visit(cls);
    }

    topLevel(): ClassInfo[] {
        return [...this.top.values()].filter((cls) => !cls.standard);
    }

    /**
     * A class by name as seen from `from`: an inner class of `from` or of its outer and super classes, then a
     * top-level class, then `Outer.Inner`. `System.X` names the standard class X.
     */
    resolve(name: string, from: ClassInfo | null): ClassInfo | null {
        const parts = name.toLowerCase().split('.');
        if (parts.length > 1 && parts[0] === 'system') parts.shift();
        let cls = this.resolveFirst(parts[0], from);
        for (const part of parts.slice(1)) {
            if (!cls) return null;
            cls = this.innerOf(cls, part);
        }
        return cls;
    }

    private resolveFirst(name: string, from: ClassInfo | null): ClassInfo | null {
        for (let scope = from; scope; scope = scope.outer) {
            if (scope.key.split('.').pop() === name && scope.outer) return scope;
            const inner = this.innerOf(scope, name);
            if (inner) return inner;
        }
        return this.top.get(name) ?? null;
    }

    private innerOf(cls: ClassInfo, name: string): ClassInfo | null {
        for (const c of cls.lineage()) {
            const inner = c.inner.get(name);
            if (inner) return inner;
        }
        return null;
    }

    private link(cls: ClassInfo): void {
        const scope = cls.outer ?? cls;
        if (cls.decl.extends) cls.superclass = this.resolve(cls.decl.extends.name, scope);
        cls.interfaces = cls.decl.implements
            .map((type) => this.resolve(type.name, scope))
            .filter((iface): iface is ClassInfo => iface !== null);
    }
}
