// Fills in the variable parts of a Custom Label: its value holds placeholders {0}, {1}, … where the values go, so a
// translation can put them where its language needs them ("Accept within: {0}", "{0} of {1} leads"). Every Lead
// Handoff component formats its labels here. Unlike Apex's String.format, quotes are plain text: no escaping.

/** The label with {n} replaced by the nth value; a placeholder without a value stays as written. */
export function formatLabel(label: string, ...values: readonly (string | number)[]): string {
    return label.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
        const value = values[Number(index)];
        return value === undefined ? placeholder : String(value);
    });
}

/** A count in words: the `one` label for exactly 1, else `other`, with the count as {0} ("1 day", "3 days"). */
export function formatCount(count: number, one: string, other: string): string {
    return formatLabel(count === 1 ? one : other, count);
}
