// The workbench's HTTP server on 127.0.0.1: the page (with the tab's persona written in), the bundle, SLDS from
// node_modules, Apex calls to the backend, and one Server-Sent Events stream per tab relaying the backend's
// platform events (and 'build' when watch mode rebuilt the bundle, so the tab reloads).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { PRELOAD_FILE } from './build.mjs';
import { sldsAssets } from './virtual-modules.mjs';

const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.json': 'application/json'
};
const MAX_BODY_BYTES = 1_000_000;
const HEARTBEAT_MS = 25_000;

class HttpError extends Error {
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}

function sendJson(response, status, value) {
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(value));
}

async function sendFile(response, baseDir, relativePath) {
    const file = normalize(join(baseDir, relativePath));
    if (!file.startsWith(baseDir + sep)) throw new HttpError(404, 'Not found');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new HttpError(404, 'Not found');
    response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': baseDir.includes('design-system') ? 'max-age=3600' : 'no-store'
    });
    response.end(await readFile(file));
}

async function readJsonBody(request) {
    let size = 0;
    const chunks = [];
    for await (const chunk of request) {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The request is too large.');
        chunks.push(chunk);
    }
    try {
        return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
        throw new HttpError(400, 'The request body is not JSON.');
    }
}

/** A refusal from the org (an Apex exception, a record error) carries what Lightning hands the component. */
const isOrgError = (error) => error && typeof error.body?.message === 'string' && Number.isInteger(error.status);

/**
 * @param {{ root: string, backend: object, outDir: string, port: number, host?: string, log?: (line: string) => void }} options
 * @returns {Promise<{ url: string, port: number, broadcast: (type: string, data: unknown) => void, close: () => Promise<void> }>}
 */
