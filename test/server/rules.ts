// Field rules shared by the create/patch routes. The API's own limits are not published; the
// numbers below are plausible choices for the mock (see README "Open questions").
import { isIP, isIPv4, isIPv6 } from 'node:net';
import { expiryInstant, isKnownTimeZone } from '../../src/time/expiry';
import type { AutoExpire, GatewayRoute, IpConstraint } from '../../src/api/types';
import { Bound, Errors, Schema, pascal } from './validation';

export const LIMITS = {
  description: 100, // key/system description length (key description is also required)
  notes: 4000,
  orgName: 100, website: 200, phone: 50,
  tag: 64,
  retentionMinutes: [0, 10080] as const, // 0 .. one week, ephemeral keys only
  bulkIds: 200, // reference §1 "Limits"
} as const;

/** Tag names: portal TagValidationExtensions (reference §3.9). */
export const TAG_PATTERN = /^([a-z0-9]+[-.])*[a-z0-9]+$/;

export const AUTO_EXPIRE: Schema = {
  timeZoneId: { kind: 'string', nullable: true }, expiryDateTime: { kind: 'string' }, expiryAction: { kind: 'string' },
};
export const IP_CONSTRAINT: Schema = { range: { kind: 'string' }, description: { kind: 'string', nullable: true } };
export const GATEWAY_ROUTE: Schema = {
  subnet: { kind: 'string' }, userEntered: { kind: 'boolean' }, weight: { kind: 'integer' }, name: { kind: 'string', nullable: true },
};

export function checkText(v: unknown, field: string, errors: Errors, max: number, required = false): void {
  if (required && (typeof v !== 'string' || v.trim() === '')) errors.add(pascal(field), `'${pascal(field)}' must not be empty.`);
  else if (typeof v === 'string' && v.length > max) {
    errors.add(pascal(field), `The length of '${pascal(field)}' must be ${max} characters or fewer. You entered ${v.length} characters.`);
  }
}

export function checkTags(names: readonly string[], errors: Errors, field = 'Tags'): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (!TAG_PATTERN.test(name) || name.length > LIMITS.tag) {
      errors.add(field, `'${name}' is not a valid tag name: use lower-case letters and digits, separated by '-' or '.'.`);
    } else if (seen.has(name)) errors.add(field, `Tag '${name}' appears more than once.`);
    seen.add(name);
  }
}

/** Enum values bind by member name, case-insensitively; returns the canonical name. */
export function parseEnum<T extends string>(v: unknown, allowed: readonly T[], at: string, errors: Errors): T | undefined {
  const hit = typeof v === 'string' ? allowed.find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
  if (hit === undefined) errors.add(at, `The JSON value could not be converted to one of: ${allowed.join(', ')}.`);
  return hit;
}

/**
 * An AutoExpire body (reference §3.1): `expiryAction` Disable or Delete; `expiryDateTime` an ISO
 * 8601 date and time (with an offset, or a wall-clock time in `timeZoneId`, UTC without one)
 * that is still in the future at `now`; `timeZoneId` optional, an IANA or common Windows zone.
 */
export function checkAutoExpire(b: Bound, at: string, errors: Errors, now: number): AutoExpire | undefined {
  const action = parseEnum(b.expiryAction, ['Disable', 'Delete'] as const, `${at}.expiryAction`, errors);
  const zone = b.timeZoneId as string | null | undefined;
  if (typeof zone === 'string' && !isKnownTimeZone(zone)) {
    errors.add(`${at}.timeZoneId`, `'${zone}' is not a time zone: use an IANA zone such as Europe/London or Etc/UTC.`);
    return undefined;
  }
  const when = b.expiryDateTime;
  const instant = typeof when === 'string' ? expiryInstant({ expiryDateTime: when, timeZoneId: zone }) : undefined;
  if (typeof when !== 'string' || instant === undefined) {
    errors.add(`${at}.expiryDateTime`, "'ExpiryDateTime' must be an ISO 8601 date and time, e.g. 2030-01-15T13:30:00Z.");
    return undefined;
  }
  if (instant <= now) {
    errors.add(`${at}.expiryDateTime`, `'ExpiryDateTime' must be in the future; ${when} has passed.`);
    return undefined;
  }
  if (!action) return undefined;
  return { timeZoneId: zone ?? null, expiryDateTime: when, expiryAction: action };
}

export function isCidr(v: string): boolean {
  const m = /^(.+)\/(\d{1,2})$/.exec(v);
  return !!m && isIPv4(m[1]) && Number(m[2]) <= 32;
}

/** An IPv4 address as a 32-bit number, for comparing the two ends of a range. */
function ipv4Number(address: string): number {
  return address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

/**
 * Why `range` is not an IP constraint the API takes, or undefined when it is: a CIDR block (IPv4
 * /0–32, IPv6 /0–128), a single IPv4 or IPv6 address, or an IPv4 range `a.b.c.d - e.f.g.h` whose
 * start is not after its end (reference §3.7).
 */
export function ipRangeProblem(range: string): string | undefined {
  const invalid = `'${range}' is not an IP address, CIDR range or 'start - end' range.`;
  const slash = range.lastIndexOf('/');
  if (slash >= 0) {
    const address = range.slice(0, slash);
    const prefix = range.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefix)) return invalid;
    if (isIPv4(address)) return Number(prefix) <= 32 ? undefined : invalid;
    if (isIPv6(address)) return Number(prefix) <= 128 ? undefined : invalid;
    return invalid;
  }
  if (isIP(range) !== 0) return undefined;
  const ends = range.split(/\s*-\s*/);
  if (ends.length !== 2 || !ends.every((end) => isIPv4(end))) return invalid;
  return ipv4Number(ends[0]) <= ipv4Number(ends[1]) ? undefined : `'${range}' starts after it ends: put the lower address first.`;
}

/** Each range once, as for tags and gateway subnets (the mock's choice: the reference is silent). */
export function checkIpConstraints(list: Bound[], errors: Errors): IpConstraint[] {
  const seen = new Set<string>();
  return list.map((c, i) => {
    const range = typeof c.range === 'string' ? c.range.trim() : '';
    const wrong = ipRangeProblem(range);
    if (wrong) errors.add(`IpConstraints[${i}].Range`, wrong);
    else if (seen.has(range)) errors.add('IpConstraints', `Range '${range}' appears more than once.`);
    seen.add(range);
    return { range, description: (c.description as string | null | undefined) ?? null };
  });
}

/** Routes replace the whole list; a subnet may appear once (portal SystemPatchModelValidator). */
export function checkGatewayRoutes(list: Bound[], errors: Errors): GatewayRoute[] {
  const seen = new Set<string>();
  return list.map((r, i) => {
    const subnet = typeof r.subnet === 'string' ? r.subnet : '';
    if (!isCidr(subnet)) errors.add(`GatewayRoutes[${i}].Subnet`, `'${subnet}' is not a valid IPv4 subnet in CIDR form.`);
    else if (seen.has(subnet)) errors.add('GatewayRoutes', `Subnet '${subnet}' appears more than once.`);
    seen.add(subnet);
    const weight = typeof r.weight === 'number' ? r.weight : 0;
    if (weight < 0) errors.add(`GatewayRoutes[${i}].Weight`, "'Weight' must be 0 or more.");
    return { subnet, userEntered: (r.userEntered as boolean | undefined) ?? true, weight, name: (r.name as string | null | undefined) ?? null };
  });
}
