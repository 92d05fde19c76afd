// The workbench a user sees: the Enclave icon is in the activity bar and opens the Networks view.
import * as assert from 'assert';
import * as fs from 'fs';
import { Workbench } from './workbench';

describe('browser smoke', () => {
  let wb: Workbench | undefined;

  before(async () => {
    wb = await Workbench.open();
  });

  after(async () => {
    await wb?.close();
  });

  it('opens the Enclave view from the activity bar', async () => {
    const workbench = wb!;
    await workbench.openEnclaveView();
    const title = await workbench.sidebar.locator('.composite.title .title-label').innerText();
    assert.match(title, /Enclave/i, `sidebar title is "${title}"`);
    // The Networks view's pane is in the container and its body (tree or welcome content) is shown;
    // its header is hidden while it is the container's only view, so it only has to be attached.
    const view = workbench.page.locator('#workbench\\.view\\.extension\\.enclave');
    await view.locator('.pane-header[aria-label^="Networks"]').waitFor({ state: 'attached', timeout: 15_000 });
    await view.locator('.pane-body').first().waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok(await view.locator('[role="tree"][aria-label="Networks"]').count() > 0, 'no Networks tree in the view');
    const file = await workbench.screenshot('browser-smoke');
    assert.ok(fs.statSync(file).size > 10_000, `screenshot ${file} is suspiciously small`);
  });
});
