// Seed systems and pending systems for one organisation (see generator.ts).
import type {
  EnclaveSystem, EnrolmentKey, GatewayRoute, SystemDnsEntry, UnapprovedSystem, UsedTag,
} from '../../src/api/types';
import { ENCLAVE_VERSIONS, GATEWAY_SUBNETS, PLATFORMS, PlatformFlavour, SYSTEM_NOTES, TIME_ZONES } from './catalog';
import { makeSystem, makeUnapproved, virtualAddress } from './entities';
import { systemId } from './ids';
import { Rng } from './rng';
import { DAY, stamp } from './time';

export interface GenContext {
  rng: Rng;
  clock: number;
  keys: EnrolmentKey[];
  tagsByName: Map<string, UsedTag>;
  usedIds: Set<string>;
  nextAddress: number;
  /** An id no key has: a few systems name a key that was deleted since. */
  deletedKeyId: number;
}

const MINUTE = 60_000;
const PLATFORM_WEIGHTS = PLATFORMS.map((p) => [p, p.weight] as const);
const PUBLIC_NETS = ['203.0.113', '198.51.100', '192.0.2']; // documentation ranges (RFC 5737)

interface KeyRef { id: number; description: string | null; deleted: boolean; type: EnrolmentKey['type']; tags: UsedTag[]; retention: number | null }

export function generateSystems(ctx: GenContext, count: number): EnclaveSystem[] {
  const { rng, clock } = ctx;
  const out: EnclaveSystem[] = [];
  const palette = [...ctx.tagsByName.values()];
  let offline = 0;
  for (let i = 0; i < count; i++) {
    const flavour = rng.weighted(PLATFORM_WEIGHTS);
    const key = pickKey(ctx, ctx.keys);
    const hostname = hostName(rng, flavour);
    const enrolledMs = clock - rng.int(60, 540 * 24 * 60) * MINUTE;
    const isEnabled = rng.chance(0.92);
    const connected = isEnabled && rng.chance(0.6);
    const neverSeen = !connected && rng.chance(0.03);
    const lastSeenMs = connected ? clock - rng.int(0, 59_000) : Math.max(enrolledMs, clock - offlineFor(rng.next(), offline++ % 4 === 3));
    const gateway = flavour.platformType === 'Linux' && rng.chance(0.08);
    const gatewayRoutes: GatewayRoute[] = gateway
      ? rng.sample(GATEWAY_SUBNETS, rng.int(1, 2)).map(([subnet, name]) => ({ subnet, userEntered: true, weight: rng.pick([0, 10, 100]), name }))
      : [];
    const tags = uniqueTags([...key.tags, ...(rng.chance(0.75) ? rng.sample(palette, rng.int(1, 3)) : [])]);
    out.push(makeSystem({
      systemId: newId(ctx), description: describe(rng, flavour, 0.15), systemType: key.type,
      connectedAt: connected ? stamp(rng, Math.max(enrolledMs, clock - rng.int(1, 20 * 24 * 60) * MINUTE), 'offset') : null,
      lastSeen: neverSeen ? null : stamp(rng, lastSeenMs, 'offset'), enrolledAt: stamp(rng, enrolledMs, 'offset'),
      enrolmentKeyId: key.id, enrolmentKeyDescription: key.description, enrolmentKeyIsDeleted: key.deleted, isEnabled,
      connectedFrom: neverSeen ? null : publicIp(rng), virtualAddress: virtualAddress(ctx.nextAddress++),
      hostname, platformType: flavour.platformType, osVersion: rng.pick(flavour.osVersions),
      enclaveVersion: rng.weighted(ENCLAVE_VERSIONS), gatewayRoutes, tags, dns: dnsFor(rng, hostname, tags),
      knownSubnets: gateway ? [...gatewayRoutes.map((r) => r.subnet).filter((s) => s !== '0.0.0.0/0'), '10.0.0.0/24'] : [],
      notes: rng.chance(0.1) ? rng.pick(SYSTEM_NOTES) : null,
      disconnectedRetentionMinutes: key.retention,
      autoExpire: rng.chance(0.02)
        ? { timeZoneId: rng.pick(TIME_ZONES), expiryDateTime: new Date(clock + rng.int(1, 60) * DAY).toISOString().slice(0, 16), expiryAction: rng.pick(['Disable', 'Delete']) }
        : null,
    }));
  }
  return out;
}

