// Presets are plain data: a rule map and anything else a config file may hold.

import type { ConfigData } from './schema.js';

export const PRESETS: Record<string, ConfigData> = {
  // Every rule at its default severity.
  'stratlint:recommended': { rules: {} },
};
