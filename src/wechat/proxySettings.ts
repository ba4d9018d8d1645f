// VS Code's `http.*` settings the transport follows, parsed from raw values of any shape (in
// dist/transport.js: the activation bundle only needs the keys). The key list is the one config.ts
// watches (affectsProxy): a setting read here and not watched would only take effect after a reload.
import { RawSettings, SettingsReader } from '../common/settingsReader';
import { ProxySettings, ProxySupport } from './http';

/** Keys under the `http` section. */
export const PROXY_SETTING_KEYS = ['proxy', 'proxyStrictSSL', 'noProxy', 'proxySupport', 'proxyAuthorization'] as const;

export function parseProxySettings(raw: RawSettings): ProxySettings {
  const read = new SettingsReader(raw, 'http');
  const noProxy = raw('noProxy');
  return {
    proxyUrl: read.text('proxy'),
    strictSSL: read.boolean('proxyStrictSSL', true),
    // A mistyped list (a plain string, numbers in it) is ignored entry by entry, as VS Code does.
    noProxy: Array.isArray(noProxy) ? noProxy.filter((entry): entry is string => typeof entry === 'string') : [],
    // VS Code's default is "override".
    proxySupport: read.oneOf<ProxySupport>('proxySupport', ['off', 'on', 'override', 'fallback'], 'override'),
    proxyAuthorization: read.text('proxyAuthorization'),
  };
}
