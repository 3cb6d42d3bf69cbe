// The workbench state: local-org's store in <stateDir>/local-org-state.json, written shortly after each change. A file
// that cannot be read (not JSON, another format, an older version, the state of the earlier TypeScript backend) is
// reported in one line and moved aside, never silently dropped or half-loaded; the sample data is then seeded afresh.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Aura, LocalOrg } from './local-org.ts';

const FILE = 'local-org-state.json';
/** The state file of the TypeScript copy of the Apex this backend replaced. */
const OLDER_FILE = 'state.json';
const WRITE_DELAY_MS = 150;

export class StateFile {
    private timer: ReturnType<typeof setTimeout> | null = null;
    private org: LocalOrg | null = null;

    constructor(
        private readonly dir: string | null,
        private readonly aura: Aura,
        private readonly log: (line: string) => void
    ) {}

    private moveAside(file: string, why: string, then = '; seeding the sample data afresh'): void {
        const aside = `${file}.${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
        renameSync(file, aside);
        this.log(`Workbench state ${file} ${why}: moved aside to ${aside}${then}.`);
    }

    /** Loads the saved store into the org; false when there is none (or it was moved aside). */
    load(org: LocalOrg): boolean {
        if (!this.dir) return false;
        const older = join(this.dir, OLDER_FILE);
        if (existsSync(older))
            this.moveAside(older, 'is the older TypeScript backend state, which local-org does not read');
        const file = join(this.dir, FILE);
        if (!existsSync(file)) return false;
        let document: unknown;
        try {
            document = JSON.parse(readFileSync(file, 'utf8'));
        } catch (error) {
            this.moveAside(file, `is not JSON (${(error as Error).message})`);
            return false;
        }
        try {
            const loaded = this.aura.storeFromJson(org, document);
            for (const line of loaded.notRestored) {
                this.log(
                    `Workbench state: a scheduled path pending when it was saved is not restored: ${line} ` +
                        '(npm start -- --reset seeds the sample data and its paths afresh).'
                );
            }
            return true;
        } catch (error) {
            org.reseed();
            this.moveAside(file, `cannot be loaded (${(error as Error).message})`);
            return false;
        }
    }

    /** Saves soon (several changes in a row are written once). */
    changed(org: LocalOrg): void {
        if (!this.dir) return;
        this.org = org;
        this.timer ??= setTimeout(() => this.flush(), WRITE_DELAY_MS);
    }

    save(org: LocalOrg): void {
        this.org = org;
        this.flush();
    }

    flush(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        if (!this.dir || !this.org) return;
        mkdirSync(this.dir, { recursive: true });
        const file = join(this.dir, FILE);
        writeFileSync(`${file}.tmp`, JSON.stringify(this.aura.storeToJson(this.org)));
        renameSync(`${file}.tmp`, file);
    }
}
