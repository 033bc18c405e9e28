import { describe, expect, it } from 'vitest';
import type { FollowedJob } from '../lib/jobs';
import { jobProgressText } from './JobProgress';

const job = (patch: Partial<FollowedJob>): FollowedJob => ({
  id: 1, kind: 'k', label: 'l', state: 'running', about: null, progress: null, result: null, error: null, createdAt: '2026-01-01T00:00:00.000Z', finishedAt: null, ...patch,
});
const rows = (step: string): [string, string] => (step.startsWith('contrôle qualité') ? ['réponse', 'réponses'] : ['ligne', 'lignes']);

describe('a job’s progress in French', () => {
  it('says the job waits, then starts', () => {
    expect(jobProgressText(null, 'steps')).toBe('En attente de démarrage…');
    expect(jobProgressText(job({ state: 'pending' }), rows)).toBe('En attente de démarrage…');
    expect(jobProgressText(job({ state: 'running' }), rows)).toBe('Démarrage…');
  });

  it('counts an import’s rows, and names a step that counts nothing', () => {
    expect(jobProgressText(job({ progress: { step: 'enregistrement', done: 1200, total: 3569 } }), rows)).toBe('Enregistrement : 1\u202f200 / 3\u202f569 lignes');
    expect(jobProgressText(job({ progress: { step: 'enregistrement', done: 0, total: 1 } }), rows)).toBe('Enregistrement : 0 / 1 ligne');
    expect(jobProgressText(job({ progress: { step: 'contrôle qualité (contrôle)', done: 0, total: 12 } }), rows)).toBe('Contrôle qualité (contrôle) : 0 / 12 réponses');
    expect(jobProgressText(job({ progress: { step: 'rapprochement', done: 0, total: 0 } }), rows)).toBe('Rapprochement…');
  });

  it('numbers a publication’s steps from the ones done', () => {
    expect(jobProgressText(job({ progress: { step: 'lecture des réponses validées', done: 0, total: 3 } }), 'steps')).toBe('Étape 1 sur 3 : lecture des réponses validées');
    expect(jobProgressText(job({ progress: { step: 'calcul des tableaux et audit exact du secret', done: 1, total: 3 } }), 'steps'))
      .toBe('Étape 2 sur 3 : calcul des tableaux et audit exact du secret');
    expect(jobProgressText(job({ progress: { step: 'version publiée', done: 3, total: 3 } }), 'steps')).toBe('Étape 3 sur 3 : version publiée');
  });
});
