// Seed activity log for one organisation: a few hundred entries over the eight weeks before the
// seed clock, in the portal's wording, naming the org's own systems, keys and tags. Drawn from
// an Rng of its own (seed and org index), so adding the log left the rest of the seed data as
// it was, and the same seed always gives the same history.
import type { ActivityLogLevel, EnclaveSystem, EnrolmentKey, LogEntry } from '../../src/api/types';
import { keyName, systemName } from './activity';
import { LOG_POLICIES, LOG_USERS } from './catalog';
import { Rng } from './rng';
import { DAY, stamp } from './time';

export interface LogContext {
  seed: number;
  orgIndex: number;
  clock: number;
  orgName: string;
  systems: readonly EnclaveSystem[];
  keys: readonly EnrolmentKey[];
  tags: readonly string[];
}

interface Line { message: string; userName: string | null; ipAddress: string | null }
type Template = readonly [ActivityLogLevel, number, (rng: Rng, c: LogContext) => Line];

const WEEKS = 8;
const OFFICE_IPS = ['203.0.113.10', '203.0.113.11', '198.51.100.24', '192.0.2.77'];

const user = (rng: Rng): { name: string; email: string } => {
  const [name, email] = rng.pick(LOG_USERS);
  return { name, email };
};
const by = (rng: Rng, message: string): Line => ({ message, userName: user(rng).name, ipAddress: rng.pick(OFFICE_IPS) });
const server = (message: string, ipAddress: string | null = null): Line => ({ message, userName: null, ipAddress });
const someSystem = (rng: Rng, c: LogContext): string => (c.systems.length > 0 ? systemName(rng.pick(c.systems)) : `'LAPTOP-${rng.chars(7)}' (${rng.chars(5)})`);
const someKey = (rng: Rng, c: LogContext): string => (c.keys.length > 0 ? keyName(rng.pick(c.keys)) : "'Default Enrolment Key'");
const someIp = (rng: Rng): string => `${rng.pick(['203.0.113', '198.51.100', '192.0.2'])}.${rng.int(1, 254)}`;
/** A system that has gone since: revoked or declined ones are not in the lists any more. */
const goneSystem = (rng: Rng): string => `'${rng.pick(['LAPTOP-', 'DESKTOP-', 'old-web-', 'runner-'])}${rng.chars(5)}' (${rng.chars(5)})`;

const TEMPLATES: readonly Template[] = [
  ['Information', 30, (rng) => {
    const u = user(rng);
    return { message: `User ${u.name} signed in`, userName: u.name, ipAddress: rng.pick(OFFICE_IPS) };
  }],
  ['Information', 14, (rng, c) => server(`System ${someSystem(rng, c)} enrolled with enrolment key ${someKey(rng, c)}`, someIp(rng))],
  ['Information', 6, (rng, c) => by(rng, `System ${someSystem(rng, c)} approved`)],
  ['Information', 5, (rng, c) => by(rng, `System ${someSystem(rng, c)} disabled`)],
  ['Information', 5, (rng, c) => by(rng, `System ${someSystem(rng, c)} enabled`)],
  ['Information', 4, (rng, c) => by(rng, `System ${someSystem(rng, c)} updated (${rng.pick(['tags', 'description', 'description, tags', 'gatewayRoutes', 'notes'])})`)],
  ['Information', 3, (rng) => by(rng, `System ${goneSystem(rng)} revoked`)],
  ['Information', 3, (rng, c) => by(rng, `Enrolment key ${someKey(rng, c)} created`)],
  ['Information', 4, (rng, c) => by(rng, `Enrolment key ${someKey(rng, c)} updated (${rng.pick(['usesRemaining', 'tags', 'approvalMode', 'ipConstraints'])})`)],
  ['Information', 4, (rng) => by(rng, `Policy '${rng.pick(LOG_POLICIES)}' updated`)],
  ['Information', 2, (rng, c) => by(rng, `Tag '${c.tags.length > 0 ? rng.pick(c.tags) : 'prod'}' created`)],
  ['Information', 2, (rng) => by(rng, `DNS record '${rng.pick(['web', 'db', 'grafana', 'wiki', 'build'])}.enclave' created`)],
  ['Information', 1, (rng) => by(rng, `User ${user(rng).email} invited to the organisation`)],
  ['Information', 1, (rng, c) => by(rng, `Organisation '${c.orgName}' updated (${rng.pick(['website', 'phone', 'website, phone'])})`)],
  ['Warning', 5, (rng) => ({ message: `Failed sign-in for ${user(rng).email}: wrong password`, userName: null, ipAddress: someIp(rng) })],
  ['Warning', 2, (rng) => by(rng, `System ${goneSystem(rng)} declined`)],
  ['Warning', 2, (rng, c) => server(`Enrolment key ${someKey(rng, c)} has no uses remaining`)],
  ['Warning', 2, (rng, c) => server(`System ${someSystem(rng, c)} has not been seen for 30 days`)],
  ['Error', 2, (rng, c) => server(`Enrolment refused: enrolment key ${someKey(rng, c)} is disabled`, someIp(rng))],
  ['Error', 2, (rng, c) => server(`Enrolment refused: the address is not in the IP ranges of enrolment key ${someKey(rng, c)}`, someIp(rng))],
  ['Error', 1, (rng) => ({ message: `Sign-in blocked for ${user(rng).email}: multi-factor authentication failed`, userName: null, ipAddress: someIp(rng) })],
  ['Error', 1, (rng, c) => server(`System ${someSystem(rng, c)} could not authenticate: its certificate has expired`, someIp(rng))],
];
const WEIGHTED = TEMPLATES.map((t) => [t, t[1]] as const);

/** Oldest first. */
export function generateLog(c: LogContext): LogEntry[] {
  const rng = new Rng(c.seed * 1_009 + c.orgIndex * 7_919 + 104_729);
  const count = rng.int(240, 360);
  const times: number[] = [];
  // Whole minutes, most of them in office hours (07:00–19:00 UTC), at least a minute before the clock.
  for (let i = 0; i < count; i++) {
    const day = Math.floor(c.clock / DAY) - rng.int(0, WEEKS * 7);
    const minute = rng.chance(0.8) ? rng.int(7 * 60, 19 * 60) : rng.int(0, 24 * 60 - 1);
    times.push(Math.min(day * DAY + minute * 60_000, c.clock - 60_000));
  }
  times.sort((a, b) => a - b);
  return times.map((at) => {
    const [level, , make] = rng.weighted(WEIGHTED);
    const line = make(rng, c);
    return { timeStamp: stamp(rng, at, 'Z'), level, ...line };
  });
}
