import { realClock, type Clock } from '../model/storeAutoRefresh';

/**
 * Keeps remaining times ("disables in 3 min") true while they are on screen. Each rendered row
 * with an expiry reports when its text next changes; one timer fires at the earliest of those
 * and the rows' lists are rendered again — no request is made, the text is recomputed. Nothing
 * is scheduled while the view is hidden; showing it again catches up at once. No `vscode` here.
 */
export class ExpiryTicker<List> {
  private readonly due = new Map<List, number>();
  private timer: unknown;
  private timerAt = Infinity;
  private visible = false;

  constructor(private readonly fire: (lists: readonly List[]) => void, private readonly clock: Clock = realClock) {}

  /** A row of `list` was rendered whose text changes by itself at `at` (epoch ms). */
  note(list: List, at: number): void {
    const known = this.due.get(list);
    if (known !== undefined && known <= at) return;
    this.due.set(list, at);
    if (at < this.timerAt) this.schedule();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.schedule();
  }

  dispose(): void {
    this.visible = false;
    this.cancel();
    this.due.clear();
  }

  private schedule(): void {
    this.cancel();
    if (!this.visible || this.due.size === 0) return;
    this.timerAt = Math.min(...this.due.values());
    this.timer = this.clock.setTimeout(() => this.tick(), Math.max(0, this.timerAt - this.clock.now()));
  }

  private tick(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.clock.now();
    const lists = [...this.due].filter(([, at]) => at <= now).map(([list]) => list);
    // Rendering again notes each list's next change anew.
    for (const list of lists) this.due.delete(list);
    if (lists.length > 0) this.fire(lists);
    this.schedule();
  }

  private cancel(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }
}
