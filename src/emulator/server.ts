/**
 * The HTTP server: control routes, and the API pipeline (parse → version → action → authenticate → count →
 * fault → handler) answering like Alibaba's RPC gateway.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ACTIONS, API_VERSION } from './actions';
import { authenticate } from './auth';
import type { EmulatorContext } from './context';
import type { EmulatorControl } from './control';
import { CONTROL_PREFIX, handleControl } from './control-http';
import { ApiError, apiErrors, errorBody } from './errors';
import { decideFault, decideLatency, type FaultKind } from './faults';
import { parseRequest, type RawRequest } from './request-parse';

/** Largest request body accepted. */
const MAX_BODY_BYTES = 1024 * 1024;

/** An HTML gateway error page, as a load balancer in front of the API sends it. */
const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n';

/** A response to send, or a connection to drop. */
type Reply = { status: number; headers: Record<string, string>; body: string } | { drop: true };

/**
 * A running HTTP server plus what `stop` must clean.
 *
 * @example
 * const {server, shutdown}: ApiServer = createApiServer(ctx, control);
 * server.listen(0, '127.0.0.1');
 * // ... later
 * await shutdown();
 */
export interface ApiServer {
  server: Server;
  /** Clear pending latency timers and close every connection. */
  shutdown(): Promise<void>;
}

function jsonReply(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json;charset=utf-8', 'x-acs-request-id': requestId, ...headers },
    body: JSON.stringify(body),
  };
}

function faultReply(kind: Exclude<FaultKind, 'drop'>, requestId: string, hostId: string, retryAfterMs?: number): Reply {
  switch (kind) {
    case 'throttle': {
      const err = apiErrors.throttled(retryAfterMs);
      return jsonReply(err.statusCode, errorBody(err, requestId, hostId), requestId, err.headers);
    }
    case 'internal':
      return jsonReply(500, errorBody(apiErrors.internalError(), requestId, hostId), requestId);
    case 'unavailable':
      return jsonReply(503, errorBody(apiErrors.serviceUnavailable(), requestId, hostId), requestId);
    case 'html':
      return { status: 502, headers: { 'content-type': 'text/html' }, body: HTML_502 };
    case 'empty':
      return { status: 503, headers: {}, body: '' };
  }
}

/**
 * Handle one API request to a reply (pure of I/O apart from the shared context), plus the latency to apply.
 *
 * @example
 * const {reply, latencyMs} = handleApi(ctx, raw);
 */
function handleApi(ctx: EmulatorContext, raw: RawRequest): { reply: Reply; latencyMs: number; action: string; code: string } {
  const requestId = ctx.rng.uuid();
  const hostId = raw.headers.host ?? 'r-kvstore.aliyuncs.com';
  let action = '';
  let latencyMs = 0;
  try {
    const parsed = parseRequest(raw);
    action = parsed.action;
    if (parsed.version !== API_VERSION) throw apiErrors.invalidVersion();
    if (!Object.hasOwn(ACTIONS, parsed.action)) throw apiErrors.actionNotFound();
    authenticate(parsed, raw, { keys: ctx.keys, nonces: ctx.nonces, serverNowMs: ctx.clock.stamp() });
    ctx.counts.set(action, (ctx.counts.get(action) ?? 0) + 1);
    const faults = ctx.faults.forAction(action);
    if (faults) {
      latencyMs = decideLatency(faults, ctx.rng.next());
      const kind = decideFault(faults, ctx.rng.next());
      if (kind === 'drop') return { reply: { drop: true }, latencyMs, action, code: 'drop' };
      if (kind) return { reply: faultReply(kind, requestId, hostId, faults.retryAfterMs), latencyMs, action, code: kind };
    }
    const body = ACTIONS[parsed.action]({ params: parsed.params, state: ctx.state });
    return { reply: jsonReply(200, { RequestId: requestId, ...body }, requestId), latencyMs, action, code: 'OK' };
  } catch (error) {
    const err = error instanceof ApiError ? error : apiErrors.internalError();
    if (!(error instanceof ApiError)) ctx.log?.(`internal error in ${action || '-'}: ${(error as Error).stack ?? String(error)}`);
    return { reply: jsonReply(err.statusCode, errorBody(err, requestId, hostId), requestId, err.headers), latencyMs, action, code: err.code };
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function lowerHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  return out;
}

/**
 * Create (not start) the emulator's HTTP server.
 *
 * @example
 * const {server, shutdown} = createApiServer(ctx, control);
 * server.listen(0, '127.0.0.1');
 */
export function createApiServer(ctx: EmulatorContext, control: EmulatorControl): ApiServer {
  const timers = new Set<NodeJS.Timeout>();
  const deliver = (res: ServerResponse, reply: Reply): void => {
    if (res.destroyed) return;
    if ('drop' in reply) {
      res.socket?.destroy();
      return;
    }
    // A real gateway's Date header reads its own clock: send the (skewed) server clock, stamped at delivery.
    const date = new Date(ctx.clock.stamp()).toUTCString();
    res.writeHead(reply.status, { date, ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
    res.end(reply.body);
  };
  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      res.socket?.destroy();
      return;
    }
    const url = req.url ?? '/';
    if (url.startsWith(CONTROL_PREFIX)) {
      handleControl(control, { method: req.method ?? 'GET', url, peer: req.socket.remoteAddress, body }, res);
      return;
    }
    const started = ctx.clock.real();
    const { reply, latencyMs, action, code } = handleApi(ctx, { method: req.method ?? 'GET', url, headers: lowerHeaders(req), body });
    const status = 'drop' in reply ? 'drop' : reply.status;
    ctx.log?.(`${req.method} ${action || '-'} ${status} ${code} +${latencyMs}ms (${ctx.clock.real() - started}ms)`);
    if (latencyMs <= 0) {
      deliver(res, reply);
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      deliver(res, reply);
    }, latencyMs);
    timers.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  };
  const server = createServer((req, res) => void onRequest(req, res));
  return {
    server,
    shutdown: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
