// The features as the composition root sees them: their command tables, their activation work, and
// their implementations, each loaded from its bundle the first time anything asks for it (once; its
// errcodes join the catalog then). vscode-free — the bundle is required through `requireBundle` —
// so the loading rules are unit-tested.
import { DisposableStore, type IDisposable } from '../common/lifecycle';
import type { ErrcodeTable } from '../wechat/errcodes';
import type { CommandTable } from './commandTable';
import type { Feature, FeatureContext, FeatureModule } from './feature';

/**
 * A feature of any implementation type: the host only loads it and hands it back. Feature is
 * contravariant in its Impl (it only receives `() => Impl`), so every feature is a Feature<…, never>.
 */
export type AnyFeature = Feature<string, never>;

export interface FeatureHostDeps {
  /** Requires a bundle of dist/, e.g. 'menu.js' (lazyRequire in the extension; a map of modules in tests). */
  readonly requireBundle: (bundle: string) => FeatureModule<object>;
  /** Adds a loaded feature's errcode entries to the catalog. */
  readonly addErrcodes: (table: ErrcodeTable) => void;
}

export class FeatureHost implements IDisposable {
  private readonly implementations = new Map<string, object>();
  private readonly owned = new DisposableStore();
  private context: FeatureContext | undefined;

  constructor(
    readonly features: ReadonlyArray<AnyFeature>,
    private readonly deps: FeatureHostDeps,
  ) {}

  /** Hands every feature the context: their command tables (in feature order) and their activation work. */
  start(context: FeatureContext): ReadonlyArray<CommandTable<string>> {
    this.context = context;
    const tables = this.features.map((feature) => feature.commands(() => this.load(feature), context));
    for (const feature of this.features) {
      const activation = feature.activate?.(context, () => this.load(feature));
      if (activation) this.owned.add(activation);
    }
    return tables;
  }

  /** A feature's implementation, its bundle required on the first call. */
  load<Impl extends object>(feature: Feature<string, Impl>): Impl {
    const loaded = this.implementations.get(feature.id);
    if (loaded) return loaded as Impl;
    if (!this.context) throw new Error(`the ${feature.id} feature was asked for before the features started`);
    if (this.owned.isDisposed) throw new Error(`the ${feature.id} feature was asked for after the extension was deactivated`);
    const module = this.deps.requireBundle(`${feature.id}.js`) as FeatureModule<Impl>;
    if (module.errcodes) this.deps.addErrcodes(module.errcodes);
    const implementation = module.create(this.context);
    this.implementations.set(feature.id, implementation);
    if (isDisposable(implementation)) this.owned.add(implementation);
    return implementation;
  }

  /** The paths of every feature's quota-counted endpoints, in feature order, each once. */
  quotaPaths(): readonly string[] {
    return [
      ...new Set(
        this.features.flatMap((feature) => feature.endpoints.filter((endpoint) => endpoint.quota).map((endpoint) => endpoint.path)),
      ),
    ];
  }

  dispose(): void {
    this.owned.dispose();
  }
}

function isDisposable(value: object): value is IDisposable {
  return typeof (value as Partial<IDisposable>).dispose === 'function';
}
