/**
 * Captures what the Pulumi SDK registers for a resource — its type, name and inputs, `__provider` included —
 * by constructing it under `pulumi.runtime.setMocks`. The serialized provider is therefore exactly the text the
 * SDK would store in the state.
 */
import * as pulumi from '@pulumi/pulumi';

/** The project and stack names the mocks run under (they appear in the URNs). */
export const MOCK_PROJECT = 'redis-waiter-test';
export const MOCK_STACK = 'dev';

/** One resource registration. */
export interface Registration {
  type: string;
  name: string;
  /** Inputs as the engine would receive them, `__provider` and `resourceUrn` included. */
  inputs: Record<string, unknown>;
  /** The URN the SDK computed for the resource. */
  urn: string;
}

const registrations = new Map<string, pulumi.runtime.MockResourceArgs>();
let mocksSet = false;

function ensureMocks(): void {
  if (mocksSet) return;
  mocksSet = true;
  void pulumi.runtime.setMocks(
    {
      newResource(args) {
        registrations.set(args.name, args);
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call(args) {
        return args.inputs;
      },
    },
    MOCK_PROJECT,
    MOCK_STACK,
    false,
  );
}

/**
 * Constructs a resource with `construct` under mocks and returns its registration.
 *
 * @example
 * const reg = await captureRegistration((name) => new TaskWaiter(name, args), 'w1');
 */
export async function captureRegistration(construct: (name: string) => pulumi.CustomResource, name: string): Promise<Registration> {
  ensureMocks();
  const resource = construct(name);
  const urn = await new Promise<string>((resolve) => resource.urn.apply(resolve));
  const args = registrations.get(name);
  if (args === undefined) throw new Error(`no registration captured for ${name}`);
  return { type: args.type, name: args.name, inputs: args.inputs as Record<string, unknown>, urn };
}
