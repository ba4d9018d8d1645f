// The feature host: a feature's bundle is required once, on first use, never at start; its errcodes
// join the catalog then; its implementation is disposed with the extension.
import * as assert from 'node:assert/strict';

import type { CommandTable } from '../../../src/ui/commandTable';
import type { Feature, FeatureContext, FeatureModule } from '../../../src/ui/feature';
import { type AnyFeature, FeatureHost } from '../../../src/ui/features';
import type { Endpoint } from '../../../src/wechat/endpoints';
import type { ErrcodeTable } from '../../../src/wechat/errcodes';

interface Impl {
  readonly runs: string[];
  disposed: boolean;
  dispose(): void;
}

function feature(id: string, endpoints: Endpoint[] = [], activate?: Feature<string, Impl>['activate']): Feature<string, Impl> {
  return {
    id,
    endpoints,
    contextKeys: [],
    commands: (impl): CommandTable<string> => ({ [`wechat.${id}Run`]: { run: () => impl().runs.push('run') } }),
    activate,
  };
}

function rig(features: ReadonlyArray<Feature<string, Impl>>) {
  const required: string[] = [];
  const errcodes: ErrcodeTable[] = [];
  const created: Impl[] = [];
  const host = new FeatureHost(features as readonly AnyFeature[], {
    requireBundle: (bundle): FeatureModule<object> => {
      required.push(bundle);
      return {
        errcodes: { 65301: { meaning: `from ${bundle}`, fix: '' } } as unknown as ErrcodeTable,
        create: (): Impl => {
          const impl: Impl = { runs: [], disposed: false, dispose: () => (impl.disposed = true) };
          created.push(impl);
          return impl;
        },
      };
    },
    addErrcodes: (table) => errcodes.push(table),
  });
  return { host, required, errcodes, created, context: {} as FeatureContext };
}

describe('FeatureHost', () => {
  it('requires no bundle to start: the command tables come from the Feature values, in feature order', () => {
    const { host, required, context } = rig([feature('a'), feature('b')]);
    const tables = host.start(context);
    assert.deepEqual(
      tables.map((table) => Object.keys(table)),
      [['wechat.aRun'], ['wechat.bRun']],
    );
    assert.deepEqual(required, []);
  });

  it('loads a bundle on the first command, once, and adds its errcodes then', async () => {
    const { host, required, errcodes, created, context } = rig([feature('a'), feature('b')]);
    const [tableA] = host.start(context);
    await tableA!['wechat.aRun']!.run({} as never);
    await tableA!['wechat.aRun']!.run({} as never);
    assert.deepEqual(required, ['a.js']);
    assert.equal(errcodes.length, 1);
    assert.deepEqual(created[0]!.runs, ['run', 'run']);
  });

  it('another feature loads through the same host, once', () => {
    const a = feature('a');
    const { host, required, context } = rig([a, feature('b')]);
    host.start(context);
    assert.equal(host.load(a), host.load(a));
    assert.deepEqual(required, ['a.js']);
  });

  it('runs activation work and disposes it and every loaded implementation with the host', () => {
    let activated = 0;
    let disposedActivation = 0;
    const a = feature('a', [], () => {
      activated++;
      return { dispose: () => disposedActivation++ };
    });
    const { host, created, context } = rig([a]);
    host.start(context);
    host.load(a);
    host.dispose();
    assert.equal(activated, 1);
    assert.equal(disposedActivation, 1);
    assert.equal(created[0]!.disposed, true);
    assert.throws(() => host.load(feature('late')), /after the extension was deactivated/);
  });

  it('refuses to load before start (no context yet)', () => {
    const a = feature('a');
    const { host } = rig([a]);
    assert.throws(() => host.load(a), /before the features started/);
  });

  it("lists the paths of every feature's quota-counted endpoints in feature order, each once", () => {
    const counted = (path: string): Endpoint => ({ path, method: 'GET', auth: 'token', quota: true });
    const uncounted: Endpoint = { path: '/n', method: 'GET', auth: 'token' };
    const { host } = rig([feature('a', [counted('/x'), uncounted, counted('/y')]), feature('b', [counted('/y'), counted('/z')])]);
    assert.deepEqual(host.quotaPaths(), ['/x', '/y', '/z']);
  });
});
