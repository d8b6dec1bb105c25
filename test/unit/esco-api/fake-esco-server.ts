import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sharedDataDir } from '../../support/shared-data';

/** A request as the fake server saw it. */
export interface SeenRequest {
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
}

/** Answers one request; `n` is its 1-based position among all requests the server saw. */
export type Handler = (req: SeenRequest, res: http.ServerResponse, n: number) => void | Promise<void>;

/** A running fake of the ESCO API on 127.0.0.1. */
export interface FakeEsco {
  baseUrl: string;
  requests: SeenRequest[];
  /** Most requests the server was answering at the same moment. */
  maxInFlight(): number;
  close(): Promise<void>;
}

/** Absolute path of a recorded ESCO response. */
export function sample(...segments: string[]): string {
  return sharedDataDir('esco-api-samples', ...segments);
}

const fileCache = new Map<string, string>();

/** The text of a recorded response, byte for byte. */
export function sampleText(...segments: string[]): string {
  const file = sample(...segments);
  let text = fileCache.get(file);
  if (text === undefined) {
    text = readFileSync(file, 'utf8');
    fileCache.set(file, text);
  }
  return text;
}

/** A recorded response, parsed independently of the code under test. */
export function sampleJson(...segments: string[]): any {
  return JSON.parse(sampleText(...segments));
}

/** Sends a JSON body (a string is sent as is, so recorded files go out unchanged). */
export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  res.end(text);
}

/** The API's error body shape (`{logref, status, message, _links}`). */
export function sendError(res: http.ServerResponse, status: number, message: string): void {
  sendJson(res, status, {
    logref: status === 404 ? 'NotFoundException' : 'BadInputException',
    status,
    message,
    _links: null,
  });
}

export const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';

/**
 * Serves the recorded responses for the requests they answer, 404 for anything else. The recorded
 * files carry no `selectedVersion`, so it is not part of the match; tests check it separately.
 */
export const recordedRoutes: Handler = (req, res) => {
  const q = req.query;
  const file = routeFile(req.path, q);
  if (file) sendJson(res, 200, sampleText(...file));
  else sendError(res, 404, `no recorded response for ${req.path}?${q.toString()}`);
};

function routeFile(path: string, q: URLSearchParams): string[] | undefined {
  const uri = q.get('uri');
  switch (path) {
    case '/search':
    case '/suggest2':
      if (q.get('text') === 'software engineer') return ['cognitivestaffing-2025', 'search_software_engineer.json'];
      if (q.get('text') === 'python') return ['cognitivestaffing-2025', 'search_skill_python.json'];
      return undefined;
    case '/resource/occupation':
      if (uri !== SOFTWARE_DEVELOPER) return undefined;
      return [
        'cognitivestaffing-2025',
        `occupation_software_developer_${q.get('language') === 'de' ? 'de' : 'en'}.json`,
      ];
    case '/resource/concept':
      return uri === 'http://data.europa.eu/esco/skill-type/knowledge'
        ? ['r-scraping-json-2018', 'skillset.json']
        : undefined;
    case '/resource/related':
      if (q.get('relation') !== 'hasTopConcept') return undefined;
      if (uri === 'http://data.europa.eu/esco/concept-scheme/occupations')
        return ['r-scraping-json-2018', 'destfile.json'];
      if (uri === 'http://data.europa.eu/esco/concept-scheme/skills') {
        return ['r-scraping-json-2018', q.get('offset') === '1' ? 'skills2.json' : 'skills.json'];
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeEsco(handler: Handler = recordedRoutes): Promise<FakeEsco> {
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const seen: SeenRequest = {
      path: url.pathname.replace(/^\/esco\/api/, ''),
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(seen);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    Promise.resolve(handler(seen, res, requests.length)).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // A path prefix like the real service's, so base-URL joining is exercised too.
    baseUrl: `http://127.0.0.1:${port}/esco/api`,
    requests,
    maxInFlight: () => maxInFlight,
    close: async () => {
      // Hung handlers (timeout tests) keep sockets open; drop them so close() returns.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Resolves after `ms` milliseconds. */
export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
