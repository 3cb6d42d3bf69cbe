// Stand-in for lightning/navigation: page references become the workbench shell's hash routes
// (#/lead/<id> for a Lead record page, #/<page> for a named tab); the shell listens to hashchange.
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

/** The hash route of a page reference, or null when the workbench has no page for it. */
export function routeOf(pageReference) {
    const { type, attributes = {} } = pageReference ?? {};
    if (type === 'standard__recordPage' && attributes.recordId) return `#/lead/${attributes.recordId}`;
    if (type === 'standard__navItemPage' || type === 'standard__namedPage') {
        const name = String(attributes.apiName ?? attributes.pageName ?? '').toLowerCase();
        return name ? `#/${name}` : null;
    }
    if (type === 'standard__objectPage' && attributes.objectApiName === 'Lead') return '#/inbox';
    return null;
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

function currentPageReference() {
    const [, page = 'inbox', id] = location.hash.replace(/^#/, '').split('/');
    if (page === 'lead' && id) {
        return {
            type: 'standard__recordPage',
            attributes: { recordId: id, objectApiName: 'Lead', actionName: 'view' }
        };
    }
    return { type: 'standard__navItemPage', attributes: { apiName: page }, state: {} };
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
