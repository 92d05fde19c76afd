import type { CommandHandler } from '../commands/context';
import { BACK } from '../ui/prompter';
import { getPrompter } from '../ui/prompterHolder';
import { MAX_FILTER_TEXT, validateFilterText } from './activity/filter';
import { activityTree } from './activity/open';

/**
 * Enclave: Filter Activity by Text: entries whose message, user or IP address contain the text,
 * ignoring case. Pre-filled with the text in force; an empty box removes the text filter.
 */
export const handler: CommandHandler = async () => {
  const tree = activityTree();
  const text = await getPrompter().input({
    title: 'Filter activity by text',
    prompt: `Shows entries whose message, user or IP address contain this text (any case, at most ${MAX_FILTER_TEXT} characters). Empty: no text filter.`,
    placeholder: 'e.g. disabled, alice@example.com, 203.0.113.',
    value: tree.filter.text ?? '',
    validate: validateFilterText,
  });
  if (text === undefined || text === BACK) return;
  tree.setFilter({ ...tree.filter, text: text.trim() || undefined });
};
