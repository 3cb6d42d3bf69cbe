// The workbench shell: header with the persona switch (kept in the URL, ?as=sdr-a, so each tab can be another
// person), one tab per page, the app components mounted with createElement, toasts from ShowToastEvent, and
// reload when the server rebuilt the bundle. Routes live in the hash: #/inbox, #/lead/<id>, #/manager, ...
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import pages from 'workbench:pages';
import { callApex, onServerEvent, session } from 'wb/runtime';

const HANDOFF_CHANNEL = '/event/Lead_Handoff_Event__e';
const LAST_LEAD_KEY = 'workbench:lastLead';
const TOAST_MS = { success: 4000, info: 4000, warning: 8000, error: 10000 };

const app = document.getElementById('app');
// LightningModal hides the rest of the page with aria-hidden while it is open; the page behind must not take focus
// either (axe aria-hidden-focus), as in Lightning Experience, where the modal traps focus: mirror it as `inert`.
new MutationObserver(() => {
    app.inert = app.getAttribute('aria-hidden') === 'true';
}).observe(app, { attributes: true, attributeFilter: ['aria-hidden'] });
let mounted = null;

function element(tag, attributes = {}, children = []) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === undefined || value === null || value === false) continue;
        if (name === 'text') node.textContent = value;
        else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
        else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
}

function route() {
    const [page, id] = location.hash.replace(/^#\/?/, '').split('?')[0].split('/');
    const known = pages.find((candidate) => candidate.key === page) ?? pages[0];
    return { page: known, leadId: known?.key === 'lead' ? id || sessionStorage.getItem(LAST_LEAD_KEY) : null };
}

function hrefFor(pageKey, leadId) {
    return `${location.pathname}${location.search}#/${pageKey}${leadId ? `/${leadId}` : ''}`;
}

// ---------------------------------------------------------------------------------------------- header

function personaSwitch() {
    const select = element('select', {
        class: 'slds-select',
        id: 'persona',
        onchange: (event) => {
            const params = new URLSearchParams(location.search);
            params.set('as', event.target.value);
            location.search = params.toString();
        }
    });
    for (const persona of session.personas) {
        const option = element('option', { value: persona.id, text: persona.name });
        option.selected = persona.id === session.persona?.id;
        select.append(option);
    }
    return element('div', { class: 'slds-form-element workbench__persona' }, [
        element('label', { class: 'slds-form-element__label', for: 'persona', text: 'Signed in as' }),
        element('div', { class: 'slds-form-element__control' }, [
            element('div', { class: 'slds-select_container' }, [select])
        ])
    ]);
}

// The workbench clock drives the org's: moving it runs the scheduled paths it passes (an SLA breach escalates).
const clockFormat = new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short'
});
const clockLabel = element('span', { class: 'slds-text-body_small', 'data-id': 'clock-now', 'aria-live': 'polite' });

function showClock(iso) {
    if (iso) clockLabel.textContent = `Clock: ${clockFormat.format(new Date(iso))}`;
}

async function readClock() {
    const response = await fetch('/api/clock').catch(() => null);
    showClock((await response?.json().catch(() => null))?.now);
}

async function moveClock(step, button) {
    button.disabled = true;
    try {
        const response = await fetch('/api/clock', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ step })
        });
        showClock((await response.json()).now);
    } finally {
        button.disabled = false;
    }
}

function clockControl() {
    const button = (step, label) => {
        const node = element('button', {
            class: 'slds-button slds-button_neutral',
            'data-id': `clock-${step}`,
            title: `Move the clock ${label}: scheduled paths due by then run`,
            text: label
        });
        node.addEventListener('click', () => moveClock(step, node));
        return node;
    };
    return element('div', { class: 'slds-grid slds-grid_vertical-align-center slds-gutters_xx-small' }, [
        element('div', { class: 'slds-col' }, [clockLabel]),
        element('div', { class: 'slds-col slds-button-group', role: 'group' }, [
            button('hour', '+1 hour'),
            button('businessDay', '+1 business day')
        ])
    ]);
}

