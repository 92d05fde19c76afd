// Telling a lost token (SecretStorage kept it in memory only) from a sign-out, with a marker in
// globalState that holds the origin and a time, never the token.
import * as assert from 'node:assert/strict';
import { MARKER_KEY, TOKEN_NOT_KEPT_WARNING, TokenMarkers, type MarkerState } from '../../src/auth/persistenceMarker';

const ORIGIN = 'https://api.enclave.io';
const TOKEN = 'tok9ZqW3x7LmN2pR8sV4yB6cD1fG5hJ0kT3uX9wE7aQ2zS8vN4mL6pR1oI5eU3';

/** globalState as it survives a restart: plain JSON. */
class Memento implements MarkerState {
  data: Record<string, unknown> = {};
  get<T>(key: string): T | undefined {
    return this.data[key] === undefined ? undefined : (JSON.parse(JSON.stringify(this.data[key])) as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) delete this.data[key];
    else this.data[key] = value;
  }
}

describe('security: token persistence marker', () => {
  it('marks an origin when its token is stored, with no trace of the token', async () => {
    const state = new Memento();
    await new TokenMarkers(state, () => 1234).follow(ORIGIN, TOKEN);
    assert.deepEqual(state.data, { [MARKER_KEY]: { [ORIGIN]: { storedAt: 1234 } } });
    assert.ok(!JSON.stringify(state.data).includes(TOKEN));
  });

  it('reports a token lost once, when the marker survived the restart and the secret did not', async () => {
    const state = new Memento();
    await new TokenMarkers(state).follow(ORIGIN, TOKEN);
    const afterRestart = new TokenMarkers(state);
    assert.equal(await afterRestart.lost(ORIGIN, undefined), true);
    assert.equal(await afterRestart.lost(ORIGIN, undefined), false, 'the same loss is reported once');
    assert.deepEqual(state.data, {});
  });

  it('does not report a sign-out (the removal unmarks) or a token that is still there', async () => {
    const state = new Memento();
    const markers = new TokenMarkers(state);
    await markers.follow(ORIGIN, TOKEN);
    assert.equal(await markers.lost(ORIGIN, TOKEN), false);
    await markers.follow(ORIGIN, undefined);
    assert.equal(await markers.lost(ORIGIN, undefined), false);
  });

  it('keeps origins apart and marks a token found at activation that was stored before the marker existed', async () => {
    const state = new Memento();
    const markers = new TokenMarkers(state, () => 1);
    await markers.follow('http://127.0.0.1:8787', TOKEN);
    assert.equal(await markers.lost(ORIGIN, TOKEN), false);
    assert.deepEqual(Object.keys(markers.all()).sort(), ['http://127.0.0.1:8787', ORIGIN]);
    assert.equal(await markers.lost('http://127.0.0.1:8787', undefined), true);
    assert.deepEqual(Object.keys(markers.all()), [ORIGIN]);
  });

  it('tolerates a damaged marker value', async () => {
    const state = new Memento();
    state.data[MARKER_KEY] = 'garbage';
    assert.equal(await new TokenMarkers(state).lost(ORIGIN, undefined), false);
  });

  it('says what happened, why, and what to do', () => {
    assert.match(TOKEN_NOT_KEPT_WARNING, /not kept after VS Code restarted/);
    assert.match(TOKEN_NOT_KEPT_WARNING, /no keyring/);
    assert.match(TOKEN_NOT_KEPT_WARNING, /Sign in again, or set up a keyring \(gnome-keyring\/libsecret\)/);
  });
});
