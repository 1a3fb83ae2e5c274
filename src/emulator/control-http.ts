/**
 * The control surface over HTTP: `POST /__control/<method>` with a JSON array of arguments (or `GET` for
 * methods without arguments); answers `{"result": ...}`. No signature; loopback peers only.
 */
import type { ServerResponse } from 'node:http';
import { CONTROL_METHODS, type EmulatorControl } from './control';
import { EmulatorControlError } from './control-error';
import { isLoopback } from './options';

/**
 * Path prefix of the control routes.
 *
 * @example
 * `${emu.url}${CONTROL_PREFIX}requestCounts`; // http://127.0.0.1:PORT/__control/requestCounts
 */
export const CONTROL_PREFIX = '/__control/';

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Serve one control request.
 *
 * @example
 * // curl -X POST http://127.0.0.1:PORT/__control/setFaults -d '["DescribeTasks", {"throttleRate": 1}]'
 * handleControl(control, {method: 'POST', url: '/__control/setFaults', peer: '127.0.0.1', body}, res);
 */
export function handleControl(
  control: EmulatorControl,
  req: { method: string; url: string; peer: string | undefined; body: Buffer },
  res: ServerResponse,
): void {
  if (!isLoopback(req.peer)) {
    send(res, 403, { error: 'the control routes answer loopback peers only' });
    return;
  }
  const name = req.url.slice(CONTROL_PREFIX.length).split('?')[0];
  const method = CONTROL_METHODS.find((m) => m === name);
  if (!method) {
    send(res, 404, { error: `unknown control method "${name}"; use one of ${CONTROL_METHODS.join(', ')}` });
    return;
  }
  if (req.method !== 'POST' && req.method !== 'GET') {
    send(res, 405, { error: 'use POST (or GET without arguments)' });
    return;
  }
  let args: unknown;
  try {
    args = req.body.length === 0 ? [] : JSON.parse(req.body.toString('utf8'));
  } catch {
    send(res, 400, { error: 'the body must be a JSON array of arguments' });
    return;
  }
  if (!Array.isArray(args)) {
    send(res, 400, { error: 'the body must be a JSON array of arguments' });
    return;
  }
  try {
    const fn = control[method] as (...a: unknown[]) => unknown;
    send(res, 200, { result: fn(...args) ?? null });
  } catch (error) {
    if (error instanceof EmulatorControlError) send(res, 400, { error: error.message, field: error.field });
    else send(res, 500, { error: (error as Error).message });
  }
}
