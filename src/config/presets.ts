// Presets are plain data, shaped like a config file; a preset may extend another.

import type { ConfigData } from './schema.js';

export const PRESETS: Record<string, ConfigData> = {
  // Every rule at its default severity and options.
  'stratlint:recommended': { rules: {} },

  // For strategies that must pass a review board: tighter thresholds, most findings are errors.
  'stratlint:strict': {
    extends: 'stratlint:recommended',
    failUnder: 70,
    rules: {
      'vague-goals': ['error', { minMeasurableShare: 0.6 }],
      'no-success-measures': 'error',
      'wish-list': ['error', { maxListItems: 5, maxInitiatives: 8, maxObjectives: 15 }],
      'long-horizon': ['error', { maxYears: 3 }],
      'no-review-cycle': 'error',
      'hype-tech': ['error', { minWeight: 4 }],
      'missing-user-needs': 'error',
      readability: ['warn', { minReadingEase: 40, maxSentenceWords: 30 }],
      'document-length': ['warn', { maxWords: 6000 }],
      'it-driven': ['error', { maxTechRatio: 1 }],
      'supplier-lock-in': ['error', { maxYears: 3 }],
      'not-integrated': 'error',
      'cookie-cutter': ['warn', { minSpecificsPerThousand: 20 }],
    },
  },

  // NHS trusts and integrated care systems: their people, their basics, their acronyms.
  'stratlint:nhs': {
    extends: 'stratlint:recommended',
    lexicons: {
      'user-nouns': ['patient', 'clinician', 'carer', 'service user', 'people who use our services', 'midwife', 'consultant', 'therapist', 'porter', 'workforce'],
      basics: ['shared care record', 'HSCN', 'Data Security and Protection Toolkit', 'DSPT', 'Cyber Essentials', 'clinical coding', 'e-rostering', 'PACS', 'smartcard'],
      'research-evidence': ['patient experience', 'Friends and Family Test', 'patient feedback', 'PALS', 'patient panel', 'clinical safety'],
      'common-acronyms': ['ICS', 'ICB', 'EPR', 'A&E', 'ED', 'CQC', 'NHSE', 'GP', 'PALS', 'ICU', 'OPD'],
      'objective-headings': ['what good looks like', 'our digital ambitions'],
      'people-outcomes': ['midwife', 'therapist', 'porter', 'length of stay', 'discharge', 'avoidable harm', 'health outcomes'],
      'corporate-plans': ['ICB strategy', 'quality strategy', 'green plan', 'clinical services strategy', 'place-based plan'],
      'technology-terms': ['PACS', 'HSCN', 'e-rostering', 'smartcard'],
    },
  },
};
