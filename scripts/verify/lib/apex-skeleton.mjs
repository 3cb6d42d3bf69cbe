// Apex with its code blocks emptied: the class, interface and enum declarations, fields, properties and method
// signatures stay, every method, constructor and initializer body becomes blank. Parsing is the slow part of reading
// Apex (ANTLR spends it in statements and SOQL), so checks that only need members parse the skeleton. Every line
// keeps its number and every kept character its column.

/** The source with comments and string literals replaced by spaces, so braces and keywords inside them never count. */
function maskCommentsAndStrings(source) {
    const masked = source.split('');
    const blank = (from, to) => {
        for (let index = from; index < to; index++) if (masked[index] !== '\n') masked[index] = ' ';
    };
    let index = 0;
    while (index < source.length) {
        const start = index;
        if (source.startsWith('//', index)) {
            index = source.indexOf('\n', index);
            if (index < 0) index = source.length;
        } else if (source.startsWith('/*', index)) {
            index = source.indexOf('*/', index + 2);
            index = index < 0 ? source.length : index + 2;
        } else if (source[index] === "'") {
            index++;
            while (index < source.length && source[index] !== "'" && source[index] !== '\n') {
                index += source[index] === '\\' ? 2 : 1;
            }
            index++;
        } else {
            index++;
            continue;
        }
        blank(start, Math.min(index, source.length));
    }
    return masked.join('');
}

/** Index of the `}` that closes the `{` at `open` in masked source (or the end). */
function closingBrace(masked, open) {
    let depth = 0;
    for (let index = open; index < masked.length; index++) {
        if (masked[index] === '{') depth++;
        else if (masked[index] === '}' && --depth === 0) return index;
    }
    return masked.length;
}

/** Apex source with every code block emptied (same length and lines); see the top of this file. */
export function apexMemberSkeleton(source) {
    const masked = maskCommentsAndStrings(source);
    const output = source.split('');
    const fill = (from, to, text = '') => {
        let written = 0;
        for (let index = from; index < to; index++) {
            if (output[index] === '\n' || output[index] === '\r') continue;
            output[index] = written < text.length ? text[written++] : ' ';
        }
    };
    const typeBodies = [];
    let memberStart = 0;
    let index = 0;
    while (index < masked.length) {
        const char = masked[index];
        const inTypeBody = typeBodies.length > 0 || memberStart === 0;
        if (char === '{' && inTypeBody) {
            const header = masked
                .slice(memberStart, index)
                .replace(/@[\w.]+\s*(\([^)]*\))?/g, '')
                .trim();
            const close = closingBrace(masked, index);
            if (/\b(class|interface)\s+\w+/i.test(header)) {
                typeBodies.push(index);
                memberStart = index + 1;
                index++;
                continue;
            }
            if (/\benum\s+\w+/i.test(header)) {
                memberStart = close + 1;
            } else if (header.endsWith(')') || header === '' || /\bstatic$/i.test(header)) {
                fill(index + 1, close);
                memberStart = close + 1;
            } else if (header.includes('=')) {
                // A field initializer such as `= new Set<String>{ 'a' }`: the field goes on to its `;`.
                fill(index + 1, close);
            } else {
                // A property: accessors with bodies become plain `get; set;`.
                if (masked.slice(index + 1, close).includes('{')) fill(index + 1, close, ' get; set; ');
                memberStart = close + 1;
            }
            index = close + 1;
            continue;
        }
        if (char === '}' && typeBodies.length) {
            typeBodies.pop();
            memberStart = index + 1;
        } else if (char === ';' && typeBodies.length) {
            memberStart = index + 1;
        }
        index++;
    }
    return output.join('');
}