export async function startServer({ root, backend, outDir, port, host = '127.0.0.1', log = console.log }) {
    const clientDir = join(root, 'workbench', 'client');
    const assetsDir = sldsAssets(root);
    const streams = new Set();
    const personas = backend.personas();
    const personaById = new Map(personas.map((persona) => [persona.id, persona]));

    function broadcast(type, data) {
        const frame = `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
        for (const stream of streams) stream.write(frame);
    }
    const unsubscribe = backend.subscribe((event) => broadcast('platform-event', event));

    /** The first page's chunks, fetched with the shell rather than after it (the route is in the hash, unseen here). */
    async function preloadLinks() {
        const preloads = JSON.parse(await readFile(join(outDir, PRELOAD_FILE), 'utf8').catch(() => '{}'));
        const files = Object.values(preloads)[0] ?? [];
        return files.map((file) => `<link rel="modulepreload" href="/build/${file}" />`).join('');
    }

    async function page(url, response) {
        const persona = personaById.get(url.searchParams.get('as'));
        if (!persona) {
            url.searchParams.set('as', personas[0]?.id ?? '');
            response.writeHead(302, { Location: `${url.pathname}${url.search}` });
            response.end();
            return;
        }
        const template = await readFile(join(clientDir, 'index.html'), 'utf8');
        const session = JSON.stringify({ persona, personas }).replace(/</g, '\\u003c');
        response.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' });
        response.end(
            template.replace('/*SESSION*/ null', session).replace('</head>', `${await preloadLinks()}</head>`)
        );
    }

    function events(request, response) {
        response.writeHead(200, {
            'Content-Type': 'text/event-stream; charset=utf-8',
            'Cache-Control': 'no-store',
            Connection: 'keep-alive'
        });
        response.write(': connected\n\n');
        streams.add(response);
        const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
        request.on('close', () => {
            clearInterval(heartbeat);
            streams.delete(response);
        });
    }

    async function apex(request, response, target) {
        const match = /^([A-Za-z]\w*)\.([A-Za-z]\w*)$/.exec(target);
        if (!match) throw new HttpError(404, `Not an Apex method: ${target}. Expected /apex/<Class>.<method>.`);
        const { params = {}, persona } = await readJsonBody(request);
        if (!personaById.has(persona)) {
            const known = personas.map((candidate) => candidate.id).join(', ');
            return sendJson(response, 400, {
                status: 400,
                body: { message: `Unknown persona "${persona}": use one of ${known}.` }
            });
        }
        try {
            const result = await backend.call(persona, match[1], match[2], params ?? {});
            sendJson(response, 200, { result: result ?? null });
        } catch (error) {
            // An Apex exception is the call's answer, not a failed request: the page's runtime rejects the component's
            // promise with { status, body } as Lightning does, and the browser console shows no HTTP error.
            if (!isOrgError(error)) throw error;
            sendJson(response, 200, { error: { status: error.status, body: error.body } });
        }
    }

    async function updateRecord(request, response) {
        const { persona, fields } = await readJsonBody(request);
        if (!personaById.has(persona)) throw new HttpError(400, `Unknown persona "${persona}".`);
        try {
            sendJson(response, 200, { result: await backend.updateRecord(persona, { fields: fields ?? {} }) });
        } catch (error) {
            if (!isOrgError(error)) throw error;
            sendJson(response, 200, { error: { status: error.status, body: error.body } });
        }
    }

    async function clock(request, response) {
        if (request.method === 'POST') {
            const { step } = await readJsonBody(request);
            if (step !== 'hour' && step !== 'businessDay')
                throw new HttpError(400, 'step must be hour or businessDay.');
            const now = await backend.advanceClock(step);
            broadcast('clock', { now: now.toISOString() });
        }
        sendJson(response, 200, { now: backend.now().toISOString() });
    }

    async function handle(request, response) {
        const url = new URL(request.url, `http://${request.headers.host ?? host}`);
        const path = decodeURIComponent(url.pathname);
        if (request.method === 'POST' && path.startsWith('/apex/')) return apex(request, response, path.slice(6));
        if (request.method === 'POST' && path === '/ui-api/records') return updateRecord(request, response);
        if (path === '/api/clock') return clock(request, response);
        if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Method not allowed');
        if (path === '/' || path === '/index.html') return page(url, response);
        if (path === '/events') return events(request, response);
        if (path === '/api/personas') return sendJson(response, 200, personas);
        if (path === '/api/notifications') {
            const persona = url.searchParams.get('as');
            if (!personaById.has(persona)) throw new HttpError(400, `Unknown persona "${persona}".`);
            return sendJson(response, 200, backend.notifications(persona));
        }
        if (path.startsWith('/build/')) return sendFile(response, outDir, path.slice(7));
        if (path.startsWith('/assets/')) return sendFile(response, assetsDir, path.slice(8));
        if (path === '/client/shell.css') return sendFile(response, clientDir, 'shell.css');
        if (path === '/favicon.ico') return response.writeHead(204).end();
        throw new HttpError(404, 'Not found');
    }

    const server = createServer((request, response) => {
        handle(request, response).catch((error) => {
            const status = error instanceof HttpError ? error.status : 500;
            if (status === 500) log(`${request.method} ${request.url}: ${error?.stack ?? error}`);
            if (!response.headersSent) sendJson(response, status, { status, body: { message: error.message } });
            else response.end();
        });
    });

    await new Promise((resolve, reject) => {
        server.once('error', (error) => {
            if (error.code === 'EADDRINUSE') {
                reject(
                    new Error(
                        `Port ${port} on ${host} is already in use (another workbench?). Stop that server, or choose ` +
                            `another port: npm start -- --port ${port + 1}`
                    )
                );
            } else reject(error);
        });
        server.listen(port, host, resolve);
    });
    const actualPort = server.address().port;

    return {
        url: `http://${host}:${actualPort}/`,
        port: actualPort,
        broadcast,
        async close() {
            unsubscribe?.();
            for (const stream of streams) stream.end();
            streams.clear();
            const closed = new Promise((resolve) => server.close(resolve));
            server.closeAllConnections();
            await closed;
        }
    };
}
