import { builder } from '../../builder.js';
import type { ContestRecord } from './contest.cypher.js';

export const StanceCountObject = builder.objectRef<ContestRecord['counts'][number]>('StanceCount');
