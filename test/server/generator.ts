// Deterministic seed data: organisations, enrolment keys, systems and pending systems.
// Everything is drawn from one Rng in a fixed order and timed against a clock derived from the
// seed, so the same options always give byte-identical data (20,000 systems in ~100 ms).
import type {
  EnclaveSystem, EnrolmentKey, LogEntry, OrganisationProperties, Role, UnapprovedSystem, UsedTag,
} from '../../src/api/types';
import { KEY_NOTES, KEY_TEMPLATES, ORG_NAMES, PLANS, TAGS, TIME_ZONES } from './catalog';
import { makeKey } from './entities';
import { generateLog } from './generator-logs';
import { GenContext, generateSystems, generateUnapproved } from './generator-systems';
import { keySecret, tagRef } from './ids';
import { Rng } from './rng';
import { DAY, restyle, stamp } from './time';

export interface GeneratorOptions {
  seed: number;
  orgs: number;
  systemsPerOrg: number;
  keysPerOrg: number;
  unapprovedPerOrg: number;
  /** Epoch ms the data is timed against; default: a fixed instant derived from the seed. */
  now?: number;
}

export interface SeedTag {
  name: string;
  ref: string;
  colour: string | null;
  /** When a system or key last took the tag: the latest enrolment or key creation carrying it. */
  lastReferenced: string | null;
}

export interface SeedOrg {
  properties: OrganisationProperties;
  role: Role;
  partnerAccess: boolean;
  tags: SeedTag[];
  keys: EnrolmentKey[];
  systems: EnclaveSystem[];
  unapproved: UnapprovedSystem[];
  /** The activity log, oldest first (generator-logs.ts). */
  log: LogEntry[];
  /** Next free host number in 100.64.0.0/10. */
  nextAddress: number;
}

export interface SeedData { clock: number; nextKeyId: number; orgs: SeedOrg[] }

export function generate(options: GeneratorOptions): SeedData {
  const rng = new Rng(options.seed);
  // Somewhere in the first half of 2026, to the second; stable for a seed.
  const clock = options.now ?? Date.UTC(2026, 0, 1) + rng.int(0, 180 * 86_400) * 1000;
  const orgs: SeedOrg[] = [];
  let nextKeyId = rng.int(100, 900);
  for (let o = 0; o < options.orgs; o++) {
    const properties = orgProperties(rng, clock, o);
    const tags: SeedTag[] = TAGS.map(([name, colour]) => ({ name, ref: tagRef(properties.id, name), colour, lastReferenced: null }));
    const tagsByName = new Map<string, UsedTag>(tags.map((t) => [t.name, { tag: t.name, ref: t.ref, colour: t.colour }]));
    const keys: EnrolmentKey[] = [];
    for (let k = 0; k < options.keysPerOrg; k++) keys.push(generateKey(rng, clock, nextKeyId++, k, tagsByName));
    const ctx: GenContext = { rng, clock, keys, tagsByName, usedIds: new Set(), nextAddress: 2, deletedKeyId: nextKeyId++ };
    const systems = generateSystems(ctx, options.systemsPerOrg);
    const unapproved = generateUnapproved(ctx, options.unapprovedPerOrg);
    countKeyUse(keys, systems, unapproved);
    noteTagUse(tags, keys, systems);
    const log = generateLog({
      seed: options.seed, orgIndex: o, clock, orgName: properties.name, systems, keys, tags: tags.map((t) => t.name),
    });
    properties.enrolledSystems = systems.length;
    properties.unapprovedSystems = unapproved.length;
    properties.maxSystems = Math.max(properties.maxSystems, systems.length + unapproved.length);
    orgs.push({
      properties, role: o % 2 === 0 ? 'Owner' : 'Admin', partnerAccess: o === 2,
      tags, keys, systems, unapproved, log, nextAddress: ctx.nextAddress,
    });
  }
  return { clock, nextKeyId, orgs };
}

function orgProperties(rng: Rng, clock: number, index: number): OrganisationProperties {
  const base = ORG_NAMES[index % ORG_NAMES.length];
  const name = index < ORG_NAMES.length ? base : `${base} ${Math.floor(index / ORG_NAMES.length) + 1}`;
  const plan = index === 0 ? 'Business' : rng.pick(PLANS);
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    id: rng.hex(32), created: stamp(rng, clock - rng.int(400, 1500) * DAY, 'Z'), name, plan,
    billingIsPaidYearly: plan === 'Starter' ? null : rng.chance(0.5), billingRate: null, billingDisableUpdate: null,
    billingCurrencySymbol: '$', website: rng.chance(0.7) ? `https://${slug}.example.com` : null,
    phone: rng.chance(0.5) ? `+44 20 7946 0${rng.int(100, 999)}` : null,
    maxSystems: plan === 'Starter' ? 5 : plan === 'Pro' ? 100 : 1000,
    enrolledSystems: 0, unapprovedSystems: 0, featureLimits: [], trialExpiry: null, trialState: 'None',
    isSuspendedByAdmin: false, partner: null,
  };
}

