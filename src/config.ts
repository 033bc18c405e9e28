import { isIP } from 'node:net';
import { AppError } from './domain/errors';
import { legalVariables, type LegalSettings } from './domain/privacy/legal';
import { defaultRetention, retentionVariables, type RetentionPolicy } from './domain/privacy/retention';

/** Settings read once from the environment. */
export interface Config {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  /** PostgreSQL: repeated statements as named prepared statements (PG_PREPARED=off behind a pooler in transaction mode). */
  preparedStatements: boolean;
  demoPassword?: string;
  production: boolean;
  smtpUrl?: string;
  /** The address people use, without a trailing slash (`https://senacs.example.org`): links in e-mails, Secure cookies when https. */
  publicUrl?: string;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR blocks); nobody else's is. */
  trustedProxies: string[];
  /** Publisher, host, contacts shown in the legal notice and the privacy notice (LEGAL_* variables). */
  legal: LegalSettings;
  /** How long personal data is kept (RETENTION_* variables, in days). */
  retention: RetentionPolicy;
}

/**
 * Reads the settings; a malformed PUBLIC_URL or TRUSTED_PROXIES stops the start with a French message.
 * @example readConfig({ PUBLIC_URL: 'https://senacs.example.org', TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' })
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const publicUrl = env.PUBLIC_URL ? parsePublicUrl(env.PUBLIC_URL) : undefined;
  return {
    port: Number(env.PORT ?? 3000),
    dataDir: env.DATA_DIR ?? './data',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    preparedStatements: env.PG_PREPARED?.trim().toLowerCase() !== 'off',
    ...(env.DEMO_PASSWORD ? { demoPassword: env.DEMO_PASSWORD } : {}),
    production: env.NODE_ENV === 'production',
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES ?? ''),
    legal: readLegal(env),
    retention: readRetention(env),
  };
}

/** LEGAL_* and ACCESSIBILITY_AUDIT: free text, trimmed; an empty value counts as unset. */
export function readLegal(env: NodeJS.ProcessEnv): LegalSettings {
  const legal: LegalSettings = {};
  for (const [key, name] of Object.entries(legalVariables) as [keyof LegalSettings, string][]) {
    const v = env[name]?.trim();
    if (v) legal[key] = v;
  }
  return legal;
}

/** RETENTION_*_DAYS: whole numbers of days, at least 1 (0 would erase what is still in use). */
export function readRetention(env: NodeJS.ProcessEnv): RetentionPolicy {
  const policy = { ...defaultRetention };
  for (const [key, name] of Object.entries(retentionVariables) as [keyof RetentionPolicy, string][]) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1) throw new AppError('bad_request', `${name} attend un nombre entier de jours, au moins 1 (reçu : « ${raw} »).`);
    policy[key] = Number(raw);
  }
  return policy;
}

/** Session cookies are Secure exactly when people reach the service over https. */
export const usesHttps = (config: Pick<Config, 'publicUrl'>) => config.publicUrl?.startsWith('https://') ?? false;

function parsePublicUrl(raw: string): string {
  let url: URL;
  try { url = new URL(raw.trim()); } catch {
    throw new AppError('bad_request', `PUBLIC_URL n’est pas une adresse valide : « ${raw} » (exemple : https://senacs.example.org).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('bad_request', `PUBLIC_URL doit commencer par https:// ou http:// (reçu : « ${raw} »).`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function parseTrustedProxies(raw: string): string[] {
  const list = raw.split(/[\s,]+/).filter(Boolean);
  for (const entry of list) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !okBits || extra !== undefined) {
      throw new AppError('bad_request', `TRUSTED_PROXIES : « ${entry} » n’est ni une adresse IP ni un bloc CIDR (exemple : 127.0.0.1, 10.0.0.0/8).`);
    }
  }
  return list;
}
