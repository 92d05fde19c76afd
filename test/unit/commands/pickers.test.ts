// The organisation pick of a palette command, with the organisations the session knows.
import * as assert from 'assert';
import type { AccountOrganisation } from '../../../src/api/types';
import type { CommandContext } from '../../../src/commands/context';
import { resolveOrg } from '../../../src/commands/pickers';
import { setPrompter } from '../../../src/ui/prompterHolder';
import { ScriptedPrompter } from '../../integration/support/scriptedPrompter';

function contextWith(orgs: readonly AccountOrganisation[]): CommandContext {
  const session = { state: { kind: 'connected', orgs, checkedAt: new Date() } };
  return { session, store: { orgs: () => ({ items: [] }) } } as unknown as CommandContext;
}

describe('organisation pick', () => {
  let prompter: ScriptedPrompter;
  beforeEach(() => setPrompter((prompter = new ScriptedPrompter())));

  it('sorts and labels as the tree does, an organisation without a name by its ID, instead of failing', async () => {
    const nameless = { orgId: 'm0000000000000000000000000000000', role: 'Admin' } as unknown as AccountOrganisation;
    const blank = { orgId: 'b0000000000000000000000000000000', orgName: '  ', role: 'Owner' } as AccountOrganisation;
    const orgs: AccountOrganisation[] = [
      { orgId: 'z1', orgName: 'zebra', role: 'Owner' },
      nameless,
      { orgId: 'a1', orgName: 'Alpha', role: 'Owner' },
      blank,
    ];
    prompter.answerPick(nameless.orgId);
    const chosen = await resolveOrg(contextWith(orgs), undefined, 'Disable Systems');
    assert.strictEqual(chosen, nameless);
    assert.deepStrictEqual(prompter.picks[0].labels, ['Alpha', blank.orgId, nameless.orgId, 'zebra']);
  });
});
