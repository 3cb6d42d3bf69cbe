// What the inbox benchmark measures against: synthetic MQLs inserted through local-org's DML (into the
// benchmark's temporary state folder, never data/ or .workbench-data/), and the same rows as plain static HTML.

/**
 * Inserts `count` high-fit, high-intent leads as the data-load persona through local-org's DML, 200 a statement as a
 * data load does: the product's flows promote and route them to SDR Inbound.
 */
export async function insertSyntheticMqls(backend, count) {
    const rows = [];
    for (let index = 0; index < count; index++) {
        const number = String(index + 1).padStart(4, '0');
        rows.push({
            FirstName: 'Bench',
            LastName: `Lead ${number}`,
            Company: `Benchmark Company ${number}`,
            Email: `bench.lead.${number}@example.com`,
            Title: 'VP Sales',
            Industry: 'Construction',
            NumberOfEmployees: 500 + index,
            Country: 'United States',
            LeadSource: 'Web',
            Status: 'Open - Not Contacted',
            Lifecycle_Stage__c: 'Lead',
            Fit_Score__c: 60 + (index % 40),
            Intent_Score__c: 50 + (index % 50),
            Intent_Trigger__c: 'Demo_Request'
        });
    }
    for (let start = 0; start < rows.length; start += 200) {
        const ids = await backend.insert('admin', 'Lead', rows.slice(start, start + 200));
        const failed = ids.filter((id) => !id).length;
        if (failed) throw new Error(`${failed} synthetic leads were not inserted`);
    }
}

/** Every row of a persona's inbox, through the controller's own paging. */
export async function allInboxRows(backend, persona) {
    const rows = [];
    let cursor = null;
    do {
        const page = await backend.call(persona, 'LeadInboxController', 'getInbox', {
            view: 'all',
            pageSize: 200,
            cursor
        });
        rows.push(...page.rows);
        cursor = page.nextCursor;
    } while (cursor);
    return rows;
}

const escapeHtml = (value) =>
    String(value ?? '').replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]);

/**
 * The inbox's table as a server would render it: the same SLDS stylesheet, columns, text and buttons, no script.
 * `stylesheet` is the workbench's SLDS URL, so both pages load the same CSS.
 */
export function staticInboxHtml(rows, stylesheet) {
    const body = rows
        .map(
            (row) => `<tr data-id="${escapeHtml(row.leadId)}">
<td><input type="checkbox" aria-label="Select ${escapeHtml(row.name)}"></td>
<th scope="row"><div class="slds-truncate">${escapeHtml(row.name)}</div><div class="slds-text-body_small slds-text-color_weak">${escapeHtml(row.company)}</div></th>
<td><span class="slds-badge">${escapeHtml(row.segment)}</span></td><td>${escapeHtml(row.intentTrigger)}</td>
<td>${escapeHtml(row.fitScore)}</td><td>${escapeHtml(row.intentScore)}</td><td>${escapeHtml(row.mqlAt)}</td>
<td><span class="slds-text-color_success">${escapeHtml(row.acceptBy)}</span></td>
<td><div class="slds-button-group" role="group"><button class="slds-button slds-button_brand">Accept</button><button class="slds-button slds-button_neutral">Reject</button><button class="slds-button slds-button_neutral">Recycle</button></div></td>
</tr>`
        )
        .join('\n');
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Static inbox (benchmark baseline)</title>
<link rel="stylesheet" href="${escapeHtml(stylesheet)}"></head>
<body><article class="slds-card slds-m-around_medium"><div class="slds-card__body slds-card__body_inner">
<table class="slds-table slds-table_bordered slds-table_cell-buffer" role="grid"><thead><tr>
<th scope="col"></th><th scope="col">Lead</th><th scope="col">Segment</th><th scope="col">Trigger</th><th scope="col">Fit</th>
<th scope="col">Intent</th><th scope="col">Waiting</th><th scope="col">SLA</th><th scope="col">Decision</th>
</tr></thead><tbody>
${body}
</tbody></table></div></article></body></html>`;
}
