import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { readConfig } from '../config';
import cluster from 'node:cluster';
import { openConfiguredDatabase, createServerApp, listen, startLiveHub, WEB_DIST } from '../server';
import { migrateToLatest } from '../db/migrate';
import { openDatabase } from '../db/connection';
import { countStructures } from '../db/structure.repo';
import { seedDemo } from '../seed/demo';
import { createDemoAccounts } from '../seed/demoAccounts';
import { backupDatabase, restoreDatabase } from '../app/infra/backup';
import { createUser } from '../app/accounts/createUser';
import { AppError } from '../domain/errors';
import { progressPrinter } from './progress';
import { processesOption } from './options';
import { qualityCommand } from './qualityCommand';
import { questionnaireCommand } from './questionnaireCommand';
import { responsesCommand } from './responsesCommand';
import { reportCommand } from './reportCommand';
import { externalCommand } from './externalCommand';
import { opendataCommand } from './opendataCommand';
import { structuresCommand } from './structuresCommand';
import { startJobRunner } from '../app/infra/jobRunner';
import { serverJobHandlers } from '../app/infra/serverJobs';
import { closeHeavyPool, setHeavyWorkers } from '../app/infra/heavy/pool';
import { jobsCommand } from './jobsCommand';
import { warmQuestionnaires } from '../app/questionnaires/questionnaireVersions';
import { warmPublishedFigures } from '../app/stats/getDashboard';
import { startOutboxSender } from '../app/infra/deliverOutbox';
import { startRetentionJob } from '../app/privacy/retentionJob';
import { createLogger } from '../logger';