// The bell of Lightning's global header: the custom notifications that reached this persona (arrival of new MQLs,
// due-soon reminders, breaches), newest first; each opens its lead. Read again when the page, the clock or the org's
// events change.
const bellCount = element('span', { class: 'workbench__bell-count', 'data-id': 'bell-count', 'aria-hidden': 'true' });
const bellList = element('div', {
    class: 'slds-popover slds-popover_medium slds-nubbin_top-right workbench__bell-list',
    id: 'bell-list',
    role: 'dialog',
    'aria-label': 'Notifications',
    hidden: true
});
const bellButton = element(
    'button',
    {
        class: 'slds-button slds-button_icon slds-button_icon-border-filled workbench__bell',
        'data-id': 'bell',
        'aria-expanded': 'false',
        'aria-controls': 'bell-list',
        onclick: () => {
            const open = bellList.hidden;
            bellList.hidden = !open;
            bellButton.setAttribute('aria-expanded', String(open));
        }
    },
    [utilityIcon('notification', 'slds-button__icon'), element('span', { class: 'slds-assistive-text', text: '' })]
);
const bellTimeFormat = new Intl.DateTimeFormat('en-US', { weekday: 'short', hour: 'numeric', minute: '2-digit' });

async function readNotifications() {
    const persona = session.persona?.id;
    if (!persona) return;
    const response = await fetch(`/api/notifications?as=${encodeURIComponent(persona)}`).catch(() => null);
    const notifications = (await response?.json().catch(() => null)) ?? [];
    if (!Array.isArray(notifications)) return;
    bellCount.textContent = notifications.length ? String(notifications.length) : '';
    bellButton.querySelector('.slds-assistive-text').textContent = `Notifications: ${notifications.length}`;
    const items = notifications.map((notification) =>
        element('li', { class: 'slds-p-vertical_x-small workbench__bell-item', 'data-id': 'bell-item' }, [
            element('a', {
                href: notification.targetId ? hrefFor('lead', notification.targetId) : hrefFor('inbox'),
                class: 'slds-text-heading_small',
                text: notification.title
            }),
            element('p', { text: notification.body }),
            element('p', {
                class: 'slds-text-body_small slds-text-color_weak',
                text: bellTimeFormat.format(new Date(notification.sentAt))
            })
        ])
    );
    bellList.replaceChildren(
        element('div', { class: 'slds-popover__body' }, [
            element('h2', { class: 'slds-text-heading_small slds-m-bottom_x-small', text: 'Notifications' }),
            items.length
                ? element('ul', { class: 'slds-has-dividers_bottom-space' }, items)
                : element('p', { class: 'slds-text-color_weak', text: 'No notifications yet.' })
        ])
    );
}

function bell() {
    return element('div', { class: 'workbench__bell-anchor' }, [bellButton, bellCount, bellList]);
}

function header() {
    return element('header', { class: 'workbench__header slds-p-horizontal_medium slds-p-vertical_small' }, [
        element('div', { class: 'slds-grid slds-grid_vertical-align-center slds-wrap slds-gutters_small' }, [
            element('div', { class: 'slds-col slds-has-flexi-truncate' }, [
                element('h1', { class: 'slds-text-heading_medium', text: 'Lead Handoff workbench' }),
                element('p', {
                    class: 'slds-text-body_small slds-text-color_weak',
                    text: 'A local preview on the sample data: not a Salesforce org.'
                })
            ]),
            element('div', { class: 'slds-col slds-no-flex' }, [clockControl()]),
            element('div', { class: 'slds-col slds-no-flex' }, [bell()]),
            element('div', { class: 'slds-col slds-no-flex' }, [personaSwitch()]),
            element('div', {
                class: 'slds-col slds-no-flex slds-text-body_small slds-text-color_weak',
                'data-id': 'persona-description',
                text: session.persona?.description ?? ''
            })
        ])
    ]);
}

