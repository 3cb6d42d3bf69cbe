// scripts/setup/system-packages.sh, the first step of `npm test`: every branch, with fake java, Chromium and apt-get
// (its override variables), so that nothing is installed or uninstalled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'system-packages.sh');

function executable(path, body) {
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
}

/** A sandbox: bin/ with fakes first on PATH; java prints `javaVersion` (absent when undefined). */
function sandbox({ javaVersion, chromium }) {
    const dir = mkdtempSync(join(tmpdir(), 'system-packages-'));
    const bin = join(dir, 'bin');
    spawnSync('mkdir', [bin]);
    const java = join(bin, 'java');
    if (javaVersion) executable(java, `echo 'openjdk version "${javaVersion}" 2024-01-16' >&2`);
    const chromiumPath = join(dir, 'chromium');
    if (chromium) executable(chromiumPath, 'exit 0');
    return { dir, bin, java, chromiumPath, log: join(dir, 'apt.log') };
}

function run(box, { uid }) {
    const result = spawnSync('bash', [SCRIPT], {
        encoding: 'utf8',
        env: {
            PATH: `${box.bin}:/usr/bin:/bin`,
            JAVA: box.java,
            CHROMIUM_PATH: box.chromiumPath,
            SYSTEM_PACKAGES_UID: String(uid),
            SYSTEM_PACKAGES_LOG: box.log
        }
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

test('with Java 17 and Chromium present it passes at once and installs nothing', () => {
    const box = sandbox({ javaVersion: '17.0.9', chromium: true });
    executable(join(box.bin, 'apt-get'), `echo called >> ${box.dir}/apt-calls; exit 1`);
    const { status, output } = run(box, { uid: 1000 });
    assert.equal(status, 0, output);
    assert.match(output, /^Java 17 and Chromium \(.*chromium\) are installed\.$/);
    assert.equal(existsSync(join(box.dir, 'apt-calls')), false);
});

test('not root and packages missing: stops at once with the one command to run', () => {
    const box = sandbox({ javaVersion: undefined, chromium: false });
    const { status, output } = run(box, { uid: 1000 });
    assert.equal(status, 1);
    assert.equal(output.split('\n').length, 1, output);
    assert.match(output, /sudo apt-get install -y openjdk-17-jre-headless chromium$/);
});

test('an older Java counts as missing; a present Chromium is not asked for', () => {
    const box = sandbox({ javaVersion: '11.0.21', chromium: true });
    const { status, output } = run(box, { uid: 1000 });
    assert.equal(status, 1);
    assert.match(output, /sudo apt-get install -y openjdk-17-jre-headless$/);
});

test('as root it installs the missing packages with apt-get, its output in the log, and prints one line', () => {
    const box = sandbox({ javaVersion: undefined, chromium: false });
    // The fake apt-get "installs" by creating the fakes the script checks again afterwards.
    executable(
        join(box.bin, 'apt-get'),
        [
            `echo "apt-get $*" >> ${box.dir}/apt-calls`,
            'echo "Reading package lists... (chatter)"',
            `if [ "$1" = install ]; then`,
            `  printf '#!/bin/sh\\necho "openjdk version \\\\"17.0.9\\\\"" >&2\\n' > ${box.java}; chmod +x ${box.java}`,
            `  printf '#!/bin/sh\\n' > ${box.chromiumPath}; chmod +x ${box.chromiumPath}`,
            'fi'
        ].join('\n')
    );
    const { status, output } = run(box, { uid: 0 });
    assert.equal(status, 0, output);
    assert.equal(output, `Installed openjdk-17-jre-headless chromium with apt-get (output: ${box.log}).`);
    assert.deepEqual(readFileSync(join(box.dir, 'apt-calls'), 'utf8').trim().split('\n'), [
        'apt-get update -q',
        'apt-get install -y -q openjdk-17-jre-headless chromium'
    ]);
    assert.match(readFileSync(box.log, 'utf8'), /chatter/);
});

test('as root, when apt-get fails, it shows the end of its output and the command to run', () => {
    const box = sandbox({ javaVersion: undefined, chromium: true });
    executable(join(box.bin, 'apt-get'), 'echo "E: Unable to locate package openjdk-17-jre-headless"; exit 100');
    const { status, output } = run(box, { uid: 0 });
    assert.equal(status, 1);
    assert.match(output, /E: Unable to locate package/);
    assert.match(output, /sudo apt-get install -y openjdk-17-jre-headless$/);
});
