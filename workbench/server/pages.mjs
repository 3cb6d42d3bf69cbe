// The workbench's pages and the app components each shows. A component joins its page as soon as its folder exists
// in an lwc folder of the project; a page with none of its components built yet is left out.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { packageDirectories } from '../../scripts/verify/lib/project.mjs';

export const PAGES = [
    { key: 'inbox', label: 'Inbox', components: ['leadInbox'] },
    { key: 'leads', label: 'My leads', components: ['myLeads'] },
    { key: 'lead', label: 'Lead', components: ['leadStagePanel'], needsLead: true },
    {
        key: 'manager',
        label: 'Manager',
        components: [
            'queueSlaBoard',
            'firstTouchBoard',
            'speedToLead',
            'funnelConversion',
            'reasonPareto',
            'sdrLoad',
            'thresholdCalibration'
        ]
    },
    { key: 'definitions', label: 'Definitions', components: ['stageDefinitions', 'definitionChanges'] }
];

function subdirectories(dir) {
    return readdirSync(dir)
        .filter((name) => !name.startsWith('.') && name !== 'node_modules' && name !== '__tests__')
        .map((name) => join(dir, name))
        .filter((path) => statSync(path).isDirectory());
}

function lwcFolders(dir) {
    if (basename(dir) === 'lwc') return [dir];
    return subdirectories(dir).flatMap(lwcFolders);
}

/** Every LWC bundle of the project as { name, dir, entry } (entry: the built .js, which may not exist yet). */
export function projectComponents(root) {
    return packageDirectories(root)
        .filter((dir) => existsSync(dir))
        .flatMap(lwcFolders)
        .flatMap(subdirectories)
        .map((dir) => ({ name: basename(dir), dir, entry: join(dir, `${basename(dir)}.js`) }));
}

/** kebab-case tag of a c/ component: leadInbox → c-lead-inbox */
export function tagName(name) {
    return `c-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** The pages that have at least one component, each listing only the components that exist. */
export function availablePages(components) {
    const present = new Set(components.map((component) => component.name));
    return PAGES.map((page) => ({ ...page, components: page.components.filter((name) => present.has(name)) })).filter(
        (page) => page.components.length > 0
    );
}