function tabs(current) {
    const items = pages.map((page) => {
        const active = page.key === current.key;
        return element(
            'li',
            { class: `slds-tabs_default__item${active ? ' slds-is-active' : ''}`, role: 'presentation' },
            [
                element('a', {
                    class: 'slds-tabs_default__link',
                    href: hrefFor(page.key),
                    role: 'tab',
                    'aria-selected': active ? 'true' : 'false',
                    'data-page': page.key,
                    text: page.label
                })
            ]
        );
    });
    return element('div', { class: 'slds-tabs_default workbench__tabs slds-p-horizontal_medium' }, [
        element('ul', { class: 'slds-tabs_default__nav', role: 'tablist' }, items)
    ]);
}

// ----------------------------------------------------------------------------------------------- pages

async function mount(name, tag, load, props = {}) {
    const { default: Ctor } = await load();
    const node = createElement(tag, { is: Ctor });
    Object.assign(node, props);
    return node;
}

function openLeadFromInbox(event) {
    // The lead's name cell of an inbox row (not its buttons or checkbox) opens the Lead page.
    const path = event.composedPath();
    if (path.some((node) => node.tagName === 'BUTTON' || node.tagName === 'INPUT')) return;
    if (!path.some((node) => node.tagName === 'TH' && node.getAttribute?.('scope') === 'row')) return;
    const row = path.find((node) => node.tagName === 'TR' && node.dataset?.id);
    if (row) location.hash = `#/lead/${row.dataset.id}`;
}

async function leadPicker(leadId) {
    const select = element('select', {
        class: 'slds-select',
        id: 'lead-picker',
        onchange: (event) => {
            if (event.target.value) location.hash = `#/lead/${event.target.value}`;
        }
    });
    select.append(element('option', { value: '', text: 'Choose a lead from your inbox or your leads…' }));
    const label = (lead) => `${lead.name}${lead.company ? ` · ${lead.company}` : ''}`;
    const group = (title, leads) => {
        if (leads.length === 0) return;
        const optgroup = element('optgroup', { label: title });
        for (const lead of leads) optgroup.append(element('option', { value: lead.leadId, text: label(lead) }));
        select.append(optgroup);
    };
    // A persona without the inbox or My leads can still open a lead by its link.
    const settle = (promise) => promise.catch(() => null);
    const [inbox, mine] = await Promise.all([
        settle(callApex('LeadInboxController', 'getInbox', { view: 'all', pageSize: 200, cursor: null })),
        settle(callApex('MyLeadsController', 'getMyLeads', {}))
    ]);
    group('Inbox', inbox?.rows ?? []);
    group('My leads', mine?.leads ?? []);
    if (leadId && ![...select.options].some((option) => option.value === leadId)) {
        // Any other lead (converted, recycled, someone else's) by its name, as the stage panel reads it.
        const panel = await settle(callApex('LeadStagePanelController', 'getPanel', { leadId }));
        select.append(element('option', { value: leadId, text: panel ? label(panel) : leadId }));
    }
    select.value = leadId ?? '';
    return element('div', { class: 'slds-form-element slds-m-bottom_small' }, [
        element('label', { class: 'slds-form-element__label', for: 'lead-picker', text: 'Lead' }),
        element('div', { class: 'slds-form-element__control' }, [
            element('div', { class: 'slds-select_container' }, [select])
        ])
    ]);
}

