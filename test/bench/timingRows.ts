// Rows 1 and 2, one round at a time so that run.ts can interleave the variants:
//   1. all systems through the client's parallel walk, the sequential links.next walk (what the
//      official scripts do) and the floor (bare undici + JSON.parse at the same concurrency);
//   2. the first rows of the systems list through the real store and tree provider, against one
//      bare request for the same page.
import * as assert from 'node:assert/strict';
import { collect, walkLinksSequentially, type EnclaveClient } from '../../src/api';
import type { EnclaveSystem } from '../../src/api/types';
import { PAGE_SIZE } from '../../src/model/store';
import type { ClientSession } from './clientSession';
import type { BareApi } from './floor';
import { rotated, timed } from './stats';
import { TreeDriver } from './treeDriver';

export interface TimingEnv {
  readonly client: EnclaveClient;
  readonly bare: BareApi;
  readonly session: ClientSession;
  readonly orgId: string;
  readonly systems: number;
  readonly concurrency: number;
}

export interface TimingSamples {
  parallel: number[];
  sequential: number[];
  floor: number[];
  firstRows: number[];
  barePage: number[];
}

export const emptySamples = (): TimingSamples => ({ parallel: [], sequential: [], floor: [], firstRows: [], barePage: [] });

/** One round of every variant; the samples are kept unless it is the warm-up round. */
export async function timingRound(env: TimingEnv, round: number, samples: TimingSamples | undefined): Promise<void> {
  const base = `/org/${env.orgId}/systems`;
  const keep = (key: keyof TimingSamples, ms: number): void => void samples?.[key].push(ms);
  const count = (items: readonly unknown[], what: string): void => assert.equal(items.length, env.systems, `${what} returned ${items.length} systems`);
  await rotated(round, [
    async () => {
      const { ms, value } = await timed(() => env.client.systems.listAll(env.orgId, { includeDisabled: true }, { concurrency: env.concurrency }));
      count(value, 'the parallel walk');
      keep('parallel', ms);
    },
    async () => {
      const { ms, value } = await timed(() => collect(walkLinksSequentially(env.client, base, { include_disabled: true })));
      count(value, 'the links.next walk');
      keep('sequential', ms);
    },
    async () => {
      const { ms, value } = await timed(() => env.bare.allPages(base, 'include_disabled=true&per_page=200', env.concurrency));
      count(value, 'the floor');
      keep('floor', ms);
    },
    async () => {
      const tree = new TreeDriver(env.session);
      try {
        const list = await tree.list(await tree.org(env.orgId), 'systems');
        const { ms, value } = await timed(() => tree.expand(list));
        assert.equal(value.filter((r) => r.type === 'system').length, PAGE_SIZE, 'the first page of systems is shown');
        keep('firstRows', ms);
      } finally {
        tree.dispose();
      }
    },
    async () => {
      const query = `include_disabled=true&sort=DescriptionOrHostname&page=0&per_page=${PAGE_SIZE}`;
      const { ms, value } = await timed(() => env.bare.get<{ items: unknown[] }>(`${base}?${query}`));
      assert.equal(value.items.length, PAGE_SIZE);
      keep('barePage', ms);
    },
  ]);
}

/** The parallel walk and the floor return the same systems in the same order. */
export async function checkOrder(env: TimingEnv): Promise<void> {
  const ids = (items: readonly EnclaveSystem[]): string[] => items.map((s) => s.systemId);
  const walked = await env.client.systems.listAll(env.orgId, { includeDisabled: true }, { concurrency: env.concurrency });
  const floor = await env.bare.allPages<EnclaveSystem>(`/org/${env.orgId}/systems`, 'include_disabled=true&per_page=200', env.concurrency);
  assert.deepEqual(ids(walked), ids(floor), 'the parallel walk returns the pages in order');
}
