/**
 * Ready-to-paste commands that install Enclave and enrol a machine with an enrolment key, one per
 * platform. Pure (no `vscode`), so the exact text is unit-tested. The steps follow Enclave's own
 * documentation (enclave-networks/docs):
 *
 * - Debian / Ubuntu / Raspbian: the apt repository of docs/setup/linux.md ("Ubuntu / Debian"):
 *   packages.enclave.io signing key and list, `apt-get install enclave`.
 * - Other Linux (CentOS / RHEL, Fedora, Amazon Linux, Arch): the quick-start script of the same
 *   page, `bash <(curl -Ss https://install.enclave.io/setup.sh)`.
 * - Linux and macOS enrol without a prompt by the documented "Unattended installation" of
 *   docs/setup/linux.md: the key in the environment variable ENCLAVE_ENROLMENT_KEY, then
 *   `sudo -E enclave enrol` (-E so sudo keeps the variable). The variable is unset afterwards so
 *   the secret does not linger in the shell.
 * - macOS: `brew install enclave`, run as the user, not root (docs/setup/macos.md). That page says
 *   nothing about unattended enrolment; the Linux form is used because it is the same `enclave`
 *   CLI (docs/setup/macos-zip.md enrols with `sudo enclave enrol` too).
 * - Windows: `enclave_setup.exe /enrol <key>` (docs/setup/windows.md, "Unattended installation").
 *   The installer's URL and checksum come from the manifest the docs pages themselves read
 *   (https://install.enclave.io/manifest/windows/setup.json: the last `GA` release's first
 *   package); the download is checked against that checksum before it runs, elevated.
 * - Docker: the image, capability, device, variable and volumes of the docker-compose.yml in
 *   docs/setup/containers.md, as one `docker run`.
 * - Kubernetes: the docs' enclave-sidecar (NET_ADMIN, /dev/net/tun hostPath, the variable). The
 *   docs write the key into the pod YAML; here it goes into a Secret instead (`kubectl create
 *   secret`), and the sidecar YAML (sidecarYaml) reads it from that Secret, so no file holds it.
 */

export type Platform = 'debian' | 'linux' | 'macos' | 'windows' | 'docker' | 'kubernetes';

export interface PlatformInfo {
  readonly id: Platform;
  readonly label: string;
  readonly detail: string;
  /** A container platform: where an Ephemeral key fits. */
  readonly container: boolean;
  /** The shell the command is written for, said in the message. */
  readonly shell: string;
}

export const PLATFORMS: readonly PlatformInfo[] = [
  { id: 'debian', label: 'Linux: Debian, Ubuntu, Raspbian', detail: 'apt repository packages.enclave.io, then enrol', container: false, shell: 'a terminal' },
  { id: 'linux', label: 'Linux: CentOS, RHEL, Fedora, Amazon Linux, Arch', detail: 'the install.enclave.io quick-start script, then enrol', container: false, shell: 'a terminal' },
  { id: 'macos', label: 'macOS', detail: 'Homebrew, then enrol', container: false, shell: 'Terminal' },
  { id: 'windows', label: 'Windows', detail: 'download the installer, check its checksum, install and enrol (PowerShell, elevates)', container: false, shell: 'PowerShell' },
  { id: 'docker', label: 'Docker', detail: 'docker run enclavenetworks/enclave with NET_ADMIN and /dev/net/tun', container: true, shell: 'a terminal' },
  { id: 'kubernetes', label: 'Kubernetes', detail: 'a Secret for the key (kubectl), plus the enclave-sidecar YAML that reads it', container: true, shell: 'a terminal with kubectl' },
];

export const KEY_VARIABLE = 'ENCLAVE_ENROLMENT_KEY';
/** The Secret the Kubernetes command creates and the sidecar reads. */
export const K8S_SECRET = 'enclave-enrolment-key';

/** A POSIX shell single-quoted word: safe whatever the text holds. */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A PowerShell single-quoted string (a quote is doubled). */
export function psQuote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const APT = [
  'sudo apt-get install -y apt-transport-https',
  'curl -fsSL https://packages.enclave.io/apt/enclave.stable.gpg | sudo apt-key add -',
  'curl -fsSL https://packages.enclave.io/apt/enclave.stable.list | sudo tee /etc/apt/sources.list.d/enclave.stable.list',
  'sudo apt-get update',
  'sudo apt-get install -y enclave',
];

