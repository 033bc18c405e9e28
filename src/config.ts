/** Settings read once from the environment. */
export interface Config {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  demoPassword?: string;
  production: boolean;
  smtpUrl?: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    dataDir: env.DATA_DIR ?? './data',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.DEMO_PASSWORD ? { demoPassword: env.DEMO_PASSWORD } : {}),
    production: env.NODE_ENV === 'production',
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
  };
}
