/**
 * Resume tokens: a small JSON-safe record of a wait, enough to continue it in a later process.
 *
 * @packageDocumentation
 */

/**
 * Everything needed to pick a wait up again on the same task. JSON-safe (times are ISO strings).
 *
 * @example
 * ```ts
 * try { await waitForTask(opts); }
 * catch (e) {
 *   if (e instanceof TaskTimeoutError) fs.writeFileSync('wait.json', JSON.stringify(e.resumeToken));
 * }
 * // later, maybe in another process:
 * await waitForTask({ resumeToken: JSON.parse(fs.readFileSync('wait.json', 'utf8')), timeout: 30 * 60_000 });
 * ```
 */
export interface ResumeToken {
  instanceId: string;
  /** The matched task's id, once known. */
  taskId: string | null;
  /** The action(s) being matched. */
  taskAction: string[] | null;
  /** ISO time: when the mutation was sent. */
  since: string;
  /** ISO time: the original deadline. */
  deadline: string;
}
