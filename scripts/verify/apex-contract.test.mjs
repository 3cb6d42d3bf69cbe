import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, projectWith, runCheck } from './lib/fixture.mjs';
import { check } from './checks/apex-contract.mjs';
import { readApexFile } from './lib/apex-classes.mjs';
import { apexMemberSkeleton } from './lib/apex-skeleton.mjs';
import { formatProblem } from './lib/problems.mjs';

test('apex-contract passes on the clean fixture', () => {
    const { status, output } = runCheck('apex-contract', projectWith());
    assert.equal(status, 0, output);
});

const CATALOG_DTS = 'types/apex/WidgetCatalogController.d.ts';
const WIDGET_DTS = 'types/apex/WidgetController.d.ts';
const planted = [
    [
        'apex-contract-dto-property-renamed',
        [
            `${CATALOG_DTS}:7: WidgetCatalogController.WidgetCard.title is declared in TypeScript, but Apex ` +
                'WidgetCatalogController.WidgetCard (force-app/main/widgets/classes/WidgetCatalogController.cls:11) ' +
                'has no @AuraEnabled field or property title',
            `${CATALOG_DTS}:6: WidgetCatalogController.WidgetCard lacks name, which Apex ` +
                'WidgetCatalogController.WidgetCard declares @AuraEnabled ' +
                '(force-app/main/widgets/classes/WidgetCatalogController.cls:13) as String'
        ]
    ],
    [
        'apex-contract-parameter-name-mismatch',
        [
            `${WIDGET_DTS}:13: WidgetController.getWidgets parameters do not match Apex getWidgets(Integer ` +
                'minimumSize) (force-app/main/widgets/classes/WidgetController.cls:3): TypeScript declares minSize, ' +
                'which Apex does not take; Apex takes minimumSize'
        ]
    ],
    [
        'apex-contract-type-mismatch',
        [
            `${CATALOG_DTS}:7: WidgetCatalogController.WidgetCard.name is number in TypeScript but String in Apex ` +
                '(force-app/main/widgets/classes/WidgetCatalogController.cls:13): declare it as string.'
        ]
    ],
    [
        'apex-contract-undeclared-import',
        [
            'force-app/main/widgets/lwc/widgetList/widgetList.js:3: imports ' +
                '@salesforce/apex/WidgetController.countFitLeads, which has no exact declaration in types/apex/',
            'add a declaration to types/apex/WidgetController.d.ts'
        ]
    ],
    [
        'apex-contract-stale-declaration',
        [
            `${WIDGET_DTS}:22: WidgetController.deleteWidgets is declared, but ` +
                'force-app/main/widgets/classes/WidgetController.cls has no method deleteWidgets. Remove the stale'
        ]
    ],
    [
        'apex-contract-wire-not-cacheable',
        [
            'force-app/main/widgets/lwc/widgetList/widgetList.js:12: @wire(countFitLeads) needs a cacheable Apex ' +
                'method, but WidgetController.countFitLeads'
        ]
    ]
];

for (const [mistake, expected] of planted) {
    test(`apex-contract fails on ${mistake}, naming the file and the problem`, () => {
        const { status, output } = runCheck('apex-contract', projectWith(mistake));
        assert.equal(status, 1, output);
        for (const text of expected) assert.ok(output.includes(text), `expected "${text}" in:\n${output}`);
        const count = Number(output.match(/(\d+) problems? found/)?.[1]);
        assert.equal(count, expected.filter((text) => /^\S+:\d+: /.test(text)).length, output);
    });
}

/** Problems of the clean fixture with extra files written over it. */
async function problemsWith(files) {
    const root = projectWith();
    for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
    }
    return (await check(root)).map(formatProblem);
}

const CLASSES = 'force-app/main/widgets/classes';

test('apex-contract maps collections, maps, Apex classes resolved like Apex, nullability and void', async () => {
    const problems = await problemsWith({
        [`${CLASSES}/WidgetBinService.cls`]: `public with sharing class WidgetBinService {
    public class Bin {
        @AuraEnabled
        public Id binId;
        @AuraEnabled
        public Set<Decimal> weights;
        @AuraEnabled
        public Map<String, List<WidgetCatalogController.WidgetCard>> cardsByShelf;
        @AuraEnabled
        public Datetime filledAt;
        @AuraEnabled
        public static String sharedLabel;
    }

    @AuraEnabled
    public static void empty(List<Bin> bins, Long count) {
        return;
    }

    @AuraEnabled
    public static Bin[] bins() {
        return new List<Bin>();
    }
}
`,
        'types/apex/WidgetBinService.d.ts': `declare namespace WidgetBinService {
    interface Bin {
        binId: string;
        weights?: readonly number[] | null;
        cardsByShelf: { [shelf: string]: Array<WidgetCatalogController.WidgetCard> };
        filledAt: string | null;
    }
}
declare module '@salesforce/apex/WidgetBinService.empty' {
    const empty: ApexMethod<{ count: number; bins: WidgetBinService.Bin[] }, void>;
    export default empty;
}
declare module '@salesforce/apex/WidgetBinService.bins' {
    const bins: ApexMethodWithoutParams<WidgetBinService.Bin[] | null>;
    export default bins;
}
`
    });
    assert.deepEqual(problems, []);
});

