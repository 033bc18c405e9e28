import pino from 'pino';
import { scrubValue } from './domain/privacy/scrub';

/**
 * The server's logger: pino, with every argument scrubbed before it is written (no e-mail address, token,
 * password or answer value in logs, issue 20). `destination` lets tests capture the lines.
 * @example const logger = createLogger({ level: 'info' }); logger.warn({ err }, 'retention job failed');
 */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): pino.Logger {
  const settings: pino.LoggerOptions = {
    level: options.level ?? 'info',
    hooks: {
      logMethod(args, method) {
        // Errors are scrubbed into plain objects under `err`, as pino's own serializer would shape them.
        const clean = args.map((a) => scrubValue(a)) as Parameters<typeof method>;
        return method.apply(this, clean);
      },
    },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
