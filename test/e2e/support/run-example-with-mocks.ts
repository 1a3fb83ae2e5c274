/**
 * Runs a Pulumi program under `pulumi.runtime.setMocks` in a child process (`node run-example-with-mocks.js
 * <projectDir> <projectName>`, stack config in `PULUMI_CONFIG`), with the project's own `@pulumi/pulumi`, and prints one JSON line: every resource registered
 * (type, name, inputs) and the stack outputs. Mocked resources output their inputs, with `id` `<name>-id`.
 * For programs whose providers cannot run here (the alicloud plugin), to check how they wire resources.
 */
import { join } from 'node:path';

/**
 * One registration the mocks saw.
 *
 * @example
 * ```ts
 * const waiter: MockRegistration = { type: 'pulumi-nodejs:dynamic/redis-waiter:TaskWaiter', name: 'w', inputs: {} };
 * ```
 */
export interface MockRegistration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

/**
 * What the child process prints.
 *
 * @example
 * ```ts
 * const run: MockRun = JSON.parse(stdout);
 * ```
 */
export interface MockRun {
  registrations: MockRegistration[];
  outputs: Record<string, unknown>;
}

async function main(projectDir: string, project: string): Promise<void> {
  const pulumi = require(require.resolve('@pulumi/pulumi', { paths: [projectDir] })) as typeof import('@pulumi/pulumi');
  const registrations: MockRegistration[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registrations.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    project,
    'dev',
    false,
  );
  const program = require(join(projectDir, 'index.js')) as Record<string, unknown>;
  const outputs: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(program)) {
    const output = pulumi.output(value as import('@pulumi/pulumi').Input<unknown>) as import('@pulumi/pulumi').Output<unknown>;
    outputs[name] = await new Promise((resolveOutput) => output.apply((v) => resolveOutput(v)));
  }
  process.stdout.write(`${JSON.stringify({ registrations, outputs } satisfies MockRun)}\n`);
}

if (require.main === module) {
  main(process.argv[2] ?? process.cwd(), process.argv[3] ?? 'project').catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
