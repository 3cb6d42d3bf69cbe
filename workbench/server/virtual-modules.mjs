// Rollup plugin for the modules only the Salesforce platform provides: each import becomes a small generated
// module, so the component source stays exactly what deploys.
//   @salesforce/apex/C.m            → a function POSTing to the workbench server (and a @wire adapter)
//   @salesforce/apex                → refreshApex, getSObjectValue
//   @salesforce/schema/O[.F]        → { objectApiName, fieldApiName }
//   @salesforce/user/Id             → the tab's persona's user id
//   @salesforce/customPermission/X  → whether the tab's persona has it
//   @salesforce/label/c.X           → the Custom Label's value, read from the project's CustomLabels files at each
//                                     build (scripts/verify/lib/custom-labels.cjs); a label the project lacks fails
//                                     the build
//   @salesforce/i18n/timeZone       → the personas' time zone (workbench/personas.json), for the app's components and
//                                     the base components alike (lightning-base-components would answer Los Angeles)
//   @salesforce/i18n/locale         → en-US, as lightning-base-components answers for itself; its other
//                                     @salesforce/i18n modules stay its own
//   lightning/iconSvgTemplates<Cat> → only the icons named in lightning-base-components' and the project's
//                                     sources (~100), not ~2 MB of SVG templates; right-to-left sets are empty
//   workbench:pages                 → the shell's pages, importing only the app components that exist
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectFiles } from '../../scripts/verify/lib/project.mjs';
import { labelFiles, labelValues } from '../../scripts/verify/lib/custom-labels.cjs';
import { tagName } from './pages.mjs';

const PREFIX = '\0workbench:';
const PAGES_ID = 'workbench:pages';
const ICON_TEMPLATES = /^lightning\/iconSvgTemplates\w*$/;
const ICON_NAME = /\b(utility|standard|action|doctype|custom):([a-z0-9_]+)\b/g;
const OWN = /^@salesforce\/(apex|schema|user|customPermission|label)\//;
const TIME_ZONE_ID = '@salesforce/i18n/timeZone';
const LOCALE_ID = '@salesforce/i18n/locale';

const literal = (value) => JSON.stringify(value);

function iconNamesIn(files, found) {
    for (const file of files) {
        for (const [, category, name] of readFileSync(file, 'utf8').matchAll(ICON_NAME))
            found.add(`${category}:${name}`);
    }
    return found;
}

function sourceFiles(dir) {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return name.startsWith('iconSvgTemplates') ? [] : sourceFiles(path);
        return /\.(js|html)$/.test(name) ? [path] : [];
    });
}

let baseComponentIcons;

/** Icon names written literally in lightning-base-components (read once) and in the project's LWC sources. */
function usedIcons(root) {
    baseComponentIcons ??= iconNamesIn(sourceFiles(join(lbcDir(root), 'src', 'lightning')), new Set());
    const projectSources = projectFiles(root, (file) => file.includes('/lwc/') && /\.(ts|html)$/.test(file));
    return iconNamesIn(projectSources, new Set(baseComponentIcons));
}

const lbcDir = (root) => join(root, 'node_modules', 'lightning-base-components');

function iconLibraryCode(root, id) {
    const category = id.replace('lightning/iconSvgTemplates', '').toLowerCase();
    if (!category || category.endsWith('rtl')) return 'export default {};\n';
    const dir = join(
        lbcDir(root),
        'src',
        'lightning',
        `iconSvgTemplates${id.slice(-category.length)}`,
        'buildTemplates',
        category
    );
    const names = [...usedIcons(root)]
        .filter((icon) => icon.startsWith(`${category}:`))
        .map((icon) => icon.slice(category.length + 1))
        .filter((name) => existsSync(join(dir, `${name}.html`)))
        .sort();
    const imports = names.map((name) => `import ${category}_${name} from ${literal(join(dir, `${name}.html`))};`);
    const entries = names.map((name) => `${category}_${name}`);
    return `${imports.join('\n')}\nexport default { ${entries.join(', ')} };\n`;
}

