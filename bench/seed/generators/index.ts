import type { Generator } from '../context.js';
import { auditGenerator } from './audit.js';
import { organisationGenerator } from './organisation.js';
import { plansGenerator } from './plans.js';
import { structureGenerator } from './structure.js';
import { trainingGenerator } from './training.js';

/**
 * Every table group of the generated organisation, in the order they depend on each other. A new table group
 * (notifications...) is one more generator appended here; it reads what it needs from the context.
 */
export const generators: Generator[] = [
  organisationGenerator,
  structureGenerator,
  plansGenerator,
  trainingGenerator,
  auditGenerator,
];
