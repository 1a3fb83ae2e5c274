/**
 * `kvwait --help` texts.
 *
 * @packageDocumentation
 */
import type { HelpCommand } from './args';

const USAGE = `Usage:
  kvwait wait  --instance-id <id> (--task-action <A[,B]> | --task-id <id>) [--since <ISO time | -10m>]
               [--timeout <90s|30m|2h>] [--region <id>] [--endpoint <host:port | http(s)://...>]
               [--not-found-grace <dur>] [--fail-on-paused] [--json] [--quiet]
  kvwait tasks --instance-id <id> [--since ...] [--until ...] [--status 0,1,2] [--json]
  kvwait --help | --version
A bare "kvwait --instance-id ..." means "kvwait wait".`;

const WAIT = `kvwait wait: block until an Alibaba Cloud Redis (R-KVStore) task finishes.

  --instance-id <id>       the instance (required)
  --task-action <A[,B]>    TaskAction(s) to match, e.g. ModifyInstanceSpec (repeatable)
  --task-id <id>           the TaskId, when known (exact match)
  --since <time>           when the change was sent: ISO time with zone, -10m, or now
                           (default: now; -24h with --task-id)
  --timeout <dur>          give up after this long (default: 60m)
  --not-found-grace <dur>  how long the task may take to appear (default: 3m)
  --fail-on-paused         exit 3 if the task pauses (default: keep waiting)
  --region <id>            region id (default: $ALIBABA_CLOUD_REGION_ID)
  --endpoint <addr>        API endpoint override, e.g. 127.0.0.1:8080 for the emulator
  --json                   print one JSON result object on stdout (progress goes to stderr)
  -q, --quiet              print only errors
Durations: 90s, 30m, 2h, 1h30m, 500ms.`;

const TASKS = `kvwait tasks: list the tasks of an instance.

  --instance-id <id>       the instance (required)
  --since <time>           window start: ISO time with zone, -10m, or now (default: -24h)
  --until <time>           window end (default: now)
  --status <list>          statuses to show: 0,1,2,4,7,8 or pending,running,complete,closed,paused,interrupted
  --region, --endpoint     as for "kvwait wait"
  --json                   print a JSON array instead of a table`;

const FOOTER = `Credentials come from the standard Alibaba Cloud chain: ALIBABA_CLOUD_ACCESS_KEY_ID,
ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN), a profile, or a RAM role.
There is no flag for a secret.

Exit codes: 0 complete, 2 usage or invalid input, 3 task closed or interrupted (or paused with
--fail-on-paused), 4 timeout or task not found, 5 API or credential error, 130 interrupted (SIGINT).`;

/**
 * The help text for a topic (`null` for the overview).
 *
 * @example
 * ```ts
 * process.stdout.write(helpText(null) + '\n');
 * ```
 */
export function helpText(topic: HelpCommand['topic']): string {
  const sections = topic === 'wait' ? [WAIT] : topic === 'tasks' ? [TASKS] : [WAIT, TASKS];
  return [USAGE, ...sections, FOOTER].join('\n\n');
}
