/**
 * A tiny loopback HTTP server for the client's integration tests: each request gets the next scripted reply
 * (a status and body, a dropped connection, or a stall), and every request is recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One scripted reply.
 *
 * @example
 * ```ts
 * const replies: ScriptedReply[] = [{ drop: true }, apiError(400, 'Throttling.User'), tasksPage(['1'])];
 * ```
 */
export type ScriptedReply =
  | { status: number; body: string; headers?: Record<string, string> }
  | { drop: true }
  | { stall: true };

/**
 * A request as the server saw it.
 *
 * @example
 * ```ts
 * const [first]: RecordedRequest[] = server.requests;
 * assert.match(first.url, /Action=DescribeTasks/);
 * ```
 */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

/**
 * A running scripted server.
 *
 * @example
 * ```ts
 * const server: ScriptedServer = await startScriptedServer([tasksPage(['1'])]);
 * await server.received(1);
 * await server.stop();
 * ```
 */
export interface ScriptedServer {
  /** `127.0.0.1:PORT`. */
  endpoint: string;
  requests: RecordedRequest[];
  /** Resolves when the server has received `n` requests. */
  received(n: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A JSON reply.
 *
 * @example
 * ```ts
 * json(200, { RequestId: 'R', Items: [] }); // { status: 200, body: '{"RequestId":"R","Items":[]}', headers: {...} }
 * ```
 */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): ScriptedReply {
  return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } };
}

/**
 * An Alibaba-style error body.
 *
 * @example
 * ```ts
 * apiError(400, 'Throttling.User', 'slow down', { 'x-acs-retry-after': '100' });
 * ```
 */
export function apiError(status: number, code: string, message = `${code} message`, headers: Record<string, string> = {}): ScriptedReply {
  return json(status, { RequestId: `REQ-${code}`, HostId: 'r-kvstore.aliyuncs.com', Code: code, Message: message, Recommend: 'https://api.aliyun.com' }, headers);
}

/**
 * A DescribeTasks success body with the given item ids.
 *
 * @example
 * ```ts
 * tasksPage(['1', '2'], 40); // page 1 of 40 tasks holding items 1 and 2
 * ```
 */
export function tasksPage(ids: string[], total = ids.length): ScriptedReply {
  return json(200, {
    RequestId: 'REQ-OK', PageNumber: 1, PageSize: 30, TotalRecordCount: total,
    Items: ids.map((TaskId) => ({ TaskId, TaskAction: 'ModifyDBInstanceClass', Status: '1', Progress: 50 })),
  });
}

/**
 * Starts a server answering with `replies` in order; requests beyond the script get a 500 with a clear message.
 *
 * @example
 * ```ts
 * const server = await startScriptedServer([apiError(503, 'ServiceUnavailable'), tasksPage(['1'])]);
 * const client = createTasksClient({ endpoint: server.endpoint, credentials: { accessKeyId: 'LTAItestkey', accessKeySecret: 'secret' } });
 * ```
 */
export async function startScriptedServer(replies: ScriptedReply[]): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    for (const w of waiters.filter((x) => requests.length >= x.n)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
    const reply = replies[requests.length - 1] ?? apiError(500, 'UnscriptedRequest');
    req.resume();
    if ('drop' in reply) {
      req.socket.destroy();
      return;
    }
    if ('stall' in reply) return;
    res.writeHead(reply.status, reply.headers ?? {});
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `127.0.0.1:${port}`,
    requests,
    received: (n) => (requests.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
