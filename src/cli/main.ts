#!/usr/bin/env node
/**
 * The `kvwait` executable: waits for Alibaba Cloud Redis (R-KVStore) tasks from a shell or a CI job.
 * See `kvwait --help`; the logic lives in {@link runCli}.
 *
 * @example
 * ```sh
 * kvwait --instance-id r-bp1... --task-action ModifyInstanceSpec --since -2m --timeout 30m
 * ```
 *
 * @packageDocumentation
 */
import { runCli } from './run-cli';

// `kvwait tasks | head -1` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // runCli reports every expected failure itself; this is a bug, so say so without a secret-bearing dump.
    process.stderr.write(`kvwait: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    process.exit(5);
  },
);
