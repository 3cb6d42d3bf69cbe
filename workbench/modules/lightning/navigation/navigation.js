// Stand-in for lightning/navigation: page references become the workbench shell's hash routes, the page's state
// as a query: #/lead/<id> for a Lead record page, #/record/<Object>/<id> for another object's record page (the
// shell shows what Salesforce would open there), #/inbox?c__view=... for the Lead_Handoff_Inbox tab (a tab's API
// name ends with the page's key). The shell listens to hashchange.
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

/** Lead_Handoff_Inbox → inbox */
const pageKeyOf = (apiName) =>
    String(apiName ?? '')
        .split('_')
        .pop()
        .toLowerCase();

/** The hash route of a page reference, or null when the workbench has no page for it. */
export function routeOf(pageReference) {
    const { type, attributes = {}, state = {} } = pageReference ?? {};
    let path = null;
    if (type === 'standard__recordPage' && attributes.recordId) {
        const objectApiName = attributes.objectApiName ?? 'Lead';
        path =
            objectApiName === 'Lead'
                ? `#/lead/${attributes.recordId}`
                : `#/record/${objectApiName}/${attributes.recordId}`;
    } else if (type === 'standard__navItemPage' || type === 'standard__namedPage') {
        const key = pageKeyOf(attributes.apiName ?? attributes.pageName);
        path = key ? `#/${key}` : null;
    } else if (type === 'standard__objectPage' && attributes.objectApiName === 'Lead') path = '#/inbox';
    if (!path) return null;
    const query = new URLSearchParams(Object.entries(state).filter(([, value]) => value != null)).toString();
    return query ? `${path}?${query}` : path;
}

function urlOf(pageReference) {
    const route = routeOf(pageReference);
    return route ? `${location.pathname}${location.search}${route}` : null;
}

export const NavigationMixin = (Base) =>
    class extends Base {
        [Navigate](pageReference, replace) {
            const url = urlOf(pageReference);
            if (!url) {
                console.warn('[workbench] no page for this page reference', pageReference);
                return;
            }
            if (replace) location.replace(url);
            else location.assign(url);
        }
        [GenerateUrl](pageReference) {
            return Promise.resolve(urlOf(pageReference) ?? '');
        }
    };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** The page reference of the current hash route. */
export function currentPageReference() {
    const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
    const [page = 'inbox', id] = path.split('/');
    const state = Object.fromEntries(new URLSearchParams(query));
    if (page === 'lead' && id) {
        return {
            type: 'standard__recordPage',
            attributes: { recordId: id, objectApiName: 'Lead', actionName: 'view' },
            state
        };
    }
    return { type: 'standard__navItemPage', attributes: { apiName: page }, state };
}

export class CurrentPageReference {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
        this.onChange = () => this.dataCallback(currentPageReference());
    }
    connect() {
        window.addEventListener('hashchange', this.onChange);
        this.onChange();
    }
    disconnect() {
        window.removeEventListener('hashchange', this.onChange);
    }
    update() {}
}
