/**
 * A fake Pulumi engine: a gRPC `pulumirpc.Engine` server on loopback that records every Log call.
 */
import { emptyPb, engineGrpc, grpc } from './pulumi-rpc';

/** One recorded `Engine.Log` call. */
export interface RecordedLog {
  /** 0 debug, 1 info, 2 warning, 3 error. */
  severity: number;
  message: string;
  urn: string;
  ephemeral: boolean;
}

/** A running fake engine. */
export interface FakeEngine {
  /** `127.0.0.1:PORT`, the provider host's last argument. */
  address: string;
  logs: RecordedLog[];
  /** Log calls for one URN. */
  logsFor(urn: string): RecordedLog[];
  stop(): Promise<void>;
}

/** Starts a fake engine on a free loopback port. */
export async function startFakeEngine(): Promise<FakeEngine> {
  const logs: RecordedLog[] = [];
  const server = new grpc.Server();
  server.addService(engineGrpc.EngineService, {
    log(call: { request: import('@pulumi/pulumi/proto/engine_pb').LogRequest }, callback: (err: null, res: unknown) => void) {
      const r = call.request;
      logs.push({ severity: r.getSeverity(), message: r.getMessage(), urn: r.getUrn(), ephemeral: r.getEphemeral() });
      callback(null, new emptyPb.Empty());
    },
  } as never);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return {
    address: `127.0.0.1:${port}`,
    logs,
    logsFor: (urn) => logs.filter((l) => l.urn === urn),
    stop: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}
