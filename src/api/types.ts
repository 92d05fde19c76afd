// Wire models of the Enclave management API, named exactly as on the wire (camelCase).
// Enum-like fields are typed as known unions widened with `string`, because the API may
// add values (a new platform or state) and the extension must show them rather than crash.

/** A known set of values that stays open to values the API adds later. */
export type Open<T extends string> = T | (string & {});

export type Role = Open<'Owner' | 'Admin'>;
export type SystemState = Open<'Disabled' | 'Disconnected' | 'Connected'>;
export type SystemType = Open<'GeneralPurpose' | 'Ephemeral'>;
export type ApprovalMode = Open<'Automatic' | 'Manual'>;
export type EnrolmentKeyStatus = Open<'Disabled' | 'Enabled' | 'NoUsesRemaining'>;
export type ExpiryAction = Open<'Disable' | 'Delete'>;
export type ActivityLogLevel = Open<'Information' | 'Warning' | 'Error'>;

export type SystemSortMode = 'RecentlyEnrolled' | 'RecentlyConnected' | 'Description' | 'DescriptionOrHostname' | 'EnrolmentKeyUsed';
export type UnapprovedSystemSortMode = 'RecentlyEnrolled' | 'Description' | 'EnrolmentKeyUsed';
export type EnrolmentKeySortMode = 'Description' | 'LastUsed' | 'ApprovalMode' | 'UsesRemaining';
export type TagSortMode = 'Alphabetical' | 'RecentlyUsed' | 'ReferencedSystems';

/** A tag as it appears inside systems and keys. Request bodies take tag names instead. */
export interface UsedTag {
  tag: string;
  ref: string;
  colour?: string | null;
}

export interface AutoExpire {
  timeZoneId?: string | null;
  expiryDateTime: string;
  expiryAction: ExpiryAction;
}

export interface GatewayRoute {
  subnet: string;
  userEntered: boolean;
  weight: number;
  name?: string | null;
}

export interface SystemDnsEntry {
  fqdn: string;
  fromZoneId?: number | null;
  fromZoneName?: string | null;
  fromRecordId?: number | null;
  fromRecordName?: string | null;
  fromDirectAssignment: boolean;
  tags?: UsedTag[] | null;
}

// ---- account and organisation -------------------------------------------------------

export interface AccountOrganisation {
  orgId: string;
  orgName: string;
  role: Role;
  partnerAccess?: boolean;
}

export interface AccountOrganisationList {
  orgs: AccountOrganisation[];
}

export interface OrganisationProperties {
  id: string;
  created: string;
  name: string;
  plan: string;
  billingIsPaidYearly?: boolean | null;
  billingRate?: number | null;
  billingDisableUpdate?: boolean | null;
  billingCurrencySymbol?: string | null;
  website?: string | null;
  phone?: string | null;
  maxSystems: number;
  enrolledSystems: number;
  unapprovedSystems: number;
  featureLimits: unknown[];
  trialExpiry?: string | null;
  trialState: string;
  isSuspendedByAdmin: boolean;
  partner?: unknown | null;
}

export interface OrganisationPatch {
  name?: string;
  website?: string | null;
  phone?: string | null;
}

// ---- systems ---------------------------------------------------------------------------

export interface EnclaveSystem {
  systemId: string;
  description?: string | null;
  systemType: SystemType;
  state: SystemState;
  connectedAt?: string | null;
  lastSeen?: string | null;
  enrolledAt: string;
  enrolmentKeyId: number;
  enrolmentKeyDescription?: string | null;
  enrolmentKeyIsDeleted?: boolean;
  isEnabled: boolean;
  connectedFrom?: string | null;
  virtualAddress?: string | null;
  virtualNetwork?: string | null;
  hostname?: string | null;
  platformType?: string | null;
  osVersion?: string | null;
  enclaveVersion?: string | null;
  gatewayRoutes: GatewayRoute[];
  tags: UsedTag[];
  /** Detail model only. */
  dns?: SystemDnsEntry[];
  /** Detail model only. */
  knownSubnets?: string[];
  notes?: string | null;
  disconnectedRetentionMinutes?: number | null;
  autoExpire?: AutoExpire | null;
}

export interface SystemPatch {
  description?: string | null;
  isEnabled?: boolean;
  gatewayRoutes?: GatewayRoute[];
  tags?: string[];
  notes?: string | null;
}

export interface SystemListQuery extends PageQuery {
  search?: string;
  includeDisabled?: boolean;
  sort?: SystemSortMode;
  enrolmentKey?: number;
  dns?: string;
}

// ---- unapproved systems ----------------------------------------------------------------