test('apex-contract reports mismatched classes, result types, misplaced declarations and non-AuraEnabled fields', async () => {
    const problems = await problemsWith({
        [`${CLASSES}/WidgetBinService.cls`]: `public with sharing class WidgetBinService {
    public class Bin {
        @AuraEnabled
        public Integer binCount;
        public String hidden;
    }

    @AuraEnabled
    public static List<Bin> bins(Map<Integer, String> shelves) {
        return new List<Bin>();
    }

    @AuraEnabled
    public static Bin firstBin() {
        return null;
    }

    public static Integer notExposed() {
        return 1;
    }
}
`,
        'types/apex/WidgetBins.d.ts': `declare namespace WidgetBinService {
    interface Bin {
        bincount: number;
        hidden: string;
    }
}
declare namespace Other {
    interface Bin {
        binCount: number;
    }
}
declare module '@salesforce/apex/WidgetBinService.bins' {
    const bins: ApexMethod<{ shelves: Record<string, string> }, WidgetBinService.Bin[]>;
    export default bins;
}
declare module '@salesforce/apex/WidgetBinService.firstBin' {
    const firstBin: ApexMethodWithoutParams<Other.Bin>;
    export default firstBin;
}
declare module '@salesforce/apex/WidgetBinService.notExposed' {
    const notExposed: ApexMethodWithoutParams<number>;
    export default notExposed;
}
`
    });
    const dts = 'types/apex/WidgetBins.d.ts';
    const cls = 'force-app/main/widgets/classes/WidgetBinService.cls';
    const expected = [
        `${dts}:3: WidgetBinService.Bin.bincount is declared in TypeScript, but Apex WidgetBinService.Bin (${cls}:2) has no @AuraEnabled field or property bincount (Apex spells it binCount`,
        `${dts}:4: WidgetBinService.Bin.hidden is declared in TypeScript, but Apex WidgetBinService.Bin (${cls}:2) has no @AuraEnabled field or property hidden (hidden at ${cls}:5 is not @AuraEnabled`,
        `${dts}:12: WidgetBinService.bins is declared in ${dts}: move the declaration to types/apex/WidgetBinService.d.ts.`,
        `${dts}:13: WidgetBinService.bins parameter shelves is Record<string, string> in TypeScript but Map<Integer, String> in Apex (${cls}:9): declare it as Record<string, string>, with String keys in Apex`,
        `${dts}:16: WidgetBinService.firstBin is declared in ${dts}: move`,
        `${dts}:17: WidgetBinService.firstBin result is Other.Bin in TypeScript but Bin in Apex (${cls}:14): declare it as WidgetBinService.Bin.`,
        `${dts}:20: WidgetBinService.notExposed is declared in ${dts}: move`,
        `${dts}:20: WidgetBinService.notExposed is declared, but the Apex method (${cls}:18) is not static and @AuraEnabled`
    ];
    for (const text of expected) {
        assert.ok(
            problems.some((problem) => problem.startsWith(text)),
            `expected "${text}" in:\n${problems.join('\n')}`
        );
    }
    assert.equal(problems.length, expected.length, problems.join('\n'));
});

test('members-only Apex parsing (the check parses skeletons for speed) models every class like a full parse', () => {
    // The planted syntax error sits in a method body, which a skeleton does not parse.
    const apexFiles = readdirSync(FIXTURES, { recursive: true }).filter(
        (path) => path.endsWith('.cls') && !path.includes('apex-syntax-error')
    );
    const models = (membersOnly) =>
        apexFiles.map((path) =>
            JSON.stringify(readApexFile(FIXTURES, join(FIXTURES, path), { membersOnly }), (key, value) =>
                ['tree', 'source', 'errors'].includes(key) ? undefined : value
            )
        );
    const full = models(false);
    assert.ok(full.length > 5, 'expected fixture classes');
    assert.deepEqual(models(true), full);
    const skeleton = apexMemberSkeleton(
        "public class A {\n    @AuraEnabled(cacheable=true)\n    public static String b() {\n        return '}';\n    }\n" +
            "    public Integer c { get { return 1; } set; }\n    Set<String> d = new Set<String>{ 'x' };\n}\n"
    );
    assert.equal(skeleton.split('\n').length, 9);
    assert.match(skeleton, /public static String b\(\) \{\s+\}/);
    assert.match(skeleton, /public Integer c \{ get; set;\s+\}/);
    assert.match(skeleton, /new Set<String>\{\s+\};/);
});
