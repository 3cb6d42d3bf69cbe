// The commands and flags of the installed Salesforce CLI (`@salesforce/cli`, a devDependency), read from the oclif
// manifests its plugins ship: no CLI start-up, no network. Lets a check say that `sf org create scratch --definition-file`
// exists before a workflow runs it against an org.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** A package's folder, found the way Node looks for it (its `exports` may hide package.json from require). */
function packageDir(packageName) {
    for (const modules of require.resolve.paths(packageName) ?? []) {
        if (existsSync(join(modules, packageName, 'package.json'))) return join(modules, packageName);
    }
    return undefined;
}

function manifestOf(packageName) {
    const dir = packageDir(packageName);
    const manifest = dir && join(dir, 'oclif.manifest.json');
    return manifest && existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')) : undefined;
}

let cached;
const sortedKey = (words) => `sorted:${[...words].sort().join(' ')}`;

/**
 * Map from command id with spaces ("org create scratch") to its flags (a Map of "--name" / "-c" to the flag); with
 * flexibleTaxonomy, also from its words sorted to { id, flags }.
 */
export function sfCommands() {
    if (cached) return cached;
    cached = new Map();
    const cliDir = packageDir('@salesforce/cli');
    if (!cliDir) throw new Error('@salesforce/cli is not installed: run npm ci.');
    const cli = JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8'));
    const flexible = Boolean(cli.oclif?.flexibleTaxonomy);
    for (const name of ['@salesforce/cli', ...(cli.oclif?.plugins ?? [])]) {
        for (const command of Object.values(manifestOf(name)?.commands ?? {})) {
            const flags = new Map();
            for (const [flagName, flag] of Object.entries(command.flags ?? {})) {
                flags.set(`--${flagName}`, flag);
                if (flag.allowNo) flags.set(`--no-${flagName}`, flag);
                if (flag.char) flags.set(`-${flag.char}`, flag);
                for (const alias of flag.aliases ?? []) flags.set(`--${alias}`, flag);
            }
            for (const id of [command.id, ...(command.aliases ?? [])]) {
                cached.set(id.replaceAll(':', ' '), flags);
                // With oclif's flexibleTaxonomy the words of a command may come in any order (sf data tree import).
                if (flexible) cached.set(sortedKey(id.split(':')), { id: id.replaceAll(':', ' '), flags });
            }
        }
    }
    return cached;
}

/**
 * The longest command id that the words after `sf` start with, and the arguments after it.
 * @returns {{ id: string, flags: Map<string, object>, args: string[] } | undefined}
 */
export function resolveSfCommand(words) {
    const commands = sfCommands();
    for (let length = Math.min(words.length, 4); length > 0; length--) {
        const id = words.slice(0, length).join(' ');
        if (commands.has(id)) return { id, flags: commands.get(id), args: words.slice(length) };
        const permuted = commands.get(sortedKey(words.slice(0, length)));
        if (permuted) return { id: permuted.id, flags: permuted.flags, args: words.slice(length) };
    }
    return undefined;
}
