/**
 * What a waiter knows at one moment: the progress snapshot handed to `onProgress`.
 *
 * @packageDocumentation
 */
import type { ResumeToken } from './resume';
import type { Task, TaskStatus, TaskStep } from './task';

/**
 * A progress report. Sent on every change the waiter sees and as a heartbeat at least every 60 s.
 *
 * @example
 * ```ts
 * await waitForTask({
 *   instanceId, taskAction: 'ModifyInstanceSpec',
 *   onProgress: (s) => console.log(`${s.currentStep ?? '-'} ${s.stepIndex}/${s.stepCount} ${s.progress ?? 0}%`),
 * });
 * ```
 */
export interface ProgressSnapshot {
  /** The matched task, or `null` while it has not appeared yet. */
  task: Task | null;
  status: TaskStatus | null;
  /** Overall percent; between polls (heartbeats) an estimate from the last ETA. */
  progress: number | null;
  currentStep: string | null;
  /** 1-based index of the current step, when known. */
  stepIndex: number | null;
  stepCount: number | null;
  steps: TaskStep[];
  /** Remaining seconds; between polls, counted down from the last server estimate. */
  remainSeconds: number | null;
  /** Milliseconds since the wait started. */
  elapsedMs: number;
  /** `true` for a heartbeat that repeats (or extrapolates) the last poll without a new API call. */
  heartbeat: boolean;
  /** Hand this to `waitForTask({ resumeToken })` to continue the same wait in another process. */
  resumeToken: ResumeToken;
}
