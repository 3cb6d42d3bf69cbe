// The runner's report: per class the counts, each failure with its message and Apex stack, each test not run with
// the unsupported construct, and a last line `N passed, M failed, K not run`.
import type { MethodResult } from './runner.ts';

export function formatReport(results: MethodResult[]): string {
    const lines: string[] = [];
    const byClass = new Map<string, MethodResult[]>();
    for (const result of results) {
        const list = byClass.get(result.className) ?? [];
        list.push(result);
        byClass.set(result.className, list);
    }
    const count = (list: MethodResult[], outcome: string) => list.filter((r) => r.outcome === outcome).length;
    for (const [className, list] of byClass) {
        lines.push(
            `${className}: ${count(list, 'pass')} passed, ${count(list, 'fail')} failed, ${count(list, 'not run')} not run`
        );
        for (const result of list) {
            if (result.outcome === 'pass') continue;
            const label = result.outcome === 'fail' ? 'FAIL' : 'NOT RUN';
            lines.push(`  ${label} ${className}.${result.methodName}: ${result.message ?? ''}`);
            for (const frame of (result.stack ?? '').split('\n').filter(Boolean)) lines.push(`      ${frame}`);
        }
    }
    lines.push(
        `${count(results, 'pass')} passed, ${count(results, 'fail')} failed, ${count(results, 'not run')} not run`
    );
    return lines.join('\n');
}
