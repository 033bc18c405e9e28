import { z } from 'zod';
import { responseStates } from '../../../domain/responseState';

export { territoryQuery, territoryFiguresResponse } from '../ess/schema';

const euros = z.number().nullable();
const cashSignal = z.object({
  state: z.enum(['difficulty', 'watch', 'ok', 'unknown']),
  reasons: z.array(z.object({ level: z.enum(['alert', 'watch']), code: z.string(), text: z.string() })),
  missing: z.array(z.string()),
});

/** A structure's cash indicators and difficulty signal, each year it answered (private). */
export const structureCashResponse = z.object({
  structureId: z.number(),
  thresholds: z.object({ alertDays: z.number(), watchDays: z.number(), deficitShare: z.number(), delayDays: z.number(), bankChargesShare: z.number(), funderShare: z.number() }),
  years: z.array(z.object({
    year: z.number(), responseState: z.enum(responseStates), cash: euros, expenses: euros, income: euros, cashDays: euros,
    workingCapital: z.object({ computable: z.literal(false), missing: z.array(z.string()) }),
    reservesDays: euros, bankCharges: euros, bankChargesShare: euros, paymentDelayDays: euros,
    largestFunder: z.object({ key: z.string(), label: z.string(), amount: z.number(), share: z.number() }).nullable(),
    result: euros, signal: cashSignal,
  })),
});

/** The structures of a territory in cash difficulty or to watch, named with their reasons, for those who follow it. */
export const cashDifficultiesResponse = z.object({
  year: z.number(), territory: z.object({ level: z.enum(['nation', 'region', 'departement']), code: z.string(), name: z.string() }),
  validated: z.number(), difficulty: z.number(),
  items: z.array(cashSignal.extend({ structureId: z.number(), name: z.string(), departementCode: z.string(), responseId: z.number(), state: z.enum(['difficulty', 'watch']) })),
});
