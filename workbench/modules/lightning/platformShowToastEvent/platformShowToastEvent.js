// Stand-in for lightning/platformShowToastEvent: the same event as in Lightning Experience; the workbench shell
// listens for it and renders the toast.
export const SHOW_TOAST_EVENT_NAME = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent {
    constructor(config) {
        super(SHOW_TOAST_EVENT_NAME, { bubbles: true, cancelable: true, composed: true, detail: config });
    }
}