/** Pending systems wait on keys that need approval. */
export function generateUnapproved(ctx: GenContext, count: number): UnapprovedSystem[] {
  const { rng, clock } = ctx;
  const manual = ctx.keys.filter((k) => k.approvalMode === 'Manual');
  const out: UnapprovedSystem[] = [];
  for (let i = 0; i < count; i++) {
    const flavour = rng.weighted(PLATFORM_WEIGHTS);
    const key = pickKey(ctx, manual.length > 0 ? manual : ctx.keys);
    const from = publicIp(rng);
    out.push(makeUnapproved({
      systemId: newId(ctx), systemType: key.type, description: describe(rng, flavour, 0.4), enrolledFrom: from,
      enrolledAt: stamp(rng, clock - rng.int(5, 7 * 24 * 60) * MINUTE, 'Z'), tags: [...key.tags],
      enrolmentKeyId: key.id, enrolmentKeyDescription: key.description, enrolmentKeyIsDeleted: key.deleted,
      notes: rng.chance(0.2) ? 'Requested by the service desk' : null, hostname: hostName(rng, flavour),
      platformType: flavour.platformType, osVersion: rng.pick(flavour.osVersions),
      enclaveVersion: rng.weighted(ENCLAVE_VERSIONS), connectedFrom: from,
    }));
  }
  return out;
}

/**
 * How long ago a system that is not connected was last seen (`u` in [0, 1)). Every fourth one
 * is stale, 30–200 days, so even a small org has candidates for a "not seen for N days"
 * clean-up; the others went offline within 30 days, most within hours. One draw, as the uniform
 * range it replaced, so every later value of the seed data stays as it was.
 */
function offlineFor(u: number, stale: boolean): number {
  return Math.round(stale ? 30 * DAY + u * 170 * DAY : 5 * MINUTE + u ** 2 * 30 * DAY);
}

function pickKey(ctx: GenContext, keys: EnrolmentKey[]): KeyRef {
  if (keys.length === 0 || ctx.rng.chance(0.03)) {
    return { id: ctx.deletedKeyId, description: 'Old Onboarding Key', deleted: true, type: 'GeneralPurpose', tags: [], retention: null };
  }
  // The first keys (default, contractors, laptops, servers) carry most systems, as in real orgs.
  const k = keys[Math.min(keys.length - 1, Math.floor(ctx.rng.next() ** 2 * keys.length))];
  return { id: k.id, description: k.description, deleted: false, type: k.type, tags: k.tags, retention: k.disconnectedRetentionMinutes ?? null };
}

function newId(ctx: GenContext): string {
  let id = systemId(ctx.rng);
  while (ctx.usedIds.has(id)) id = systemId(ctx.rng);
  ctx.usedIds.add(id);
  return id;
}

function hostName(rng: Rng, f: PlatformFlavour): string {
  const name = rng.pick(f.hostnames).replace('#', rng.chars(7)).replace('%', String(rng.int(1, 99)).padStart(2, '0'));
  return f.platformType === 'Windows' ? name.toUpperCase() : name;
}

/** Some systems have no description so clients fall back to hostname, then ID. */
function describe(rng: Rng, f: PlatformFlavour, nullChance: number): string | null {
  if (rng.chance(nullChance)) return null;
  const d = rng.pick(f.descriptions);
  return rng.chance(0.5) ? `${d} ${rng.int(1, 40)}` : d;
}

function publicIp(rng: Rng): string {
  return `${rng.pick(PUBLIC_NETS)}.${rng.int(1, 254)}`;
}

function dnsFor(rng: Rng, hostname: string, tags: UsedTag[]): SystemDnsEntry[] {
  const out: SystemDnsEntry[] = [];
  const slug = hostname.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  if (rng.chance(0.6)) {
    out.push({ fqdn: `${slug}.enclave`, fromZoneId: 1, fromZoneName: 'enclave', fromRecordId: rng.int(1, 99_999), fromRecordName: slug, fromDirectAssignment: true, tags: null });
  }
  const web = tags.find((t) => t.tag === 'web-servers');
  if (web) out.push({ fqdn: 'web.enclave', fromZoneId: 1, fromZoneName: 'enclave', fromRecordId: 7, fromRecordName: 'web', fromDirectAssignment: false, tags: [web] });
  return out;
}

function uniqueTags(tags: UsedTag[]): UsedTag[] {
  const seen = new Map<string, UsedTag>();
  for (const t of tags) if (!seen.has(t.tag)) seen.set(t.tag, { ...t });
  return [...seen.values()];
}
