// The built-in rules, one module each.

import type { Rule } from '../src/core/rule.js';
import hypeTech from './hype-tech.js';
import longHorizon from './long-horizon.js';
import missingUserNeeds from './missing-user-needs.js';
import noReviewCycle from './no-review-cycle.js';
import noUsers from './no-users.js';
import vagueGoals from './vague-goals.js';
import wishList from './wish-list.js';

export const builtinRules: Rule<any>[] = [vagueGoals, wishList, longHorizon, noReviewCycle, hypeTech, noUsers, missingUserNeeds];