function generateKey(rng: Rng, clock: number, id: number, index: number, tags: Map<string, UsedTag>): EnrolmentKey {
  const [base, type, approvalMode] = KEY_TEMPLATES[index % KEY_TEMPLATES.length];
  const round = Math.floor(index / KEY_TEMPLATES.length);
  const ephemeral = type === 'Ephemeral';
  // Index 10 is always disabled and 11 always used up, so a default org shows every status.
  const usesRemaining = index === 0 || ephemeral ? -1 : index === 11 ? 0
    : rng.weighted([[-1, 5], [0, 1], [rng.int(1, 100), 4]] as const);
  const palette = [...tags.values()];
  return makeKey({
    id, created: stamp(rng, clock - rng.int(30, 900) * DAY, 'Z'), lastUsed: null, type, approvalMode,
    key: keySecret(rng), description: round === 0 ? base : `${base} ${round + 1}`,
    isEnabled: index === 0 || (index !== 10 && rng.chance(0.88)), usesRemaining, enrolledCount: 0, unapprovedCount: 0,
    tags: rng.chance(0.6) ? rng.sample(palette, rng.int(1, 2)) : [],
    disconnectedRetentionMinutes: ephemeral ? rng.pick([15, 30, 60, 1440]) : null,
    ipConstraints: rng.chance(0.25)
      ? rng.sample([{ range: '198.51.100.0/24', description: 'Office' }, { range: '203.0.113.10', description: null },
        { range: '192.0.2.10 - 192.0.2.20', description: 'Data centre' }], rng.int(1, 2))
      : [],
    notes: rng.chance(0.3) ? rng.pick(KEY_NOTES) : null,
    autoExpire: rng.chance(0.1)
      ? { timeZoneId: rng.pick(TIME_ZONES), expiryDateTime: `${new Date(clock).getUTCFullYear() + 1}-12-31T17:00:00`, expiryAction: 'Disable' }
      : null,
  });
}

/** A tag was last referenced when the latest system or key carrying it was enrolled or created. */
function noteTagUse(tags: SeedTag[], keys: EnrolmentKey[], systems: EnclaveSystem[]): void {
  const latest = new Map<string, number>();
  const note = (names: { tag: string }[], at: string): void => {
    const ms = Date.parse(at);
    for (const { tag } of names) if (ms > (latest.get(tag) ?? -Infinity)) latest.set(tag, ms);
  };
  for (const k of keys) note(k.tags, k.created);
  for (const s of systems) note(s.tags, s.enrolledAt);
  for (const t of tags) {
    const ms = latest.get(t.name);
    t.lastReferenced = ms === undefined ? null : new Date(ms).toISOString();
  }
}

/** Counts and last use follow from who enrolled with each key. */
function countKeyUse(keys: EnrolmentKey[], systems: EnclaveSystem[], unapproved: UnapprovedSystem[]): void {
  const byId = new Map(keys.map((k) => [k.id, k]));
  const lastUsed = new Map<number, string>();
  const note = (keyId: number, at: string): void => {
    const prev = lastUsed.get(keyId);
    // Whole seconds compare as text; only a tie needs parsing (fractions and zone suffixes differ).
    const head = at.slice(0, 19);
    const prevHead = prev?.slice(0, 19);
    if (!prev || head > (prevHead as string) || (head === prevHead && Date.parse(at) > Date.parse(prev))) lastUsed.set(keyId, at);
  };
  for (const s of systems) {
    const k = byId.get(s.enrolmentKeyId);
    if (k) k.enrolledCount++;
    note(s.enrolmentKeyId, s.enrolledAt);
  }
  for (const u of unapproved) {
    const k = byId.get(u.enrolmentKeyId);
    if (k) k.unapprovedCount++;
    note(u.enrolmentKeyId, u.enrolledAt);
  }
  for (const k of keys) {
    const at = lastUsed.get(k.id);
    if (at) k.lastUsed = restyle(at, 'Z');
  }
}
