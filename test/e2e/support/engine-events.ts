/**
 * The engine event stream: the `--event-log` file of the CLI (JSON lines) and the Automation API's `onEvent`
 * carry the same `EngineEvent` objects.
 */
import { readFileSync } from 'node:fs';
import type { EngineEvent } from '@pulumi/pulumi/automation';

/**
 * Reads an `--event-log` file (one JSON engine event per line). A missing file reads as no events.
 *
 * @example
 * ```ts
 * const events = readEventLog(join(sandbox.dir, 'up.jsonl'));
 * ```
 */
export function readEventLog(file: string): EngineEvent[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EngineEvent);
}

/**
 * One diagnostic line attached to a resource.
 *
 * @example
 * ```ts
 * const line: ResourceDiagnostic = { urn, message: 'task 1 (RestartDBInstance) running 40%', severity: 'info', ephemeral: true };
 * ```
 */
export interface ResourceDiagnostic {
  urn: string;
  message: string;
  severity: string;
  ephemeral: boolean;
}

/**
 * The diagnostics of the resource with `urn` (the debug chatter of the engine left out), in order.
 *
 * @example
 * ```ts
 * const progress = resourceDiagnostics(events, specUrn).filter((d) => d.ephemeral);
 * ```
 */
export function resourceDiagnostics(events: readonly EngineEvent[], urn: string): ResourceDiagnostic[] {
  const found: ResourceDiagnostic[] = [];
  for (const event of events) {
    const diagnostic = event.diagnosticEvent;
    if (diagnostic === undefined || diagnostic.urn !== urn || (diagnostic.severity as string) === 'debug') continue;
    found.push({ urn, message: diagnostic.message.trimEnd(), severity: diagnostic.severity, ephemeral: diagnostic.ephemeral === true });
  }
  return found;
}

/**
 * The operation the engine reported for each resource (by name) in `resourcePreEvent`s: `create`, `update`,
 * `same`, `delete`, `refresh`, ...
 *
 * @example
 * ```ts
 * stepOps(events)['cache-restart']; // 'update'
 * ```
 */
export function stepOps(events: readonly EngineEvent[]): Record<string, string> {
  const ops: Record<string, string> = {};
  for (const event of events) {
    const metadata = event.resourcePreEvent?.metadata;
    if (metadata === undefined || metadata.type.startsWith('pulumi:')) continue;
    ops[metadata.urn.slice(metadata.urn.lastIndexOf('::') + 2)] = metadata.op;
  }
  return ops;
}
