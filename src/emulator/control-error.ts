/**
 * The error thrown by the emulator's control surface and options for bad input (not an API answer).
 */

/**
 * Bad input to `startEmulator`, `control.*` or the HTTP control routes. `field` names what to fix.
 *
 * @example
 * throw new EmulatorControlError('timeScale', 'must be a positive number');
 */
export class EmulatorControlError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'EmulatorControlError';
  }
}
