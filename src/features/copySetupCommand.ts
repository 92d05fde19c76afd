// Copy Setup Command: pick a platform, read the key's secret fresh (GET key detail), put a ready
// install-and-enrol command on the clipboard. The secret goes to the clipboard only: the messages
// and the log name the key by its description and ID. See setupCommands.ts for the docs followed.
import * as vscode from 'vscode';
import type { EnrolmentKey } from '../api/types';
import type { CommandContext, CommandHandler } from '../commands/context';
import { reportFailure } from '../commands/funnel';
import { resolveTargets } from '../commands/pickers';
import { BACK } from '../ui/prompter';
import { getPrompter } from '../ui/prompterHolder';
import { keyName } from '../ui/promptsText';
import { approvalNote, keyWarnings } from './keyFitness';
import { PLATFORMS, setupCommand, sidecarYaml, type PlatformInfo } from './setupCommands';

const COPY_ANYWAY = 'Copy Anyway';
const COPY_SIDECAR = 'Copy Sidecar YAML';

export const handler: CommandHandler = async (ctx, node) => {
  const targets = await resolveTargets(ctx, node, undefined, {
    kind: 'key',
    many: false,
    title: 'Copy Setup Command',
    placeholder: 'Pick the enrolment key to enrol with',
    nothing: 'no enrolment keys',
  });
  if (!targets) return;
  const listed = targets.items[0];
  const platform = await getPrompter().pick(
    PLATFORMS.map((p) => ({ label: p.label, detail: p.detail, value: p })),
    { title: `Copy Setup Command: ${keyName(listed)}`, placeholder: 'Pick the platform of the machine to enrol', matchOnDetail: true },
  );
  if (platform === undefined || platform === BACK) return;
  await copyFor(ctx, targets.orgId, listed, platform);
};

async function copyFor(ctx: CommandContext, orgId: string, listed: EnrolmentKey, platform: PlatformInfo): Promise<void> {
  let key: EnrolmentKey;
  try {
    // The list row may be minutes old and is not where the secret should come from.
    key = await ctx.session.call((client) => client.enrolmentKeys.get(orgId, listed.id));
  } catch (error) {
    await reportFailure(ctx, error, { what: `Enrolment key '${keyName(listed)}' could not be read`, retry: () => copyFor(ctx, orgId, listed, platform) });
    return;
  }
  const warnings = keyWarnings(key, platform);
  if (warnings.length > 0 && (await getPrompter().warn(warnings.join(' '), COPY_ANYWAY)) !== COPY_ANYWAY) return;
  await vscode.env.clipboard.writeText(setupCommand(platform.id, key.key));
  ctx.log.info(`Copied the ${platform.label} setup command for enrolment key #${key.id} to the clipboard`);
  const message = [`Setup command for ${platform.label} with enrolment key '${keyName(key)}' copied: paste it into ${platform.shell} on the machine.`, approvalNote(key)]
    .filter(Boolean)
    .join(' ');
  if (platform.id !== 'kubernetes') {
    void getPrompter().info(message);
    return;
  }
  const choice = await getPrompter().info(`${message} It stores the key in a Secret; the sidecar YAML reads it from there.`, COPY_SIDECAR);
  if (choice === COPY_SIDECAR) {
    await vscode.env.clipboard.writeText(sidecarYaml());
    void getPrompter().info('Sidecar YAML copied: add it under the pod\'s containers (it holds no key).');
  }
}
