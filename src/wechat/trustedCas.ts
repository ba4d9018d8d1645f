// The certificate authorities the transport trusts: Node's bundled roots, the operating system's
// store and NODE_EXTRA_CA_CERTS — so a company CA (a TLS-inspecting proxy, an internal gateway)
// works without turning certificate checks off. NODE_EXTRA_CA_CERTS is read here explicitly: Node
// applies it only when the process starts with it, which the extension host may not have.
// Passing `ca` to TLS replaces Node's defaults, so the additions go on top of the default store.
import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';

import type { Environment } from './proxyRoute';

export interface CaSources {
  readonly env: Environment;
  /** Reads a certificate file (PEM); readFileSync by default. */
  readonly readFile?: (path: string) => string;
  /** The system store; by default Node's (≥ 22.15) or, on Linux, the distribution's bundle file. */
  readonly systemCertificates?: () => readonly string[];
}

export interface TrustedCas {
  /** Node's default store plus the additions, or undefined when nothing is added to it. */
  readonly secureContext: tls.SecureContext | undefined;
  /** How many certificates were added beyond Node's roots, for the log. */
  readonly added: number;
  /** Problems worth a warning in the log (an unreadable NODE_EXTRA_CA_CERTS). */
  readonly warnings: readonly string[];
}

/** Where Linux distributions keep the system bundle (Debian/Ubuntu, Fedora/RHEL, openSUSE, Alpine). */
const LINUX_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export function pemCertificates(text: string): string[] {
  return text.match(PEM_BLOCK) ?? [];
}

/** Node's own view of the system store where it has one (Node ≥ 22.15, 23.5), else the Linux bundle. */
export function defaultSystemCertificates(readFile: (path: string) => string = readUtf8): readonly string[] {
  const getCACertificates = (tls as { getCACertificates?: (type: 'system') => string[] }).getCACertificates;
  if (typeof getCACertificates === 'function') {
    try {
      return getCACertificates('system');
    } catch {
      return [];
    }
  }
  if (process.platform !== 'linux') return []; // macOS/Windows before Node 22.15: what Node gives
  for (const path of LINUX_BUNDLES) {
    try {
      return pemCertificates(readFile(path));
    } catch {
      // not this distribution's path
    }
  }
  return [];
}

export function trustedCas(sources: CaSources): TrustedCas {
  const readFile = sources.readFile ?? readUtf8;
  const warnings: string[] = [];
  const extra: string[] = [];
  const extraPath = sources.env['NODE_EXTRA_CA_CERTS']?.trim();
  if (extraPath) {
    try {
      const found = pemCertificates(readFile(extraPath));
      if (found.length === 0) warnings.push(`NODE_EXTRA_CA_CERTS (${extraPath}) holds no PEM certificate; nothing from it is trusted`);
      extra.push(...found);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      warnings.push(
        `NODE_EXTRA_CA_CERTS (${extraPath}) could not be read (${typeof code === 'string' ? code : 'error'}); nothing from it is trusted`,
      );
    }
  }
  const roots = new Set(tls.rootCertificates.map(normalize));
  const seen = new Set(roots);
  const additions: string[] = [];
  for (const pem of [...(sources.systemCertificates ?? defaultSystemCertificates)(), ...extra]) {
    const key = normalize(pem);
    if (seen.has(key)) continue;
    seen.add(key);
    additions.push(pem);
  }
  return { secureContext: additions.length > 0 ? withAdditions(additions) : undefined, added: additions.length, warnings };
}

/**
 * A context trusting Node's default store and `additions`. Adding to a default context copies
 * the shared store first (Node's copy-on-write), so the rest of the extension host keeps trusting
 * what it trusted; that takes milliseconds, where a `ca` list of every root takes > 100 ms to parse.
 */
function withAdditions(additions: readonly string[]): tls.SecureContext {
  const context = tls.createSecureContext();
  const native = (context as { context?: { addCACert?: (pem: string) => void } }).context;
  if (typeof native?.addCACert !== 'function') return tls.createSecureContext({ ca: [...tls.rootCertificates, ...additions] });
  for (const pem of additions) native.addCACert(pem);
  return context;
}

function normalize(pem: string): string {
  return pem.replace(/\s+/g, '');
}

function readUtf8(path: string): string {
  return readFileSync(path, 'utf8');
}
