/**
 * Instance attributes as DescribeInstanceAttribute reports them, and how they are built from a seed.
 */

/**
 * Known instance classes and what they imply; other class names are accepted and keep the old figures.
 *
 * @example
 * INSTANCE_CLASSES['redis.master.mid.default'].capacity; // 2048
 */
const INSTANCE_CLASSES: Readonly<Record<string, { capacity: number; bandwidth: number; connections: number; qps: number }>> = {
  'redis.master.small.default': { capacity: 1024, bandwidth: 10, connections: 10000, qps: 100000 },
  'redis.master.mid.default': { capacity: 2048, bandwidth: 16, connections: 10000, qps: 100000 },
  'redis.master.stand.default': { capacity: 4096, bandwidth: 24, connections: 10000, qps: 100000 },
  'redis.master.large.default': { capacity: 8192, bandwidth: 24, connections: 20000, qps: 100000 },
  'redis.master.2xlarge.default': { capacity: 16384, bandwidth: 32, connections: 20000, qps: 100000 },
};

/**
 * The DescribeInstanceAttribute fields the emulator keeps (PascalCase as on the wire; Config as an object).
 *
 * @example
 * const attrs: InstanceAttributes = instanceFromSeed({instanceId: 'r-bp1emu000000001'}, '2024-05-01T10:00:00Z');
 * attrs.InstanceClass; // 'redis.master.small.default'
 */
export interface InstanceAttributes {
  InstanceId: string;
  InstanceName: string;
  InstanceClass: string;
  InstanceType: string;
  EngineVersion: string;
  ArchitectureType: string;
  NodeType: string;
  Capacity: number;
  Bandwidth: number;
  Connections: number;
  QPS: number;
  Config: Record<string, string>;
  RegionId: string;
  ZoneId: string;
  NetworkType: string;
  VpcId: string;
  VSwitchId: string;
  Port: number;
  ConnectionDomain: string;
  ChargeType: string;
  CreateTime: string;
}

/**
 * How to create an instance (control `addInstance`, config file `instances`). Only `instanceId` is required.
 *
 * @example
 * emu.control.addInstance({instanceId: 'r-bp1test00000001', instanceClass: 'redis.master.mid.default', engineVersion: '6.0'});
 */
export interface InstanceSeed {
  /** e.g. `r-bp1emu000000001`. */
  instanceId: string;
  instanceName?: string;
  /** Default `redis.master.small.default`. */
  instanceClass?: string;
  /** Major version, default `5.0`. */
  engineVersion?: string;
  /** Default `cn-hangzhou`. */
  regionId?: string;
  /** Default `<regionId>-h`. */
  zoneId?: string;
  /** `VPC` (default) or `CLASSIC`. */
  networkType?: 'VPC' | 'CLASSIC';
  vpcId?: string;
  vSwitchId?: string;
  /** Redis parameters, merged over the defaults. */
  config?: Record<string, string>;
}

/**
 * Redis parameters a new instance starts with.
 *
 * @example
 * DEFAULT_INSTANCE_CONFIG['maxmemory-policy']; // 'volatile-lru'
 */
const DEFAULT_INSTANCE_CONFIG: Readonly<Record<string, string>> = {
  'maxmemory-policy': 'volatile-lru',
  'hash-max-ziplist-entries': '512',
  timeout: '0',
  appendonly: 'yes',
};

/**
 * Apply an instance class: set it and, for a known class, its capacity figures.
 *
 * @example
 * applyInstanceClass(attrs, 'redis.master.mid.default'); // attrs.Capacity === 2048
 */
export function applyInstanceClass(attrs: InstanceAttributes, instanceClass: string): void {
  attrs.InstanceClass = instanceClass;
  const known = INSTANCE_CLASSES[instanceClass];
  if (known) {
    attrs.Capacity = known.capacity;
    attrs.Bandwidth = known.bandwidth;
    attrs.Connections = known.connections;
    attrs.QPS = known.qps;
  }
}

/**
 * Build the attributes of a new instance.
 *
 * @example
 * instanceFromSeed({instanceId: 'r-bp1emu000000009'}, '2024-01-01T00:00:00Z').InstanceClass; // 'redis.master.small.default'
 */
export function instanceFromSeed(seed: InstanceSeed, createTime: string): InstanceAttributes {
  const regionId = seed.regionId ?? 'cn-hangzhou';
  const vpc = (seed.networkType ?? 'VPC') === 'VPC';
  const attrs: InstanceAttributes = {
    InstanceId: seed.instanceId,
    InstanceName: seed.instanceName ?? seed.instanceId,
    InstanceClass: '',
    InstanceType: 'Redis',
    EngineVersion: seed.engineVersion ?? '5.0',
    ArchitectureType: 'standard',
    NodeType: 'double',
    Capacity: 1024,
    Bandwidth: 10,
    Connections: 10000,
    QPS: 100000,
    Config: { ...DEFAULT_INSTANCE_CONFIG, ...seed.config },
    RegionId: regionId,
    ZoneId: seed.zoneId ?? `${regionId}-h`,
    NetworkType: vpc ? 'VPC' : 'CLASSIC',
    VpcId: vpc ? (seed.vpcId ?? 'vpc-bp1emulator0001') : '',
    VSwitchId: vpc ? (seed.vSwitchId ?? 'vsw-bp1emulator0001') : '',
    Port: 6379,
    ConnectionDomain: `${seed.instanceId}.redis.rds.aliyuncs.com`,
    ChargeType: 'PostPaid',
    CreateTime: createTime,
  };
  applyInstanceClass(attrs, seed.instanceClass ?? 'redis.master.small.default');
  return attrs;
}