/** #/record/<Object>/<id>: another object's record page, which the workbench does not have. */
function otherRecordRoute() {
    const [page, objectApiName, recordId] = location.hash.replace(/^#\/?/, '').split('?')[0].split('/');
    return page === 'record' && objectApiName && recordId ? { objectApiName, recordId } : null;
}

async function renderPage() {
    readNotifications();
    const other = otherRecordRoute();
    if (other) {
        const text = `${other.objectApiName} ${other.recordId}: in Salesforce this opens the record's page; the workbench has pages for leads only.`;
        const container = element('main', { class: 'workbench__page slds-p-around_medium', 'data-page': 'record' }, [
            element('p', { 'data-id': 'other-record', text })
        ]);
        app.replaceChildren(header(), tabs({}), container);
        mounted = { page: null, leadId: null, nodes: [] };
        return;
    }
    const { page, leadId } = route();
    const container = element('main', { class: 'workbench__page slds-p-around_medium', 'data-page': page?.key });
    app.replaceChildren(header(), tabs(page ?? {}), container);
    mounted = { page, leadId, nodes: [] };
    if (!page) {
        container.append(element('p', { text: 'No app component is built yet: run npm run build.' }));
        return;
    }
    if (page.needsLead) {
        container.append(await leadPicker(leadId));
        if (!leadId) {
            container.append(
                element('p', {
                    class: 'slds-text-color_weak',
                    text: "Pick a lead, or click a lead's name in the Inbox."
                })
            );
            return;
        }
        sessionStorage.setItem(LAST_LEAD_KEY, leadId);
    }
    const current = mounted;
    for (const component of page.components) {
        const props = page.needsLead ? { recordId: leadId } : {};
        const node = await mount(component.name, component.tag, component.load, props);
        if (mounted !== current) return;
        if (page.key === 'inbox') node.addEventListener('click', openLeadFromInbox);
        current.nodes.push(node);
        container.append(node);
    }
}

// ---------------------------------------------------------------------------------------------- toasts

const toastRegion = element('div', { class: 'slds-notify_container workbench__toasts' });
document.body.append(toastRegion);

/** An icon from the SLDS utility sprite the server serves from node_modules. */
function utilityIcon(name, svgClass) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', svgClass);
    svg.setAttribute('aria-hidden', 'true');
    const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
    use.setAttribute('href', `/assets/icons/utility-sprite/svg/symbols.svg#${name}`);
    svg.append(use);
    return svg;
}

function showToast({ title, message, variant = 'info', mode = 'dismissible' }) {
    const theme = ['success', 'warning', 'error', 'info'].includes(variant) ? variant : 'info';
    const close = element(
        'button',
        { class: 'slds-button slds-button_icon slds-button_icon-inverse slds-notify__close', title: 'Close' },
        [
            utilityIcon('close', 'slds-button__icon slds-button__icon_large'),
            element('span', { class: 'slds-assistive-text', text: 'Close' })
        ]
    );
    const icon = element(
        'span',
        { class: `slds-icon_container slds-icon-utility-${theme} slds-m-right_small slds-no-flex slds-align-top` },
        [utilityIcon(theme, 'slds-icon slds-icon_small')]
    );
    const toast = element(
        'div',
        { class: `slds-notify slds-notify_toast slds-theme_${theme}`, role: 'status', 'data-variant': theme },
        [
            icon,
            element('div', { class: 'slds-notify__content' }, [
                element('h2', { class: 'slds-text-heading_small', text: title ?? '' }),
                message ? element('p', { text: message }) : null
            ]),
            close
        ]
    );
    close.addEventListener('click', () => toast.remove());
    toastRegion.append(toast);
    if (mode !== 'sticky') setTimeout(() => toast.remove(), TOAST_MS[theme]);
}

document.addEventListener('lightning__showtoast', (event) => showToast(event.detail ?? {}));

// ------------------------------------------------------------------------------------------ live updates

onServerEvent('platform-event', (message) => {
    readNotifications();
    // Lightning Data Service would refresh an open record page: the Lead page reloads its panel.
    if (message.channel !== HANDOFF_CHANNEL || !mounted?.page?.needsLead) return;
    if (message.data?.payload?.Lead_Id__c !== mounted.leadId) return;
    for (const node of mounted.nodes) node.recordId = mounted.leadId;
});
onServerEvent('build', () => location.reload());
onServerEvent('clock', (message) => {
    // Every tab follows the clock: the page is mounted again so its components read the org at the new time.
    showClock(message?.now);
    renderPage();
});
window.addEventListener('workbench:recordupdate', () => {
    if (mounted?.page?.needsLead) for (const node of mounted.nodes) node.recordId = mounted.leadId;
});
window.addEventListener('hashchange', renderPage);

if (!session.persona) {
    app.replaceChildren(element('p', { class: 'slds-p-around_medium', text: 'The workbench server sent no persona.' }));
} else {
    readClock();
    renderPage();
}
