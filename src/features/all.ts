// Every feature, in the order the status-bar quick pick lists their groups. The composition root
// loops over this list; adding a feature is one line here (CONTRIBUTING.md, "Adding a feature").
import type { AnyFeature } from '../ui/features';
import { accountsFeature } from './accounts';
import { diagnosticsFeature } from './diagnostics';
import { menuFeature } from './menu';
import { simulatorFeature } from './simulator';
import { tokenFeature } from './token';

export const FEATURES: readonly AnyFeature[] = [tokenFeature, accountsFeature, menuFeature, diagnosticsFeature, simulatorFeature];
