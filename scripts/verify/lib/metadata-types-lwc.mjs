// LightningComponentBundle.targetConfigs is typed `string` in metadata.d.ts: the API takes it as free-form XML.
// Its documented shape (LWC guide, "XML Configuration File Elements") is described here so that what can be
// checked is checked: tag and attribute names, the few enumerated attribute values, and that every
// targetConfig names only targets the bundle lists under <targets>.

/** @typedef {{ attributes?: Record<string, 'text' | 'boolean' | 'number' | string[]>, children?: Record<string, Shape>, text?: string[] | 'text' }} Shape */

/** @type {Shape} */
const TARGET_CONFIG = {
    attributes: { targets: 'text', configurationEditor: 'text' },
    children: {
        property: {
            attributes: {
                name: 'text',
                type: 'text',
                label: 'text',
                description: 'text',
                default: 'text',
                required: 'boolean',
                datasource: 'text',
                min: 'number',
                max: 'number',
                placeholder: 'text',
                role: ['inputOnly', 'outputOnly'],
                exposedTo: 'text',
                filter: 'text',
                screenResponsive: 'boolean',
                editor: 'text'
            }
        },
        propertyType: { attributes: { name: 'text', extends: 'text', label: 'text', description: 'text' } },
        objects: { children: { object: { text: 'text' } } },
        supportedFormFactors: {
            children: { supportedFormFactor: { attributes: { type: ['Small', 'Large'] } } }
        },
        actionType: { text: ['ScreenAction', 'Action'] },
        event: {
            attributes: { name: 'text', label: 'text', description: 'text' },
            children: { schema: { text: 'text' } }
        }
    }
};

/** @type {Shape} */
export const TARGET_CONFIGS = { children: { targetConfig: TARGET_CONFIG } };