const HELP = `senacs — observatoire des centres sociaux et espaces de vie sociale

Commandes :
  serve [--port N] [--no-demo] [--processes N]
                                       lance le serveur (PORT, DATA_DIR, DATABASE_URL) ; --processes : plusieurs processus
                                       sur le même port (PostgreSQL seulement)
  migrate                              met le schéma de la base à jour
  seed --demo [--scale N]              charge la campagne de démonstration dans une base vide
  user create --email E --name N --role R [--structure ID | --departement D | --region R] [--organisation caf|federation]
                                       crée un compte (mot de passe lu dans SENACS_PASSWORD ou demandé)
  backup <fichier>                     sauvegarde toute la base (PGlite ou PostgreSQL)
  restore <fichier> [--replace]        restaure une sauvegarde
  quality run --year A                 contrôle la qualité de toutes les réponses d’une campagne (constats et scores)
  questionnaire export --year A --format xlsform --out F.xlsx
                                       exporte le questionnaire national d’une année en XLSForm
  questionnaire import F.xlsx [--dry-run] [--year A]
                                       importe un XLSForm comme nouvelle version de son année (rapport des éléments non pris en charge)
  responses import F.csv|F.xlsx --year A [--dry-run] [--as email]
                                       importe des réponses (une ligne par SIRET, une colonne par code) ; rien n’est enregistré si une cellule est refusée
  responses export --year A --out F.csv|F.xlsx [--as email]
                                       exporte les réponses (celles que le compte --as peut voir)
  report --level departement|region|nation [--code C] --year A --out F.pdf
                                       écrit la plaquette PDF d’un territoire (chiffres publiés)
  report --all --year A --out dossier/ écrit toutes les plaquettes (France, régions, départements)
  external example --year A --out F.csv
                                       écrit le jeu d’exemple au format de l’observatoire de branche ELISFA (tiré de la campagne)
  external import F.csv|F.xlsx --dataset NOM --year A [--mapping F.json] [--dry-run] [--accept-proposals]
                                       importe un jeu de données externe (rien n’est gardé si le fichier a un problème)
  external report --dataset NOM --year A [--out F.csv|F.xlsx] [--tolerance-abs N] [--tolerance-rel N]
                                       rapport de concordance avec l’observatoire
  structures import F.csv|F.xlsx [--dry-run]
                                       importe l’annuaire des structures (fichier vérifié avant d’ouvrir la base ; rien n’est gardé s’il a un problème ; montre la différence)
  structures template --out F.csv|F.xlsx [--schema F.json]
                                       écrit le modèle du fichier d’annuaire et son schéma (Table Schema)
  opendata --year A --out dossier/     écrit les données ouvertes d’une campagne (CSV, schémas Table Schema, datapackage.json)
  jobs [--state pending|running|failed] [--limit N]
                                       la file des tâches (re-contrôles qualité…) : profondeur, tâches abandonnées et leur erreur
  jobs retry <id>                      remet dans la file une tâche abandonnée
`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = readConfig();
  switch (command) {
    case 'serve': return serveCommand(rest);
    case 'migrate': {
      // Opened without the automatic migration of the other commands, so the report says what this run applied.
      const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl, preparedStatements: config.preparedStatements } : { dataDir: config.dataDir });
      const done = await migrateToLatest(database.db);
      console.log(done.length ? `Migrations appliquées : ${done.join(', ')}` : 'Schéma déjà à jour.');
      return database.close();
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' }, scale: { type: 'string' } } });
      if (!values.demo) throw new AppError('bad_request', 'Précisez --demo (seul jeu de données disponible).');
      const database = await openConfiguredDatabase(config);
      try {
        const summary = await seedDemo(database.db, { scale: parseScale(values.scale), onProgress: progressPrinter() });
        const accounts = await createDemoAccounts(database.db, config.demoPassword);
        console.log(`Démonstration chargée : ${summary.structures} structures, ${summary.responses} réponses, ${summary.answers} réponses aux questions en ${summary.seconds.toFixed(1)} s.`);
        printAccounts(accounts);
      } finally { await database.close(); }
      return;
    }
    case 'user': {
      const [sub, ...args] = rest;
      if (sub !== 'create') throw new AppError('bad_request', 'Usage : senacs user create --email … --name … --role …');
      const { values } = parseArgs({ args, options: {
        email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, structure: { type: 'string' },
        departement: { type: 'string' }, region: { type: 'string' }, organisation: { type: 'string' },
      } });
      const password = process.env.SENACS_PASSWORD ?? (await promptPassword());
      const database = await openConfiguredDatabase(config);
      try {
        const id = await createUser({ db: database.db, email: values.email ?? '', name: values.name ?? '', password, role: values.role ?? '',
          structureId: values.structure ? Number(values.structure) : undefined, departementCode: values.departement, regionCode: values.region, organisation: values.organisation });
        console.log(`Compte créé (id ${id}) : ${values.email}`);
      } finally { await database.close(); }
      return;
    }
    case 'backup': {
      const file = rest[0];
      if (!file) throw new AppError('bad_request', 'Usage : senacs backup <fichier>');
      const database = await openConfiguredDatabase(config);
      try {
        const counts = await backupDatabase(database.db, file);
        console.log(`Sauvegarde écrite dans ${file} : ${Object.values(counts).reduce((a, b) => a + b, 0)} lignes.`);
      } finally { await database.close(); }
      return;
    }
    case 'restore': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { replace: { type: 'boolean' } } });
      const file = positionals[0];
      if (!file || !existsSync(file)) throw new AppError('bad_request', `Fichier de sauvegarde introuvable : ${file ?? '(aucun)'}`);
      const database = await openConfiguredDatabase(config, { geography: false });
      try {
        const counts = await restoreDatabase(database.db, file, { replace: values.replace ?? false });
        console.log(`Sauvegarde restaurée : ${Object.values(counts).reduce((a, b) => a + b, 0)} lignes.`);
      } finally { await database.close(); }
      return;
    }
    case 'questionnaire': {
      process.exitCode = await questionnaireCommand(rest, () => openConfiguredDatabase(config));
      return;
    }
    case 'responses': {
      process.exitCode = await responsesCommand(rest, () => openConfiguredDatabase(config));
      return;
    }
    case 'quality': {
      process.exitCode = await qualityCommand(rest, () => openConfiguredDatabase(config));
      return;
    }
    case 'report': {
      process.exitCode = await reportCommand(rest, () => openConfiguredDatabase(config));
      return;
    }
    case 'opendata': {
      process.exitCode = await opendataCommand(rest, () => openConfiguredDatabase(config));
      return;
    }
    case 'structures': {
      process.exitCode = await structuresCommand(rest, () => openConfiguredDatabase(config));
      return;
    }
    case 'external': {
      process.exitCode = await externalCommand(rest, () => openConfiguredDatabase(config));
      return;
    }
    case 'jobs': {
      process.exitCode = await jobsCommand(rest, () => openConfiguredDatabase(config));
      return;
    }
    case undefined: case 'help': case '--help': case '-h':
      console.log(HELP);
      return;
    default:
      throw new AppError('bad_request', `Commande inconnue : ${command}\n\n${HELP}`);
  }
}

