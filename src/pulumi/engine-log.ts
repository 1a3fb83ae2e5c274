/**
 * The deployment log of one provider call: per-resource status lines in the `pulumi up` display, sent through
 * the engine's Log RPC, with plain console output as the fallback when there is no engine connection.
 *
 * Runs inside the dynamic provider process. The gRPC modules are resolved from `@pulumi/pulumi`'s own location,
 * so the client and the generated stubs always share one `@grpc/grpc-js` copy.
 *
 * @packageDocumentation
 */
import { createRequire } from 'node:module';
import type * as GrpcJs from '@grpc/grpc-js';
import type * as EngineGrpc from '@pulumi/pulumi/proto/engine_grpc_pb';
import type * as EnginePb from '@pulumi/pulumi/proto/engine_pb';

/**
 * Where a provider call reports what it is doing.
 *
 * @example
 * ```ts
 * const log = openDeploymentLog({ urn, engineAddress: engineAddressFromArgv(process.argv.slice(2)) });
 * log.status('task 123 (ModifyDBInstanceClass) running 40%');
 * log.info('task 123 (ModifyDBInstanceClass) complete in 4m05s');
 * await log.close();
 * ```
 */
export interface DeploymentLog {
  /** A transient status line on the resource's row; replaced by the next one, left out of the final summary. */
  status(message: string): void;
  /** A lasting info line attached to the resource. */
  info(message: string): void;
  /** A lasting warning attached to the resource. */
  warn(message: string): void;
  /** Waits (each line is bounded) for the lines already sent, then releases the connection. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * The console the fallback log writes to.
 *
 * @example
 * ```ts
 * const out: LogConsole = { log: (m) => lines.push(m), warn: (m) => lines.push(m) };
 * ```
 */
export type LogConsole = Pick<Console, 'log' | 'warn'>;

/**
 * Options of {@link openDeploymentLog}.
 *
 * @example
 * ```ts
 * const options: DeploymentLogOptions = { urn: 'urn:pulumi:dev::proj::pulumi-nodejs:dynamic/redis-waiter:TaskWaiter::w', engineAddress: '127.0.0.1:4000' };
 * ```
 */
export interface DeploymentLogOptions {
  /** The resource's URN; without it the log falls back to the console. */
  urn?: string | null;
  /** The engine's gRPC address; without it the log falls back to the console. */
  engineAddress?: string | null;
  /** Fallback output. Default `console`. */
  output?: LogConsole;
  /** Longest wait for one Log RPC before it falls back to the console. Default 10 s. */
  rpcTimeoutMs?: number;
}

const ADDRESS = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/;

/**
 * The engine address a dynamic provider process was started with: its LAST argument, when that looks like
 * `host:port` (the host is started as `[--logtostderr] [-v=N] [--tracing ep] <engineAddress>`). `null` otherwise.
 *
 * @example
 * ```ts
 * engineAddressFromArgv(['--logtostderr', '-v=9', '127.0.0.1:53211']); // '127.0.0.1:53211'
 * engineAddressFromArgv([]);                                           // null
 * ```
 */
export function engineAddressFromArgv(args: readonly string[]): string | null {
  const last = args[args.length - 1];
  return last !== undefined && ADDRESS.test(last) ? last : null;
}

/**
 * The short name of a resource (the part of its URN after the last `::`), for console lines.
 *
 * @example
 * ```ts
 * resourceNameFromUrn('urn:pulumi:dev::proj::pulumi-nodejs:dynamic/redis-waiter:TaskWaiter::wait-spec'); // 'wait-spec'
 * ```
 */
export function resourceNameFromUrn(urn: string): string {
  const at = urn.lastIndexOf('::');
  return at < 0 ? urn : urn.slice(at + 2);
}

class ConsoleDeploymentLog implements DeploymentLog {
  constructor(
    private readonly prefix: string,
    private readonly output: LogConsole,
  ) {}
  status(message: string): void {
    this.output.log(`${this.prefix}${message}`);
  }
  info(message: string): void {
    this.output.log(`${this.prefix}${message}`);
  }
  warn(message: string): void {
    this.output.warn(`${this.prefix}${message}`);
  }
  async close(): Promise<void> {}
}

interface EngineRpc {
  grpc: typeof GrpcJs;
  services: typeof EngineGrpc;
  messages: typeof EnginePb;
}

function loadEngineRpc(): EngineRpc {
  const fromPulumi = createRequire(require.resolve('@pulumi/pulumi/proto/engine_grpc_pb'));
  return {
    grpc: fromPulumi('@grpc/grpc-js') as typeof GrpcJs,
    services: fromPulumi('./engine_grpc_pb') as typeof EngineGrpc,
    messages: fromPulumi('./engine_pb') as typeof EnginePb,
  };
}

class EngineDeploymentLog implements DeploymentLog {
  private readonly client: EngineGrpc.EngineClient;
  /** The last line sent: lines go out one after the other, so the display shows them in order. */
  private tail: Promise<void> = Promise.resolve();
  /** After the first failed RPC every line goes to the console: a broken engine link must not slow the wait. */
  private broken = false;
  private closed = false;

