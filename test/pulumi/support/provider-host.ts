/**
 * The real dynamic provider host of `@pulumi/pulumi` (`cmd/dynamic-provider`), spawned as the engine spawns it
 * (`node <host> <engineAddress>`, in the project directory) and driven over gRPC with `ResourceProviderClient`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Struct } from 'google-protobuf/google/protobuf/struct_pb';
import { emptyPb, grpc, providerGrpc, providerPb, statusPb, structPb } from './pulumi-rpc';

type Props = Record<string, unknown>;

/** A `ServiceError` from the host, with the partial-failure details when the provider threw an error with `id`. */
export interface HostCallError extends Error {
  code: number;
  details: string;
  /** `ErrorResourceInitFailed` unpacked from `grpc-status-details-bin`, when present. */
  initFailed?: { id: string; properties: Props; reasons: string[] };
}

/** A running provider host. */
export interface ProviderHost {
  /** Everything the host wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code or signal once the process has exited. */
  exited: Promise<number | string | null>;
  getPluginInfo(): Promise<string>;
  configure(config: Props): Promise<void>;
  check(urn: string, olds: Props, news: Props): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }>;
  diff(urn: string, id: string, olds: Props, news: Props): Promise<{ changes: number; replaces: string[] }>;
  create(urn: string, props: Props): Promise<{ id: string; properties: Props }>;
  read(urn: string, id: string, props: Props): Promise<{ id: string; properties: Props; inputs: Props | null }>;
  update(urn: string, id: string, olds: Props, news: Props): Promise<{ properties: Props }>;
  delete(urn: string, id: string, props: Props): Promise<void>;
  /** Kills the process with `signal` and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Closes the client and stops the process. Idempotent. */
  stop(): Promise<void>;
}

/** Options of {@link startProviderHost}. */
export interface ProviderHostOptions {
  /** The fake engine's address: the host's last argument. */
  engineAddress: string;
  /** Working directory (the Pulumi project directory). */
  cwd: string;
  /** Extra environment variables. */
  env?: NodeJS.ProcessEnv;
}

const toStruct = (value: Props): Struct => structPb.Struct.fromJavaScript(value as never);
const fromStruct = (value: Struct | undefined): Props => (value === undefined ? {} : (value.toJavaScript() as Props));

function initFailedOf(error: { metadata?: import('@grpc/grpc-js').Metadata }): HostCallError['initFailed'] {
  const raw = error.metadata?.get('grpc-status-details-bin')[0];
  if (!(raw instanceof Buffer)) return undefined;
  for (const detail of statusPb.Status.deserializeBinary(raw).getDetailsList()) {
    if (detail.getTypeName() !== 'pulumirpc.ErrorResourceInitFailed') continue;
    const failed = providerPb.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
    return { id: failed.getId(), properties: fromStruct(failed.getProperties()), reasons: failed.getReasonsList() };
  }
  return undefined;
}

/**
 * Spawns the host, reads its port from the first stdout line and connects a `ResourceProviderClient`.
 */
export async function startProviderHost(options: ProviderHostOptions): Promise<ProviderHost> {
  const hostScript = require.resolve('@pulumi/pulumi/cmd/dynamic-provider');
  const child: ChildProcess = spawn(process.execPath, [hostScript, options.engineAddress], {
    cwd: options.cwd,
    env: { ...process.env, PULUMI_NODEJS_PROJECT: 'redis-waiter-test', ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (): void => {
      const match = /^(\d+)\r?\n/.exec(stdout);
      if (match) {
        child.stdout?.off('data', onData);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => reject(new Error(`provider host exited (${code}) before printing its port:\n${output}`)));
  });
  const client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());

  const unary = <Req, Res>(method: string, request: Req): Promise<Res> =>
    new Promise((resolve, reject) => {
      (client as unknown as Record<string, (r: Req, cb: (e: Error | null, res: Res) => void) => void>)[method](request, (error, response) => {
        if (error === null) return resolve(response);
        const e = error as HostCallError;
        e.initFailed = initFailedOf(error as never);
        reject(e);
      });
    });

  let stopped = false;
  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };

  return {
    output: () => output,
    exited,
    async getPluginInfo() {
      const info = await unary<unknown, import('@pulumi/pulumi/proto/plugin_pb').PluginInfo>('getPluginInfo', new emptyPb.Empty());
      return info.getVersion();
    },
    async configure(config) {
      const request = new providerPb.ConfigureRequest();
      request.setArgs(toStruct(config));
      request.setAcceptsecrets(true);
      await unary('configure', request);
    },
    async check(urn, olds, news) {
      const request = new providerPb.CheckRequest();
      request.setUrn(urn);
      request.setOlds(toStruct(olds));
      request.setNews(toStruct(news));
      const res = await unary<unknown, import('@pulumi/pulumi/proto/provider_pb').CheckResponse>('check', request);
      return {
        inputs: fromStruct(res.getInputs()),
        failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    async diff(urn, id, olds, news) {
      const request = new providerPb.DiffRequest();
      request.setUrn(urn);
      request.setId(id);
      request.setOlds(toStruct(olds));
      request.setNews(toStruct(news));
      const res = await unary<unknown, import('@pulumi/pulumi/proto/provider_pb').DiffResponse>('diff', request);
      return { changes: res.getChanges(), replaces: res.getReplacesList() };
    },
    async create(urn, props) {
      const request = new providerPb.CreateRequest();
      request.setUrn(urn);
      request.setProperties(toStruct(props));
      const res = await unary<unknown, import('@pulumi/pulumi/proto/provider_pb').CreateResponse>('create', request);
      return { id: res.getId(), properties: fromStruct(res.getProperties()) };
    },
    async read(urn, id, props) {
      const request = new providerPb.ReadRequest();
      request.setUrn(urn);
      request.setId(id);
      request.setProperties(toStruct(props));
      const res = await unary<unknown, import('@pulumi/pulumi/proto/provider_pb').ReadResponse>('read', request);
      return { id: res.getId(), properties: fromStruct(res.getProperties()), inputs: res.hasInputs() ? fromStruct(res.getInputs()) : null };
    },
    async update(urn, id, olds, news) {
      const request = new providerPb.UpdateRequest();
      request.setUrn(urn);
      request.setId(id);
      request.setOlds(toStruct(olds));
      request.setNews(toStruct(news));
      const res = await unary<unknown, import('@pulumi/pulumi/proto/provider_pb').UpdateResponse>('update', request);
      return { properties: fromStruct(res.getProperties()) };
    },
    async delete(urn, id, props) {
      const request = new providerPb.DeleteRequest();
      request.setUrn(urn);
      request.setId(id);
      request.setProperties(toStruct(props));
      await unary('delete', request);
    },
    kill,
    async stop() {
      if (stopped) return;
      stopped = true;
      client.close();
      await kill('SIGTERM');
    },
  };
}
