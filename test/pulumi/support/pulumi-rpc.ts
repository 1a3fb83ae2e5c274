/**
 * The gRPC and protobuf modules of the installed `@pulumi/pulumi`, resolved from its own location so that the
 * test harness uses the same `@grpc/grpc-js` and `google-protobuf` copies as the generated stubs.
 */
import { createRequire } from 'node:module';
import type * as GrpcJs from '@grpc/grpc-js';
import type * as EngineGrpc from '@pulumi/pulumi/proto/engine_grpc_pb';
import type * as EnginePb from '@pulumi/pulumi/proto/engine_pb';
import type * as ProviderGrpc from '@pulumi/pulumi/proto/provider_grpc_pb';
import type * as ProviderPb from '@pulumi/pulumi/proto/provider_pb';
import type * as StructPb from 'google-protobuf/google/protobuf/struct_pb';
import type * as StatusPb from '@pulumi/pulumi/proto/status_pb';
import type * as EmptyPb from 'google-protobuf/google/protobuf/empty_pb';

const fromProto = createRequire(require.resolve('@pulumi/pulumi/proto/provider_grpc_pb'));

/** `@grpc/grpc-js` as `@pulumi/pulumi` loads it. */
export const grpc = fromProto('@grpc/grpc-js') as typeof GrpcJs;
/** Engine service stubs. */
export const engineGrpc = fromProto('./engine_grpc_pb') as typeof EngineGrpc;
/** Engine messages. */
export const enginePb = fromProto('./engine_pb') as typeof EnginePb;
/** ResourceProvider service stubs. */
export const providerGrpc = fromProto('./provider_grpc_pb') as typeof ProviderGrpc;
/** ResourceProvider messages. */
export const providerPb = fromProto('./provider_pb') as typeof ProviderPb;
/** `google.protobuf.Struct`. */
export const structPb = fromProto('google-protobuf/google/protobuf/struct_pb') as typeof StructPb;
/** `google.protobuf.Empty`. */
export const emptyPb = fromProto('google-protobuf/google/protobuf/empty_pb') as typeof EmptyPb;
/** `google.rpc.Status`, the shape of `grpc-status-details-bin`. */
export const statusPb = fromProto('./status_pb') as typeof StatusPb;
