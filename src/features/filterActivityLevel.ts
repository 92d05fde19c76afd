import type { CommandHandler } from '../commands/context';
import { BACK } from '../ui/prompter';
import { getPrompter } from '../ui/prompterHolder';
import { ACTIVITY_LEVELS, type KnownLevel } from './activity/filter';
import { activityTree } from './activity/open';

const HINTS: Readonly<Record<KnownLevel, string>> = {
  Information: 'changes and sign-ins',
  Warning: 'something needs attention',
  Error: 'something failed',
};

/**
 * Enclave: Filter Activity by Level. The levels shown now are pre-picked; picking all of them or
 * none shows every level again (an empty view would help no one).
 */
export const handler: CommandHandler = async () => {
  const tree = activityTree();
  const current = tree.filter.levels ?? [];
  const picked = await getPrompter().pickMany(
    ACTIVITY_LEVELS.map((level) => ({ label: level, description: HINTS[level], value: level, picked: current.length === 0 || current.includes(level) })),
    { title: 'Show activity of these levels', placeholder: 'Pick the levels to show (all or none: every level)' },
  );
  if (picked === undefined || picked === BACK) return;
  const levels = picked.length === ACTIVITY_LEVELS.length ? undefined : picked;
  tree.setFilter({ ...tree.filter, levels: levels && levels.length > 0 ? levels : undefined });
};
