/**
 * Which pending systems are new arrivals. The first look at an organisation's pending list only
 * learns what already waits (startup, a sign-in, the setting just turned on: nothing "arrived");
 * after that, a system ID never seen before in that organisation is an arrival. IDs stay seen
 * once gone, so a system that drops off the first page and comes back is not announced twice.
 * No `vscode`: unit-tested.
 */
export class ArrivalTracker {
  private readonly seen = new Map<string, Set<string>>();

  /** The IDs in `ids` that arrived since the last look at `orgId` (none on the first look). */
  observe(orgId: string, ids: readonly string[]): string[] {
    const known = this.seen.get(orgId);
    if (!known) {
      this.seen.set(orgId, new Set(ids));
      return [];
    }
    const arrived = ids.filter((id) => !known.has(id));
    for (const id of arrived) known.add(id);
    return arrived;
  }

  /** Forgets everything: the next look at each organisation is a first look again. */
  reset(): void {
    this.seen.clear();
  }
}