export interface UnapprovedSystem {
  systemId: string;
  systemType: SystemType;
  description?: string | null;
  enrolledFrom?: string | null;
  enrolledAt: string;
  tags: UsedTag[];
  enrolmentKeyId: number;
  enrolmentKeyDescription?: string | null;
  enrolmentKeyIsDeleted?: boolean;
  /** Detail model only. */
  notes?: string | null;
  hostname?: string | null;
  platformType?: string | null;
  osVersion?: string | null;
  enclaveVersion?: string | null;
  connectedFrom?: string | null;
}

export interface UnapprovedSystemPatch {
  description?: string | null;
  tags?: string[];
  notes?: string | null;
}

export interface UnapprovedSystemListQuery extends PageQuery {
  search?: string;
  sort?: UnapprovedSystemSortMode;
  enrolmentKey?: number;
}

// ---- enrolment keys ------------------------------------------------------------------

export interface IpConstraint {
  range: string;
  description?: string | null;
}

export interface EnrolmentKey {
  id: number;
  created: string;
  lastUsed?: string | null;
  type: SystemType;
  approvalMode: ApprovalMode;
  status: EnrolmentKeyStatus;
  /** The enrolment secret. */
  key: string;
  description: string;
  isEnabled: boolean;
  /** -1 means unlimited. */
  usesRemaining: number;
  enrolledCount: number;
  unapprovedCount: number;
  tags: UsedTag[];
  disconnectedRetentionMinutes?: number | null;
  /** Detail model only. */
  ipConstraints?: IpConstraint[];
  /** Detail model only. */
  notes?: string | null;
  autoExpire?: AutoExpire | null;
}

export interface EnrolmentKeyCreate {
  description: string;
  type?: SystemType;
  approvalMode?: ApprovalMode;
  usesRemaining?: number;
  ipConstraints?: IpConstraint[];
  tags?: string[];
  disconnectedRetentionMinutes?: number;
  notes?: string | null;
  autoExpire?: AutoExpire | null;
}

export interface EnrolmentKeyPatch {
  description?: string;
  isEnabled?: boolean;
  approvalMode?: ApprovalMode;
  usesRemaining?: number;
  ipConstraints?: IpConstraint[];
  tags?: string[];
  disconnectedRetentionMinutes?: number | null;
  notes?: string | null;
  autoExpire?: AutoExpire | null;
}

export interface EnrolmentKeyListQuery extends PageQuery {
  search?: string;
  includeDisabled?: boolean;
  sort?: EnrolmentKeySortMode;
}

// ---- tags ----------------------------------------------------------------------------

/** A tag in the tags list (reference §3.9): its usage counts across the organisation. */
export interface TagSummary {
  tag: string;
  /** `ref:` + 32 hex; stable across renames. */
  ref: string;
  colour?: string | null;
  lastReferenced?: string | null;
  systems: number;
  keys: number;
  policies: number;
  dnsZones: number;
  dnsRecords: number;
}

export interface TagListQuery extends PageQuery {
  /** Text in the tag name; also `tag:` and `uses:` terms (see `tags.searchKeys`). */
  search?: string;
  sort?: TagSortMode;
}

// ---- activity log --------------------------------------------------------------------

/** One entry of an organisation's activity log (reference §3.12). Entries have no IDs. */
export interface LogEntry {
  timeStamp: string;
  level: ActivityLogLevel;
  message: string;
  userName?: string | null;
  ipAddress?: string | null;
}

/** The log takes only paging (reference §2.10). */
export type LogListQuery = PageQuery;

// ---- search keys ---------------------------------------------------------------------

export interface SearchKey {
  name: string;
  modifiers?: Open<'LessThan' | 'GreaterThan' | 'Not' | 'Or'>[] | null;
  dataType: Open<'None' | 'Tags' | 'System' | 'EnrolmentKey'>;
  description: string;
  hintText: string;
  hintValues?: string[] | null;
  canHaveMultiple: boolean;
  isDefault: boolean;
  useExactMatch: boolean;
}

// ---- paging ----------------------------------------------------------------------------

export interface PageQuery {
  /** 0-based. */
  page?: number;
  /** At most 200. */
  perPage?: number;
}

export interface PageMetadata {
  total: number;
  firstPage: number;
  prevPage: number | null;
  lastPage: number;
  nextPage: number | null;
}

export interface PageLinks {
  first: string;
  prev: string | null;
  next: string | null;
  last: string;
}

export interface Page<T> {
  metadata: PageMetadata;
  links: PageLinks;
  items: T[];
}

// ---- bulk results --------------------------------------------------------------------

export interface BulkSystemIds {
  systemIds: string[];
}
export interface BulkKeyIds {
  keyIds: number[];
}

// ---- problem details (RFC 7807) ------------------------------------------------------

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  traceId?: string;
  errors?: Record<string, string[]>;
}
