import { activityHost } from '../../ui/activityHost';
import type { ActivityTree } from './tree';

/** The Activity view's implementation (made now if the view was never shown: that fetches nothing). */
export function activityTree(): ActivityTree {
  const open = activityHost().open;
  // Set at activation by src/ui/activityView.ts; missing only if activation failed part-way.
  if (!open) throw new Error('The Activity view is not registered');
  return open();
}
