// Parsing: each class file once per process (apex-parser's compilationUnit), lowered to ast.ts. A syntax error
// is a ProjectError: the source is broken, not the emulator.
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { ProjectError } from '../core/errors.ts';
import type { ApexSource } from '../core/metadata.ts';
import type { ClassDecl } from './ast.ts';
import { lowerCompilationUnit } from './lower.ts';

const cache = new Map<string, { text: string; decl: ClassDecl }>();

class CollectingListener extends ApexErrorListener {
    readonly errors: string[] = [];
    apexSyntaxError(line: number, column: number, message: string): void {
        this.errors.push(`line ${line}:${column} ${message}`);
    }
}

export function parseClass(source: ApexSource): ClassDecl {
    const cached = cache.get(source.file);
    if (cached && cached.text === source.text) return cached.decl;
    const listener = new CollectingListener();
    const { parser } = ApexParserFactory.createLexerAndParser(source.text, listener);
    const unit = parser.compilationUnit();
    if (listener.errors.length)
        throw new ProjectError(`Apex syntax error: ${listener.errors[0]}`, { file: source.file });
    const decl = lowerCompilationUnit(unit, source.file);
    cache.set(source.file, { text: source.text, decl });
    return decl;
}

export function parseClasses(sources: ApexSource[]): ClassDecl[] {
    return sources.map(parseClass);
}
