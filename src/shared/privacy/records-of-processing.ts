import type { Country } from '../roles.js';
import {
  countryRetention,
  type Retention,
  type RetentionCategory,
  type RetentionSettings,
  retentionCategories,
  retentionStart,
} from './retention.js';

/**
 * The records of processing (GDPR art. 30) of one organisation, derived from its settings: which processing Groeipad
 * does, why, on what legal basis, about whom, what data, who receives it and how long it is kept. Answers catalogue
 * keys (`privacy.ropa.*`), so the server words it in the reader's language.
 */
export interface ProcessingFacts {
  country: Country;
  hrSeesPlanContent: boolean;
  settings: RetentionSettings;
  retention: Retention;
}

export const processingActivityKeys = ['pop', 'training', 'accounts', 'audit'] as const;
export type ProcessingActivityKey = (typeof processingActivityKeys)[number];

export interface ProcessingActivity {
  key: ProcessingActivityKey;
  /** `privacy.ropa.basis.*` */
  legalBasis: string;
  /** `privacy.ropa.subjects.*` */
  dataSubjects: string[];
  /** `privacy.ropa.data.*` */
  dataCategories: string[];
  /** `privacy.ropa.recipients.*` */
  recipients: string[];
  category: RetentionCategory;
  months: number;
  startsAt: 'leaving' | 'event';
}

const categoryOf: Record<ProcessingActivityKey, RetentionCategory> = {
  pop: 'plan_content',
  training: 'training_records',
  accounts: 'accounts',
  audit: 'audit_log',
};

export function processingActivities(facts: ProcessingFacts): ProcessingActivity[] {
  const isBelgian = facts.country === 'BE';
  const parts: Record<
    ProcessingActivityKey,
    Omit<ProcessingActivity, 'key' | 'category' | 'months' | 'startsAt'>
  > = {
    pop: {
      legalBasis: 'contract_legitimate_interest',
      dataSubjects: ['employees', 'managers'],
      dataCategories: ['identification', 'job', 'development'],
      recipients: [
        'employee',
        'manager',
        facts.hrSeesPlanContent ? 'hr_with_content' : 'hr_without_content',
        'admin_without_content',
      ],
    },
    training: {
      legalBasis: isBelgian ? 'legal_obligation_be' : 'legal_obligation_nl',
      dataSubjects: ['employees'],
      dataCategories: ['identification', 'job', 'training', ...(isBelgian ? ['training_plan_facts'] : [])],
      recipients: [
        'employee',
        'manager_balances',
        'hr',
        ...(isBelgian ? ['learning_account', 'works_council'] : []),
      ],
    },
    accounts: {
      legalBasis: 'contract_security',
      dataSubjects: ['members'],
      dataCategories: ['identification', 'sign_in', 'messages'],
      recipients: ['admin_accounts', 'mail_server'],
    },
    audit: {
      legalBasis: 'accountability',
      dataSubjects: ['members'],
      dataCategories: ['identification', 'activity'],
      recipients: ['admin_without_content', 'employee_reads'],
    },
  };
  return processingActivityKeys.map((key) => ({
    key,
    ...parts[key],
    category: categoryOf[key],
    months: facts.retention[categoryOf[key]],
    startsAt: retentionStart[categoryOf[key]],
  }));
}

export interface RetentionLine {
  category: RetentionCategory;
  months: number;
  isDefault: boolean;
  startsAt: 'leaving' | 'event';
  /** `privacy.ropa.retentionBasis.<country>.<category>`, or `...organisation` when the organisation chose. */
  basis: string;
}

export function retentionLines(facts: ProcessingFacts): RetentionLine[] {
  return retentionCategories.map((category) => {
    const chosen = facts.settings[category];
    const isDefault = chosen === null || chosen === countryRetention[facts.country][category];
    return {
      category,
      months: facts.retention[category],
      isDefault,
      startsAt: retentionStart[category],
      basis: isDefault ? `${facts.country}.${category}` : `organisation.${category}`,
    };
  });
}

/** The technical and organisational measures (art. 30(1)(g)) Groeipad itself takes: `privacy.ropa.measures.*`. */
export const securityMeasures = [
  'roles',
  'preparations',
  'passwords',
  'sessions',
  'audit',
  'export',
  'retention',
  'backups',
] as const;