function parseScale(v: string | undefined): number {
  const scale = Number(v ?? process.env.SENACS_DEMO_SCALE ?? 1);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 50) throw new AppError('bad_request', '--scale attend un nombre entre 0 et 50 (par exemple 1, 10 ou 0.05).');
  return scale;
}

async function serveCommand(args: string[]) {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, 'no-demo': { type: 'boolean' }, processes: { type: 'string' } } });
  const started = Date.now();
  const config = readConfig();
  const processes = processesOption(values.processes, Boolean(config.databaseUrl));
  // Workers of `--processes N`: the first process prepared the database and the web app.
  const worker = cluster.isWorker;
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'info' });
  if (!worker) ensureWebBuilt();
  // The embedded database works in a thread of its own, never on the event loop that serves requests (SENACS_PGLITE_THREAD=0: in it).
  const database = await openConfiguredDatabase(config, { pgliteThread: process.env.SENACS_PGLITE_THREAD !== '0' });
  const demo = !worker && !config.production && !values['no-demo'];
  let accounts: Awaited<ReturnType<typeof createDemoAccounts>> | undefined;
  if (demo) {
    if ((await countStructures(database.db)) === 0) {
      console.log('Base vide : chargement de la campagne de démonstration…');
      const summary = await seedDemo(database.db, { scale: parseScale(undefined), onProgress: progressPrinter() });
      console.log(`  ${summary.structures} structures, ${summary.answers} réponses en ${summary.seconds.toFixed(1)} s.`);
    }
    accounts = await createDemoAccounts(database.db, config.demoPassword);
  }
  if (config.production && !config.publicUrl) {
    console.warn('Attention : PUBLIC_URL n’est pas définie ; les liens des courriels suivront l’adresse de chaque requête et les cookies ne sont pas marqués Secure.');
  }
  const port = values.port ? Number(values.port) : config.port;
  if (processes > 1 && !worker) {
    await database.close();
    if (accounts) printAccounts(accounts);
    return superviseWorkers(processes, port, started);
  }
  // Parsing uploads and campaign quality runs go to worker threads, off the event loop (SENACS_WORKERS=0: inline).
  setHeavyWorkers(process.env.SENACS_WORKERS !== '0');
  const { live, stop: stopLive } = await startLiveHub(database, config, logger);
  const app = createServerApp(database, logger, config, { live });
  // Built before the first request, not on the event loop of someone's autosave (src/app/questionnaires).
  await warmQuestionnaires(database.db).catch((err: unknown) => logger.warn({ err }, 'questionnaires not loaded in advance'));
  // The most asked-for public figures, ready before the first visitor (issue 16: figures ready before they are asked for).
  await warmPublishedFigures(database.db).catch((err: unknown) => logger.warn({ err }, 'published figures not loaded in advance'));
  const server = await listen(app, port);
  // Retention (issue 20): expired sessions and counters, spent tokens, old mail bodies, old audit events; at start then hourly.
  // One worker is enough (the deletions are the same from any process).
  const stopSessionSweep = worker && cluster.worker!.id !== 1 ? () => {} : startRetentionJob(database.db, config.retention, {
    onError: (err) => logger.warn({ err }, 'retention job failed'),
    onRun: (report) => logger.info({ retention: report }, 'retention applied'),
  });
  if (worker) console.log(`Processus ${cluster.worker!.id} (pid ${process.pid}) prêt.`);
  else console.log(`\nSenacs est prêt sur http://localhost:${port} (${database.kind === 'pglite' ? `base embarquée ${resolve(config.dataDir)}` : 'PostgreSQL'}) en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (accounts) printAccounts(accounts);
  // The outbox is sent in the background (and retried with backoff) when a mail server is configured.
  const sender = config.smtpUrl ? startOutboxSender({ db: database.db, smtpUrl: config.smtpUrl, onError: (e) => logger.error({ err: e }, 'boîte d’envoi') }) : undefined;
  // The durable job queue (quality re-checks…): a runner in every process, woken through NOTIFY on PostgreSQL.
  const jobs = await startJobRunner({
    db: database.db, handlers: serverJobHandlers, databaseUrl: database.kind === 'postgres' ? config.databaseUrl : undefined,
    exclusive: database.kind === 'pglite', onError: (err) => logger.warn({ err }, 'file des tâches'),
  });
  // The job in progress finishes before the database closes (five seconds at most); pending ones stay queued for the next start.
  const stop = async () => {
    stopSessionSweep();
    await Promise.race([sender?.stop(), new Promise((done) => setTimeout(done, 5000).unref())]);
    server.close();
    await stopLive().catch(() => undefined);
    await Promise.race([jobs.stop(), new Promise((done) => setTimeout(done, 5000).unref())]);
    await Promise.race([closeHeavyPool(), new Promise((done) => setTimeout(done, 2000).unref())]);
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * The first process of `serve --processes N`: starts N workers that share the port (node:cluster hands
 * connections out in turn), starts again one that dies, and stops them all on SIGINT/SIGTERM.
 */
function superviseWorkers(n: number, port: number, started: number) {
  let stopping = false;
  for (let i = 0; i < n; i++) cluster.fork();
  let ready = 0;
  cluster.on('listening', () => {
    if (++ready === n) console.log(`\nSenacs est prêt sur http://localhost:${port} (PostgreSQL, ${n} processus) en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  });
  cluster.on('exit', (w, code, signal) => {
    if (stopping) { if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0); return; }
    console.error(`Processus ${w.id} arrêté (${signal ?? `code ${code}`}) : relancé.`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const w of workers) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function printAccounts(a: { password: string; accounts: { email: string; role: string }[] }) {
  console.log(`\nComptes de démonstration (mot de passe ${process.env.DEMO_PASSWORD ? 'de DEMO_PASSWORD' : `: ${a.password}`}) :`);
  for (const acc of a.accounts) console.log(`  ${acc.email.padEnd(32)} ${acc.role}`);
}

/** The web app is built once (npm start on a fresh clone); later starts reuse dist/web. */
function ensureWebBuilt() {
  if (existsSync(resolve(WEB_DIST, 'index.html'))) return;
  console.log('Construction de l’application web…');
  const r = spawnSync(process.execPath, [resolve(import.meta.dirname, '../../node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: resolve(import.meta.dirname, '../..') });
  if (r.status !== 0) throw new Error('La construction de l’application web a échoué.');
}

async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new AppError('bad_request', 'Mot de passe requis : définissez SENACS_PASSWORD.');
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const p = await rl.question('Mot de passe (12 caractères au moins, difficile à deviner : une phrase de plusieurs mots sans lien convient) : ');
  rl.close();
  return p;
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const code = (e as { code?: string }).code;
  if (e instanceof AppError) console.error(`Erreur : ${e.message}`);
  else if (code?.startsWith('ERR_PARSE_ARGS')) console.error(`Erreur : option inconnue ou mal formée (${(e as Error).message.replace(/^.*'(.*)'.*$/s, '$1')}). Voir « senacs help ».`);
  else console.error('Erreur :', e instanceof Error ? e.message : e);
  process.exit(1);
});