function enrol(key: string): string[] {
  return [`export ${KEY_VARIABLE}=${shQuote(key)}`, 'sudo -E enclave enrol', `unset ${KEY_VARIABLE}`];
}

/** Lines joined with `&&` so a failed step stops the rest; the unset runs either way. */
function chain(steps: readonly string[], key: string): string {
  const [exportLine, enrolLine, unsetLine] = enrol(key);
  return `${[...steps, exportLine, enrolLine].join(' && \\\n  ')}; \\\n  ${unsetLine}`;
}

function windows(key: string): string {
  return [
    `$ErrorActionPreference = 'Stop'`,
    `$release = (Invoke-RestMethod 'https://install.enclave.io/manifest/windows/setup.json').ReleaseVersions | Where-Object { $_.ReleaseType -eq 'GA' } | Select-Object -Last 1`,
    `$package = $release.Packages[0]`,
    `$setup = Join-Path $env:TEMP 'enclave_setup.exe'`,
    `Invoke-WebRequest -UseBasicParsing -Uri $package.Url -OutFile $setup`,
    `$expected = [BitConverter]::ToString([Convert]::FromBase64String($package.Hash)).Replace('-', '')`,
    `if ((Get-FileHash -Path $setup -Algorithm $package.HashAlg).Hash -ne $expected) { throw 'The Enclave installer does not match its published checksum; not running it.' }`,
    `Start-Process -FilePath $setup -ArgumentList '/enrol', ${psQuote(key)} -Verb RunAs -Wait`,
  ].join('\n');
}

function docker(key: string): string {
  return [
    'docker run -d --name enclave-fabric --restart always',
    '--cap-add NET_ADMIN --device /dev/net/tun',
    `-e ${KEY_VARIABLE}=${shQuote(key)}`,
    '-v enclave-config:/etc/enclave/profiles -v enclave-logs:/var/log/enclave',
    'enclavenetworks/enclave:latest',
  ].join(' \\\n  ');
}

function kubernetes(key: string): string {
  return `kubectl create secret generic ${K8S_SECRET} --from-literal=${KEY_VARIABLE}=${shQuote(key)}`;
}

/** The command that installs Enclave on `platform` and enrols with `key`. */
export function setupCommand(platform: Platform, key: string): string {
  switch (platform) {
    case 'debian': return chain(APT, key);
    case 'linux': return chain(['bash <(curl -Ss https://install.enclave.io/setup.sh)'], key);
    case 'macos': return chain(['brew install enclave'], key);
    case 'windows': return windows(key);
    case 'docker': return docker(key);
    case 'kubernetes': return kubernetes(key);
  }
}

/**
 * The docs' enclave-sidecar, to add under a pod's `containers:`, reading the key from the Secret
 * the Kubernetes command made (never the key itself). Indented for a list item at column 0.
 */
export function sidecarYaml(): string {
  return [
    '- name: enclave-sidecar',
    '  image: enclavenetworks/enclave:latest',
    '  env:',
    `    - name: ${KEY_VARIABLE}`,
    '      valueFrom:',
    '        secretKeyRef:',
    `          name: ${K8S_SECRET}`,
    `          key: ${KEY_VARIABLE}`,
    '  securityContext:',
    '    capabilities:',
    "      add: ['NET_ADMIN']",
    '  volumeMounts:',
    '    - name: tun',
    '      mountPath: /dev/net/tun',
    '# and under the pod spec\'s volumes:',
    '# - name: tun',
    '#   hostPath:',
    "#     type: 'CharDevice'",
    '#     path: /dev/net/tun',
    '',
  ].join('\n');
}

/** The line that sets the variable in a shell, for files that reference it. */
export function envLine(shell: 'posix' | 'powershell', key: string): string {
  return shell === 'posix' ? `export ${KEY_VARIABLE}=${shQuote(key)}` : `$env:${KEY_VARIABLE} = ${psQuote(key)}`;
}
