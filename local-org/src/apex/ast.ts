// The interpreter's own tree, lowered from apex-parser's ANTLR parse tree (lower.ts): small tagged nodes that carry
// their source line, so the evaluator never touches ANTLR contexts (except the SOQL tree handed to QueryEngine).

/** A declared type: `List<Map<Id, Lead>>` is { name: 'list', args: [{ name: 'map', args: [id, lead] }] }. */
export interface TypeRef {
    /** Dotted, lower-case ('list', 'invoiceservice.request', 'schema.sobjecttype'). */
    name: string;
    /** As written, for messages and getTypeName. */
    text: string;
    args: TypeRef[];
    /** `String[]` is List<String>. */
    array?: boolean;
}

export type BinaryOperator =
    | '+'
    | '-'
    | '*'
    | '/'
    | '<'
    | '>'
    | '<='
    | '>='
    | '=='
    | '!='
    | '==='
    | '!=='
    | '&&'
    | '||'
    | '??'
    | '&'
    | '|'
    | '^'
    | '<<'
    | '>>'
    | '>>>';

export type Expr = { line: number } & (
    | {
          kind: 'literal';
          value: unknown;
          literalType: 'integer' | 'long' | 'decimal' | 'double' | 'string' | 'boolean' | 'null';
      }
    | { kind: 'name'; name: string }
    | { kind: 'this' }
    | { kind: 'super' }
    | { kind: 'field'; target: Expr; name: string; safe: boolean }
    | { kind: 'call'; target: Expr | null; name: string; args: Expr[]; safe: boolean }
    | { kind: 'thisCall'; args: Expr[] }
    | { kind: 'superCall'; args: Expr[] }
    | { kind: 'index'; target: Expr; index: Expr }
    | { kind: 'new'; type: TypeRef; args: Expr[] }
    | { kind: 'newSObject'; type: TypeRef; fields: { name: string; value: Expr }[] }
    | { kind: 'newCollection'; type: TypeRef; items: Expr[] }
    | { kind: 'newMap'; type: TypeRef; entries: { key: Expr; value: Expr }[] }
    | { kind: 'newArray'; type: TypeRef; size: Expr }
    | { kind: 'cast'; type: TypeRef; expr: Expr }
    | { kind: 'instanceof'; expr: Expr; type: TypeRef }
    | { kind: 'unary'; op: '-' | '+' | '!' | '~'; expr: Expr }
    | { kind: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
    | { kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr }
    | { kind: 'conditional'; test: Expr; then: Expr; else: Expr }
    | { kind: 'assign'; op: string; target: Expr; value: Expr }
    | { kind: 'typeLiteral'; type: TypeRef }
    | { kind: 'soql'; query: unknown; text: string }
    | { kind: 'unsupported'; construct: string }
);

export interface CatchClause {
    type: TypeRef;
    name: string;
    body: Stmt[];
}

export interface SwitchWhen {
    /** null for `when else`; values are literal expressions or enum names; `typeBinding` for `when Type t`. */
    values: Expr[] | null;
    typeBinding?: { type: TypeRef; name: string };
    body: Stmt[];
}

export type Stmt = { line: number } & (
    | { kind: 'block'; body: Stmt[] }
    | { kind: 'local'; type: TypeRef; declarators: { name: string; init: Expr | null; line: number }[] }
    | { kind: 'expr'; expr: Expr }
    | { kind: 'if'; test: Expr; then: Stmt; else: Stmt | null }
    | { kind: 'for'; init: Stmt[]; test: Expr | null; update: Expr[]; body: Stmt }
    | { kind: 'forEach'; type: TypeRef; name: string; iterable: Expr; body: Stmt }
    | { kind: 'while'; test: Expr; body: Stmt }
    | { kind: 'doWhile'; test: Expr; body: Stmt }
    | { kind: 'return'; value: Expr | null }
    | { kind: 'throw'; value: Expr }
    | { kind: 'break' }
    | { kind: 'continue' }
    | { kind: 'try'; body: Stmt[]; catches: CatchClause[]; finally: Stmt[] | null }
    | {
          kind: 'dml';
          operation: 'insert' | 'update' | 'delete' | 'undelete' | 'upsert';
          accessMode: 'user' | 'system' | null;
          target: Expr;
      }
    | { kind: 'runAs'; args: Expr[]; body: Stmt[] }
    | { kind: 'switch'; on: Expr; whens: SwitchWhen[] }
    | { kind: 'unsupported'; construct: string }
);

export interface Annotation {
    name: string;
    /** `@IsTest(SeeAllData=…)` → { seealldata: '…' } (annotation parameters, lower-case names) */
    params: Record<string, string>;
}

export interface Modifiers {
    annotations: Annotation[];
    keywords: Set<string>;
}

export interface ParameterDecl {
    type: TypeRef;
    name: string;
}

export interface MethodDecl {
    name: string;
    modifiers: Modifiers;
    returnType: TypeRef | null;
    parameters: ParameterDecl[];
    body: Stmt[] | null;
    line: number;
}

export interface FieldDecl {
    name: string;
    modifiers: Modifiers;
    type: TypeRef;
    init: Expr | null;
    line: number;
}

export interface PropertyDecl {
    name: string;
    modifiers: Modifiers;
    type: TypeRef;
    getter: Stmt[] | null | 'auto';
    setter: Stmt[] | null | 'auto';
    line: number;
}

export interface ClassDecl {
    kind: 'class' | 'interface' | 'enum';
    name: string;
    modifiers: Modifiers;
    extends: TypeRef | null;
    implements: TypeRef[];
    fields: FieldDecl[];
    properties: PropertyDecl[];
    methods: MethodDecl[];
    constructors: MethodDecl[];
    /** Instance and static initialiser blocks, in source order with the fields (order matters). */
    initializers: { isStatic: boolean; body: Stmt[]; line: number }[];
    /** Order of static fields and static blocks as declared. */
    memberOrder: { kind: 'field' | 'block' | 'property'; index: number; isStatic: boolean }[];
    inner: ClassDecl[];
    enumValues: string[];
    file: string;
    line: number;
}