  constructor(
    private readonly rpc: EngineRpc,
    address: string,
    private readonly urn: string,
    private readonly fallback: ConsoleDeploymentLog,
    private readonly rpcTimeoutMs: number,
  ) {
    this.client = new rpc.services.EngineClient(address, rpc.grpc.credentials.createInsecure());
  }

  status(message: string): void {
    this.send(this.rpc.messages.LogSeverity.INFO, message, true, () => this.fallback.status(message));
  }
  info(message: string): void {
    this.send(this.rpc.messages.LogSeverity.INFO, message, false, () => this.fallback.info(message));
  }
  warn(message: string): void {
    this.send(this.rpc.messages.LogSeverity.WARNING, message, false, () => this.fallback.warn(message));
  }

  private send(severity: EnginePb.LogSeverity, message: string, ephemeral: boolean, fallback: () => void): void {
    if (this.broken || this.closed) {
      fallback();
      return;
    }
    const request = new this.rpc.messages.LogRequest();
    request.setSeverity(severity);
    request.setMessage(message);
    request.setUrn(this.urn);
    request.setEphemeral(ephemeral);
    const send = (): Promise<void> =>
      new Promise<void>((resolve) => {
        if (this.broken) {
          fallback();
          resolve();
          return;
        }
        this.client.log(request, new this.rpc.grpc.Metadata(), { deadline: Date.now() + this.rpcTimeoutMs }, (error) => {
          if (error !== null) {
            this.broken = true;
            fallback();
          }
          resolve();
        });
      });
    this.tail = this.tail.then(send);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.tail;
    this.client.close();
  }
}

/**
 * Opens the log of one provider call: the engine's Log RPC (ephemeral status lines on the resource's row) when
 * both an engine address and a URN are known, else plain console lines prefixed with the resource name.
 * Never throws on a failed RPC: the line goes to the console instead. Always `close()` it.
 *
 * @example
 * ```ts
 * const log = openDeploymentLog({ urn: inputs.urn, engineAddress: engineAddressFromArgv(process.argv.slice(2)) });
 * try { log.status('waiting'); } finally { await log.close(); }
 * ```
 */
export function openDeploymentLog(options: DeploymentLogOptions): DeploymentLog {
  const output = options.output ?? console;
  const urn = options.urn ?? null;
  const fallback = new ConsoleDeploymentLog(urn === null ? '' : `[${resourceNameFromUrn(urn)}] `, output);
  if (urn === null || urn === '' || !options.engineAddress) return fallback;
  return new EngineDeploymentLog(loadEngineRpc(), options.engineAddress, urn, fallback, options.rpcTimeoutMs ?? 10_000);
}
