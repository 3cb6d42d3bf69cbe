// Declared types and modifiers, lowered from the parse tree.
import type {
    AnnotationContext,
    ModifierContext,
    TypeRefContext,
    TypeNameContext,
    TypeListContext,
    IdCreatedNamePairContext
} from '@apexdevtools/apex-parser';
import type { Annotation, Modifiers, TypeRef } from './ast.ts';

export function lowerTypeRef(ctx: TypeRefContext): TypeRef {
    const names = ctx.typeName_list();
    const last = names[names.length - 1];
    const path = names.map((name) => typeNameId(name)).join('.');
    const args = typeArgs(last.typeArguments()?.typeList() ?? null);
    const array = (ctx.arraySubscripts()?.getText() ?? '').length > 0;
    const base: TypeRef = { name: path.toLowerCase(), text: ctx.getText(), args };
    if (array) return { name: 'list', text: ctx.getText(), args: [{ ...base, text: path }], array: true };
    return base;
}

function typeNameId(ctx: TypeNameContext): string {
    if (ctx.LIST()) return 'List';
    if (ctx.SET()) return 'Set';
    if (ctx.MAP()) return 'Map';
    return ctx.id().getText();
}

function typeArgs(list: TypeListContext | null): TypeRef[] {
    return list ? list.typeRef_list().map(lowerTypeRef) : [];
}

/** `new Map<Id, Lead>(…)`, `new HandoffPolicy.Qualification()`: the created name as a type. */
export function lowerCreatedName(pairs: IdCreatedNamePairContext[], text: string): TypeRef {
    const path = pairs.map((pair) => pair.anyId().getText()).join('.');
    const last = pairs[pairs.length - 1];
    return { name: path.toLowerCase(), text, args: typeArgs(last.typeList() ?? null) };
}

export function typeFromName(text: string): TypeRef {
    return { name: text.toLowerCase(), text, args: [] };
}

export function lowerModifiers(list: ModifierContext[]): Modifiers {
    const annotations: Annotation[] = [];
    const keywords = new Set<string>();
    for (const modifier of list) {
        const annotation = modifier.annotation();
        if (annotation) annotations.push(lowerAnnotation(annotation));
        else keywords.add(modifier.getText().toLowerCase());
    }
    return { annotations, keywords };
}

function lowerAnnotation(ctx: AnnotationContext): Annotation {
    const params: Record<string, string> = {};
    for (const pair of ctx.elementValuePairs()?.elementValuePair_list() ?? []) {
        params[pair.id().getText().toLowerCase()] = pair.elementValue().getText();
    }
    return { name: ctx.id().getText().toLowerCase(), params };
}

export function hasAnnotation(modifiers: Modifiers, name: string): boolean {
    return modifiers.annotations.some((annotation) => annotation.name === name);
}
