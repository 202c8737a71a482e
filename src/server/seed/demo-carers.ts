import type { DemoCarer } from './demo-data';
import { DEVON_CARERS } from './demo-carers-devon';
import { FYLDE_CARERS } from './demo-carers-fylde';

/**
 * The demo care workers: seven on the Fylde coast and six in South Devon. Their matching facts give
 * each demo person a real funnel: some are too far, not free, without a skill, a language or the
 * gender the person asked for; the rest are ranked.
 */
export const DEMO_CARERS: DemoCarer[] = [...FYLDE_CARERS, ...DEVON_CARERS];
