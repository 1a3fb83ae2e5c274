/**
 * ModifyInstanceMajorVersion: upgrades EngineVersion once its task completes. Answers only a RequestId.
 */
import { apiErrors } from '../errors';
import { requireParam } from '../params';
import type { ActionHandler } from './context';

/**
 * Major versions the emulator accepts, oldest first.
 *
 * @example
 * MAJOR_VERSIONS.at(-1); // '7.0'
 */
const MAJOR_VERSIONS = ['4.0', '5.0', '6.0', '7.0'] as const;

/**
 * The ModifyInstanceMajorVersion handler (InstanceId and a MajorVersion newer than the current one required).
 *
 * @example
 * modifyInstanceMajorVersion({params: {InstanceId: 'r-1', MajorVersion: '6.0'}, state}); // {}
 */
export const modifyInstanceMajorVersion: ActionHandler = ({ params, state }) => {
  const record = state.instance(requireParam(params, 'InstanceId'));
  const version = requireParam(params, 'MajorVersion');
  const target = MAJOR_VERSIONS.indexOf(version as (typeof MAJOR_VERSIONS)[number]);
  if (target < 0) throw apiErrors.invalid('MajorVersion', `must be one of ${MAJOR_VERSIONS.join(', ')}`);
  if (target <= MAJOR_VERSIONS.indexOf(record.attrs.EngineVersion as (typeof MAJOR_VERSIONS)[number])) {
    throw apiErrors.invalid('MajorVersion', `must be newer than the current ${record.attrs.EngineVersion}`);
  }
  state.startMutation(record, 'ModifyInstanceMajorVersion', (attrs) => {
    attrs.EngineVersion = version;
  });
  return {};
};
