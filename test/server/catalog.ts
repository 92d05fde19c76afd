// Static vocabulary for the seed data: realistic names, platforms and versions.

export const ORG_NAMES = [
  'Acme Engineering', 'Globex Research', 'Initech Platform', 'Umbrella Labs', 'Hooli Infrastructure',
  'Stark Industries', 'Wayne Logistics', 'Cyberdyne Systems',
];

export const PLANS = ['Business', 'Pro', 'Starter'] as const;

/** Tag palette: name and the colour the org gave it. */
export const TAGS: ReadonlyArray<readonly [string, string]> = [
  ['web-servers', '#FF9800'], ['databases', '#3B82F6'], ['developers', '#10B981'], ['prod', '#EF4444'],
  ['staging', '#F59E0B'], ['build-agents', '#8B5CF6'], ['internet-gateway', '#EDEDED'], ['finance', '#14B8A6'],
  ['k8s.nodes', '#6366F1'], ['ops', '#64748B'], ['contractors', '#EC4899'], ['eu-west-1', '#0EA5E9'],
];

export interface PlatformFlavour {
  platformType: string | null;
  osVersions: readonly string[];
  hostnames: readonly string[];
  descriptions: readonly string[];
  weight: number;
}

export const PLATFORMS: readonly PlatformFlavour[] = [
  {
    platformType: 'Windows', weight: 40,
    osVersions: ['Microsoft Windows 10 Pro (10.0.19045)', 'Microsoft Windows 11 Pro (10.0.22631)',
      'Microsoft Windows 11 Enterprise (10.0.26100)', 'Microsoft Windows Server 2022 Datacenter (10.0.20348)',
      'Microsoft Windows Server 2019 Standard (10.0.17763)'],
    hostnames: ['DESKTOP-#', 'LAPTOP-#', 'WIN-#', 'FIN-WS-%', 'SQL-%'],
    descriptions: ["Alice's Laptop", "Bob's Workstation", 'Finance PC', 'Reception Desk', 'SQL Server', 'Build Agent', 'Jump Box'],
  },
  {
    platformType: 'Linux', weight: 42,
    osVersions: ['Ubuntu 24.04 LTS', 'Ubuntu 22.04.4 LTS', 'Debian GNU/Linux 12 (bookworm)', 'Alpine Linux v3.20',
      'Red Hat Enterprise Linux 9.4 (Plow)', 'Amazon Linux 2023', 'Raspbian GNU/Linux 11 (bullseye)'],
    hostnames: ['web-%', 'db-prod-%', 'ip-10-0-%', 'k8s-node-%', 'gw-%', 'runner-%', 'raspberrypi'],
    descriptions: ['Web Server', 'Postgres Primary', 'Kubernetes Node', 'Office Gateway', 'CI Runner', 'Monitoring', 'Home Lab Pi'],
  },
  {
    platformType: 'Darwin', weight: 15,
    osVersions: ['macOS 14.6.1 (23G93)', 'macOS 15.1 (24B83)', 'macOS 13.6.9 (22G830)'],
    hostnames: ['Alices-MacBook-Pro', 'Carols-MBP', 'design-imac', 'Daves-Mac-mini', 'mbp-%'],
    descriptions: ["Carol's MacBook Pro", 'Design iMac', 'Release Mac mini', "Dave's MacBook Air"],
  },
  // Rare and odd values: the extension must show what it does not know rather than crash.
  {
    platformType: 'FreeBSD', weight: 1, osVersions: ['FreeBSD 14.1-RELEASE'], hostnames: ['pfsense-%'],
    descriptions: ['Firewall'],
  },
  { platformType: 'Android', weight: 1, osVersions: ['Android 14'], hostnames: ['pixel-%'], descriptions: ['Field Tablet'] },
  { platformType: null, weight: 1, osVersions: [''], hostnames: ['unknown-%'], descriptions: ['Legacy Appliance'] },
];

export const ENCLAVE_VERSIONS: ReadonlyArray<readonly [string, number]> = [
  ['2026.1.1', 30], ['2025.11.4', 25], ['2025.6.2', 20], ['2024.8.14.0', 15], ['2023.4.3.0', 8], ['2021.3.24.0', 2],
];

/** Enrolment key templates: description, type, approval mode. Repeated with a suffix past the end. */
export const KEY_TEMPLATES: ReadonlyArray<readonly [string, 'GeneralPurpose' | 'Ephemeral', 'Automatic' | 'Manual']> = [
  ['Default Enrolment Key', 'GeneralPurpose', 'Automatic'],
  ['Contractors (approval required)', 'GeneralPurpose', 'Manual'],
  ['Developer Laptops', 'GeneralPurpose', 'Manual'],
  ['Production Servers', 'GeneralPurpose', 'Automatic'],
  ['Build Agents', 'GeneralPurpose', 'Automatic'],
  ['Kubernetes Nodes', 'Ephemeral', 'Automatic'],
  ['Internet Gateway', 'GeneralPurpose', 'Automatic'],
  ['Office Workstations', 'GeneralPurpose', 'Manual'],
  ['Finance Team', 'GeneralPurpose', 'Manual'],
  ['CI Runners', 'Ephemeral', 'Automatic'],
  ['Staging Fleet', 'GeneralPurpose', 'Automatic'],
  ['Home Workers', 'GeneralPurpose', 'Manual'],
];

export const KEY_NOTES = [
  'Rotate quarterly. Owner: platform team.',
  'Issued to the onboarding runbook; do not share outside IT.',
  'Used by the Terraform pipeline.',
];

export const SYSTEM_NOTES = ['Under the desk in room 2.14', 'Patch window: Sunday 02:00 UTC', 'Owned by the data team'];

export const TIME_ZONES = ['Europe/London', 'Etc/UTC', 'America/New_York', 'Australia/Sydney'];

export const GATEWAY_SUBNETS = [
  ['192.168.1.0/24', 'Office LAN'], ['10.20.0.0/16', 'AWS VPC'], ['172.16.5.0/24', 'Lab Network'], ['0.0.0.0/0', 'Internet'],
] as const;

/** People in the seed activity log: name (the log's userName) and email address. */
export const LOG_USERS: ReadonlyArray<readonly [string, string]> = [
  ['Alice Carter', 'alice.carter@example.com'], ['Bob Okafor', 'bob.okafor@example.com'],
  ['Carol Jensen', 'carol.jensen@example.com'], ['Dave Moreau', 'dave.moreau@example.com'],
  ['Erin Walsh', 'erin.walsh@example.com'],
];

export const LOG_POLICIES = ['Developers to Databases', 'Web Servers to Databases', 'Ops Full Access', 'Internet Gateway', 'Build Agents to Artifacts'];
