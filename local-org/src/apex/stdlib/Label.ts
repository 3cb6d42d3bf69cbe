// Custom labels: `Label.Name` and `System.Label.Name` read the project's labels (default language).
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_classes_label.htm
import type { StdlibClass } from './registry.ts';

export const LabelClass: StdlibClass = {
    name: 'Label',
    property: (rt, name) => {
        for (const [key, value] of rt.tx.metadata.labels) if (key.toLowerCase() === name.toLowerCase()) return value;
        return rt.unsupported(`custom label ${name} (not in the project)`);
    }
};