function moduleCode(id, { root, pages }) {
    if (id === PAGES_ID) {
        const entries = pages.map((page) => {
            const components = page.components.map(
                (name) =>
                    `{ name: ${literal(name)}, tag: ${literal(tagName(name))}, load: () => import(${literal(`c/${name}`)}) }`
            );
            return `{ key: ${literal(page.key)}, label: ${literal(page.label)}, needsLead: ${Boolean(page.needsLead)}, components: [${components.join(', ')}] }`;
        });
        return `export default [\n    ${entries.join(',\n    ')}\n];\n`;
    }
    if (ICON_TEMPLATES.test(id)) return iconLibraryCode(root, id);
    if (id === TIME_ZONE_ID) {
        const { timeZone } = JSON.parse(readFileSync(join(root, 'workbench', 'personas.json'), 'utf8'));
        return `export default ${literal(timeZone ?? 'America/Los_Angeles')};\n`;
    }
    if (id === LOCALE_ID) return `export default ${literal('en-US')};\n`;
    if (id === '@salesforce/apex') {
        return [
            `export { refreshApex } from 'wb/runtime';`,
            `export const getSObjectValue = (record, field) =>`,
            `    record?.[typeof field === 'string' ? field.split('.').pop() : field.fieldApiName];`
        ].join('\n');
    }
    const [, kind, rest] = /^@salesforce\/(\w+)\/(.+)$/.exec(id);
    switch (kind) {
        case 'apex': {
            const [apexClass, method] = rest.split('.');
            return [
                `import { apexWireAdapter, callApex } from 'wb/runtime';`,
                `const method = (params) => callApex(${literal(apexClass)}, ${literal(method)}, params);`,
                `method.adapter = apexWireAdapter(method);`,
                `export default method;`
            ].join('\n');
        }
        case 'schema': {
            const [objectApiName, ...field] = rest.split('.');
            const value = field.length ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
            return `export default ${literal(value)};\n`;
        }
        case 'user':
            return rest === 'Id'
                ? `import { session } from 'wb/runtime';\nexport default session.persona?.userId ?? session.persona?.id ?? null;\n`
                : `export default undefined;\n`;
        case 'customPermission':
            return [
                `import { session } from 'wb/runtime';`,
                `export default (session.persona?.customPermissions ?? []).includes(${literal(rest)});`
            ].join('\n');
        case 'label': {
            const name = rest.replace(/^c\./, '');
            const value = labelValues(root).get(name);
            if (value === undefined) {
                throw new Error(
                    `${id}: no Custom Label ${name} in ${labelFiles(root).length} CustomLabels files of the project. ` +
                        'Add it to the labels file of the feature folder (labels/CustomLabels.labels-meta.xml) or fix the import.'
                );
            }
            return `export default ${literal(value)};\n`;
        }
        default:
            return null;
    }
}

/** @param {{ root: string, pages: () => object[] }} options pages is read at each build (components come and go). */
export function workbenchModules({ root, pages }) {
    return {
        name: 'workbench-modules',
        async resolveId(source, importer, options) {
            if (
                source === PAGES_ID ||
                source === TIME_ZONE_ID ||
                source === LOCALE_ID ||
                ICON_TEMPLATES.test(source) ||
                /^@salesforce\/apex(\/|$)/.test(source)
            ) {
                return PREFIX + source;
            }
            if (!OWN.test(source)) return null;
            // lightning-base-components maps some @salesforce/* modules (its own labels) itself: those win.
            const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
            return resolved ?? PREFIX + source;
        },
        load(id) {
            if (!id.startsWith(PREFIX)) return null;
            return moduleCode(id.slice(PREFIX.length), { root, pages: pages() });
        }
    };
}

export const sldsAssets = (root) => join(root, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
export const hasSlds = (root) => existsSync(sldsAssets(root));
