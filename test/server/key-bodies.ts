// Enrolment key create / patch bodies (reference §3.7) and their rules:
// - description: required, at most 100 characters;
// - usesRemaining: -1 (unlimited) or more; 0 is refused on create (a key nobody can use) but
//   allowed on patch, where it exhausts the key (status NoUsesRemaining);
// - disconnectedRetentionMinutes: Ephemeral keys only, 0..10080; default 15 when omitted
//   (SDK-DATA's documented default; the portal sends 30 — open question 17);
// - defaults on create: type GeneralPurpose, approvalMode Manual, usesRemaining -1.
import type { ApprovalMode, EnrolmentKey, SystemType } from '../../src/api/types';
import type { OrgContext } from './http';
import { AUTO_EXPIRE, checkAutoExpire, checkIpConstraints, checkTags, checkText, IP_CONSTRAINT, LIMITS, parseEnum } from './rules';
import type { KeyChanges } from './store';
import type { KeyCreateFields } from './store-enrol';
import { Bound, bind, Errors, readJsonObject, Schema } from './validation';

const COMMON: Schema = {
  description: { kind: 'string' }, approvalMode: { kind: 'string' }, usesRemaining: { kind: 'integer' },
  ipConstraints: { kind: 'object[]', nullable: true, fields: IP_CONSTRAINT }, tags: { kind: 'string[]', nullable: true },
  disconnectedRetentionMinutes: { kind: 'integer', nullable: true }, notes: { kind: 'string', nullable: true },
  autoExpire: { kind: 'object', nullable: true, fields: AUTO_EXPIRE },
};
const TYPES = ['GeneralPurpose', 'Ephemeral'] as const;
const MODES = ['Automatic', 'Manual'] as const;
const DEFAULT_RETENTION = 15;

/** Rules common to create and patch; returns the bound body with canonical enum values. */
function check(b: Bound, type: SystemType, errors: Errors, creating: boolean, now: number): Bound {
  if (creating || 'description' in b) checkText(b.description, 'description', errors, LIMITS.description, true);
  checkText(b.notes, 'notes', errors, LIMITS.notes);
  if ('approvalMode' in b) b.approvalMode = parseEnum(b.approvalMode, MODES, '$.approvalMode', errors);
  const uses = b.usesRemaining as number | undefined;
  if (uses !== undefined && (uses < -1 || (creating && uses === 0))) {
    errors.add('UsesRemaining', creating ? "'UsesRemaining' must be -1 (unlimited) or at least 1." : "'UsesRemaining' must be -1 (unlimited) or 0 or more.");
  }
  const retention = b.disconnectedRetentionMinutes as number | null | undefined;
  if (retention !== undefined && retention !== null) {
    const [min, max] = LIMITS.retentionMinutes;
    if (type !== 'Ephemeral') errors.add('DisconnectedRetentionMinutes', 'Only ephemeral keys have a disconnected retention period.');
    else if (retention < min || retention > max) errors.add('DisconnectedRetentionMinutes', `'DisconnectedRetentionMinutes' must be between ${min} and ${max}.`);
  }
  checkTags((b.tags as string[] | null | undefined) ?? [], errors);
  if (b.ipConstraints) b.ipConstraints = checkIpConstraints(b.ipConstraints as Bound[], errors);
  if (b.autoExpire) b.autoExpire = checkAutoExpire(b.autoExpire as Bound, '$.autoExpire', errors, now);
  return b;
}

export function readKeyCreate(ctx: OrgContext): KeyCreateFields {
  const errors = new Errors();
  const b = bind(readJsonObject(ctx), { ...COMMON, type: { kind: 'string' } }, errors);
  const type: SystemType = 'type' in b ? parseEnum(b.type, TYPES, '$.type', errors) ?? 'GeneralPurpose' : 'GeneralPurpose';
  check(b, type, errors, true, ctx.store.now());
  errors.throwIfAny();
  return {
    description: (b.description as string).trim(), type,
    approvalMode: (b.approvalMode as ApprovalMode | undefined) ?? 'Manual',
    usesRemaining: (b.usesRemaining as number | undefined) ?? -1,
    ipConstraints: (b.ipConstraints as KeyCreateFields['ipConstraints'] | null | undefined) ?? [],
    tags: ctx.store.usedTags(ctx.org, (b.tags as string[] | null | undefined) ?? []),
    disconnectedRetentionMinutes: type === 'Ephemeral' ? (b.disconnectedRetentionMinutes as number | null | undefined) ?? DEFAULT_RETENTION : null,
    notes: (b.notes as string | null | undefined) ?? null,
    autoExpire: (b.autoExpire as KeyCreateFields['autoExpire'] | undefined) ?? null,
  };
}

/** Only the fields sent change; null clears (lists become empty). */
export function readKeyPatch(ctx: OrgContext, key: EnrolmentKey): KeyChanges {
  const errors = new Errors();
  const b = check(bind(readJsonObject(ctx), { ...COMMON, isEnabled: { kind: 'boolean' } }, errors), key.type, errors, false, ctx.store.now());
  errors.throwIfAny();
  const changes: KeyChanges = {};
  if ('description' in b) changes.description = (b.description as string).trim();
  for (const f of ['isEnabled', 'approvalMode', 'usesRemaining', 'disconnectedRetentionMinutes', 'notes', 'autoExpire'] as const) {
    if (f in b) (changes as Record<string, unknown>)[f] = b[f] ?? null;
  }
  if ('ipConstraints' in b) changes.ipConstraints = (b.ipConstraints as KeyChanges['ipConstraints'] | null) ?? [];
  if ('tags' in b) changes.tags = ctx.store.usedTags(ctx.org, (b.tags as string[] | null) ?? []);
  return changes;
}
