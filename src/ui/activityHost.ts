import type { ActivityTree } from '../features/activity/tree';
import { shared } from './shared';

/**
 * Where the Activity view's implementation is found by the commands that act on it. The view's
 * shim (src/ui/activityView.ts, main bundle) sets `open`; the filter and refresh commands (feature
 * bundle) call it. It lives on globalThis because the two bundles have separate module copies.
 */
export interface ActivityHost {
  /** The view's implementation, made on first use (that loads the feature bundle, but fetches nothing). */
  open?: () => ActivityTree;
}

export function activityHost(): ActivityHost {
  return shared<ActivityHost>('activityHost', () => ({}));
}
